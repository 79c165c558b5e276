package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * Applies y = x₁ᵀ A x₂ + b, as {@code torch.nn.Bilinear(in1_features, in2_features, out_features, bias=True)}.
 *
 * <p>Shapes: input1 (*, in1_features), input2 (*, in2_features), output (*, out_features). Parameters:
 * {@code weight} (out, in1, in2) and {@code bias} (out), both from U(±1/√in1_features).
 *
 * <pre>{@code
 * var m = new Bilinear(20, 30, 40);
 * Tensor y = m.forward(Tensor.randn(128, 20), Tensor.randn(128, 30));   // (128, 40)
 * }</pre>
 */
public class Bilinear extends Module {
    public final int in1Features;
    public final int in2Features;
    public final int outFeatures;
    public final Tensor weight;
    public final Tensor bias;

    public Bilinear(int in1Features, int in2Features, int outFeatures) {
        this(in1Features, in2Features, outFeatures, true);
    }

    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias) {
        this.in1Features = in1Features;
        this.in2Features = in2Features;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Parameter.of(Tensor.empty(outFeatures, in1Features, in2Features)));
        this.bias = registerParameter("bias", bias ? Parameter.of(Tensor.empty(outFeatures)) : null);
        resetParameters();
    }

    /** Re-draws weight and bias from U(±1/√in1_features). */
    public void resetParameters() {
        double bound = 1 / Math.sqrt(weight.size(1));
        Init.uniform_(weight, -bound, bound);
        if (bias != null) Init.uniform_(bias, -bound, bound);
    }

    public Tensor forward(Tensor input1, Tensor input2) {
        return F.bilinear(input1, input2, weight, bias);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 2) return forward((Tensor) args[0], (Tensor) args[1]);
        throw new IllegalArgumentException("Bilinear.forward: expected 2 tensors (input1, input2), got " + describe(args));
    }

    @Override
    public String extraRepr() {
        return "in1_features=" + in1Features + ", in2_features=" + in2Features + ", out_features=" + outFeatures + ", bias=" + Repr.py(bias != null);
    }
}
