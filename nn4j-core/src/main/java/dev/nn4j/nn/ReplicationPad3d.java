package dev.nn4j.nn;

/**
 * Pads the last 3 dim(s) by repeating the edge values, as {@code torch.nn.ReplicationPad3d(padding)}.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W), output (N, C, D + front + back, H + top + bottom, W + left + right). Padding: one int for every side or 3×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ReplicationPad3d(1).forward(Tensor.randn(1, 1, 2, 3, 3));
 * }</pre>
 */
public class ReplicationPad3d extends PadNd {
    public ReplicationPad3d(int padding) {
        super("ReplicationPad3d", 3, new int[] {padding}, "replicate");
    }

    public ReplicationPad3d(int... padding) {
        super("ReplicationPad3d", 3, padding, "replicate");
    }
}
