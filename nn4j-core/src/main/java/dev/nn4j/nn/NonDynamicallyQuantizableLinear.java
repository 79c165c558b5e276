package dev.nn4j.nn;

/**
 * The output projection of {@link MultiheadAttention}: a {@link Linear} under the name PyTorch prints and
 * saves ({@code torch.nn.modules.linear.NonDynamicallyQuantizableLinear}).
 */
public class NonDynamicallyQuantizableLinear extends Linear {
    public NonDynamicallyQuantizableLinear(int inFeatures, int outFeatures, boolean bias) {
        super(inFeatures, outFeatures, bias);
    }

    public NonDynamicallyQuantizableLinear(int inFeatures, int outFeatures) {
        super(inFeatures, outFeatures, true);
    }
}
