package dev.nn4j.nn;

/**
 * Pads the last 3 dim(s) with zeros, as {@code torch.nn.ZeroPad3d(padding)}.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W), output (N, C, D + front + back, H + top + bottom, W + left + right). Padding: one int for every side or 3×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ZeroPad3d(2).forward(Tensor.randn(1, 1, 2, 3, 3));
 * }</pre>
 */
public class ZeroPad3d extends ConstantPadNd {
    public ZeroPad3d(int padding) {
        super("ZeroPad3d", 3, new int[] {padding}, 0.0);
    }

    public ZeroPad3d(int... padding) {
        super("ZeroPad3d", 3, padding, 0.0);
    }

    @Override
    public String extraRepr() {
        return Repr.tuple(padding);
    }
}
