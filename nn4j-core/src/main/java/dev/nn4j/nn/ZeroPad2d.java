package dev.nn4j.nn;

/**
 * Pads the last 2 dim(s) with zeros, as {@code torch.nn.ZeroPad2d(padding)}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output (N, C, H + top + bottom, W + left + right). Padding: one int for every side or 2×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ZeroPad2d(2).forward(Tensor.randn(1, 1, 3, 3));
 * }</pre>
 */
public class ZeroPad2d extends ConstantPadNd {
    public ZeroPad2d(int padding) {
        super("ZeroPad2d", 2, new int[] {padding}, 0.0);
    }

    public ZeroPad2d(int... padding) {
        super("ZeroPad2d", 2, padding, 0.0);
    }

    @Override
    public String extraRepr() {
        return Repr.tuple(padding);
    }
}
