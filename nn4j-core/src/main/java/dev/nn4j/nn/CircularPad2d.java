package dev.nn4j.nn;

/**
 * Pads the last 2 dim(s) circularly (values wrap around from the opposite side), as {@code torch.nn.CircularPad2d(padding)}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output (N, C, H + top + bottom, W + left + right). Padding: one int for every side or 2×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new CircularPad2d(1).forward(Tensor.randn(1, 1, 3, 3));
 * }</pre>
 */
public class CircularPad2d extends PadNd {
    public CircularPad2d(int padding) {
        super("CircularPad2d", 2, new int[] {padding}, "circular");
    }

    public CircularPad2d(int... padding) {
        super("CircularPad2d", 2, padding, "circular");
    }
}
