package dev.nn4j.nn;

/**
 * Pads the last 3 dim(s) circularly (values wrap around from the opposite side), as {@code torch.nn.CircularPad3d(padding)}.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W), output (N, C, D + front + back, H + top + bottom, W + left + right). Padding: one int for every side or 3×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new CircularPad3d(1).forward(Tensor.randn(1, 1, 2, 3, 3));
 * }</pre>
 */
public class CircularPad3d extends PadNd {
    public CircularPad3d(int padding) {
        super("CircularPad3d", 3, new int[] {padding}, "circular");
    }

    public CircularPad3d(int... padding) {
        super("CircularPad3d", 3, padding, "circular");
    }
}
