package dev.nn4j.nn;

/**
 * Pads the last 1 dim(s) with a constant {@code value}, as {@code torch.nn.ConstantPad1d(padding, value)}.
 *
 * <p>Shapes: input (N, C, W) or (C, W), output (N, C, W + left + right). Padding: one int for every side or 1×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ConstantPad1d(2, 3.5).forward(Tensor.randn(1, 2, 4));
 * }</pre>
 */
public class ConstantPad1d extends ConstantPadNd {
    public ConstantPad1d(int padding, Number value) {
        super("ConstantPad1d", 1, new int[] {padding}, value);
    }

    public ConstantPad1d(int[] padding, Number value) {
        super("ConstantPad1d", 1, padding, value);
    }
}
