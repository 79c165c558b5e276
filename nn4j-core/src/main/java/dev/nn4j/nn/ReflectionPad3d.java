package dev.nn4j.nn;

/**
 * Pads the last 3 dim(s) with the reflection of the input at the border (the edge value not repeated), as {@code torch.nn.ReflectionPad3d(padding)}.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W), output (N, C, D + front + back, H + top + bottom, W + left + right). Padding: one int for every side or 3×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ReflectionPad3d(1).forward(Tensor.randn(1, 1, 2, 3, 3));
 * }</pre>
 */
public class ReflectionPad3d extends PadNd {
    public ReflectionPad3d(int padding) {
        super("ReflectionPad3d", 3, new int[] {padding}, "reflect");
    }

    public ReflectionPad3d(int... padding) {
        super("ReflectionPad3d", 3, padding, "reflect");
    }
}
