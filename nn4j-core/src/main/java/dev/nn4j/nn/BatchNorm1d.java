package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * Batch normalization over (N, C) or (N, C, L) (statistics per channel C), as {@code torch.nn.BatchNorm1d(num_features,
 * eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)}; see {@link BatchNormNd} for the update rule.
 *
 * <p>Parameters {@code weight} (C) = 1 and {@code bias} (C) = 0 when affine; buffers {@code running_mean},
 * {@code running_var}, {@code num_batches_tracked} when tracking running statistics.
 *
 * <pre>{@code
 * var bn = new BatchNorm1d(100);
 * Tensor y = bn.forward(Tensor.randn(20, 100));
 * bn.eval();   // now normalizes with the running statistics
 * }</pre>
 */
public class BatchNorm1d extends BatchNormNd {
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code momentum} null gives a cumulative moving average. */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) throw new IllegalArgumentException(getName() + ": expected 2D or 3D input (got " + input.dim() + "D input)");
    }
}
