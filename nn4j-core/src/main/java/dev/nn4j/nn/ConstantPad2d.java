package dev.nn4j.nn;

/**
 * Pads the last 2 dim(s) with a constant {@code value}, as {@code torch.nn.ConstantPad2d(padding, value)}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output (N, C, H + top + bottom, W + left + right). Padding: one int for every side or 2×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ConstantPad2d(2, 3.5).forward(Tensor.randn(1, 1, 3, 3));
 * }</pre>
 */
public class ConstantPad2d extends ConstantPadNd {
    public ConstantPad2d(int padding, Number value) {
        super("ConstantPad2d", 2, new int[] {padding}, value);
    }

    public ConstantPad2d(int[] padding, Number value) {
        super("ConstantPad2d", 2, padding, value);
    }
}
