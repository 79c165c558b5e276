package dev.nn4j.nn;

/**
 * Pads the last 3 dim(s) with a constant {@code value}, as {@code torch.nn.ConstantPad3d(padding, value)}.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W), output (N, C, D + front + back, H + top + bottom, W + left + right). Padding: one int for every side or 3×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ConstantPad3d(2, 3.5).forward(Tensor.randn(1, 1, 2, 3, 3));
 * }</pre>
 */
public class ConstantPad3d extends ConstantPadNd {
    public ConstantPad3d(int padding, Number value) {
        super("ConstantPad3d", 3, new int[] {padding}, value);
    }

    public ConstantPad3d(int[] padding, Number value) {
        super("ConstantPad3d", 3, padding, value);
    }
}
