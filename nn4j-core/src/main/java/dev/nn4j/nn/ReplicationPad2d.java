package dev.nn4j.nn;

/**
 * Pads the last 2 dim(s) by repeating the edge values, as {@code torch.nn.ReplicationPad2d(padding)}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output (N, C, H + top + bottom, W + left + right). Padding: one int for every side or 2×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ReplicationPad2d(1).forward(Tensor.randn(1, 1, 3, 3));
 * }</pre>
 */
public class ReplicationPad2d extends PadNd {
    public ReplicationPad2d(int padding) {
        super("ReplicationPad2d", 2, new int[] {padding}, "replicate");
    }

    public ReplicationPad2d(int... padding) {
        super("ReplicationPad2d", 2, padding, "replicate");
    }
}
