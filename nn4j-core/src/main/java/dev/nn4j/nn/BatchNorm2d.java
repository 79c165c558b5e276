package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * Batch normalization over (N, C, H, W) (statistics per channel C), as {@code torch.nn.BatchNorm2d(num_features,
 * eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)}; see {@link BatchNormNd} for the update rule.
 *
 * <p>Parameters {@code weight} (C) = 1 and {@code bias} (C) = 0 when affine; buffers {@code running_mean},
 * {@code running_var}, {@code num_batches_tracked} when tracking running statistics.
 *
 * <pre>{@code
 * var bn = new BatchNorm2d(100);
 * Tensor y = bn.forward(Tensor.randn(20, 100, 35, 45));
 * bn.eval();   // now normalizes with the running statistics
 * }</pre>
 */
public class BatchNorm2d extends BatchNormNd {
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code momentum} null gives a cumulative moving average. */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        if (input.dim() != 4) throw new IllegalArgumentException(getName() + ": expected 4D input (got " + input.dim() + "D input)");
    }
}
