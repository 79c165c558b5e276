package dev.nn4j.nn;

/**
 * Pads the last 1 dim(s) circularly (values wrap around from the opposite side), as {@code torch.nn.CircularPad1d(padding)}.
 *
 * <p>Shapes: input (N, C, W) or (C, W), output (N, C, W + left + right). Padding: one int for every side or 1×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new CircularPad1d(1).forward(Tensor.randn(1, 2, 4));
 * }</pre>
 */
public class CircularPad1d extends PadNd {
    public CircularPad1d(int padding) {
        super("CircularPad1d", 1, new int[] {padding}, "circular");
    }

    public CircularPad1d(int... padding) {
        super("CircularPad1d", 1, padding, "circular");
    }
}
