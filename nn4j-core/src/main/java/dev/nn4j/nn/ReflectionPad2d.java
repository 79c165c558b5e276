package dev.nn4j.nn;

/**
 * Pads the last 2 dim(s) with the reflection of the input at the border (the edge value not repeated), as {@code torch.nn.ReflectionPad2d(padding)}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output (N, C, H + top + bottom, W + left + right). Padding: one int for every side or 2×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ReflectionPad2d(1).forward(Tensor.randn(1, 1, 3, 3));
 * }</pre>
 */
public class ReflectionPad2d extends PadNd {
    public ReflectionPad2d(int padding) {
        super("ReflectionPad2d", 2, new int[] {padding}, "reflect");
    }

    public ReflectionPad2d(int... padding) {
        super("ReflectionPad2d", 2, padding, "reflect");
    }
}
