package dev.nn4j.nn;

/**
 * Pads the last 1 dim(s) by repeating the edge values, as {@code torch.nn.ReplicationPad1d(padding)}.
 *
 * <p>Shapes: input (N, C, W) or (C, W), output (N, C, W + left + right). Padding: one int for every side or 1×2 ints, last dim first.
 *
 * <pre>{@code
 * Tensor y = new ReplicationPad1d(1).forward(Tensor.randn(1, 2, 4));
 * }</pre>
 */
public class ReplicationPad1d extends PadNd {
    public ReplicationPad1d(int padding) {
        super("ReplicationPad1d", 1, new int[] {padding}, "replicate");
    }

    public ReplicationPad1d(int... padding) {
        super("ReplicationPad1d", 1, padding, "replicate");
    }
}
