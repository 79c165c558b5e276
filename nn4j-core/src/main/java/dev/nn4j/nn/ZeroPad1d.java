package dev.nn4j.nn;

/**
 * Pads the last 1 dim(s) with zeros, as {@code torch.nn.ZeroPad1d(padding)}.
 *
 * <p>Shapes: input (N, C, W) or (C, W), output (N, C, W + left + right). Padding: one int for every side or 1×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ZeroPad1d(2).forward(Tensor.randn(1, 2, 4));
 * }</pre>
 */
public class ZeroPad1d extends ConstantPadNd {
    public ZeroPad1d(int padding) {
        super("ZeroPad1d", 1, new int[] {padding}, 0.0);
    }

    public ZeroPad1d(int... padding) {
        super("ZeroPad1d", 1, padding, 0.0);
    }

    @Override
    public String extraRepr() {
        return Repr.tuple(padding);
    }
}
