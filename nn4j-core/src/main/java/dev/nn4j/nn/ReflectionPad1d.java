package dev.nn4j.nn;

/**
 * Pads the last 1 dim(s) with the reflection of the input at the border (the edge value not repeated), as {@code torch.nn.ReflectionPad1d(padding)}.
 *
 * <p>Shapes: input (N, C, W) or (C, W), output (N, C, W + left + right). Padding: one int for every side or 1×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ReflectionPad1d(1).forward(Tensor.randn(1, 2, 4));
 * }</pre>
 */
public class ReflectionPad1d extends PadNd {
    public ReflectionPad1d(int padding) {
        super("ReflectionPad1d", 1, new int[] {padding}, "reflect");
    }

    public ReflectionPad1d(int... padding) {
        super("ReflectionPad1d", 1, padding, "reflect");
    }
}
