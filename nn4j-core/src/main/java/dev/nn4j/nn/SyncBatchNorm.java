package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * {@code torch.nn.SyncBatchNorm(num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)}:
 * batch normalization over (N, C, *) whose statistics would be synchronized across processes. nn4j runs in
 * one process, so it computes exactly {@link BatchNormNd}'s result (PyTorch's fallback when the world size is 1).
 *
 * <pre>{@code
 * Tensor y = new SyncBatchNorm(100).forward(Tensor.randn(20, 100, 35, 45));
 * }</pre>
 */
public class SyncBatchNorm extends BatchNormNd {
    public SyncBatchNorm(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    public SyncBatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        if (input.dim() < 2) throw new IllegalArgumentException(getName() + ": expected at least 2D input (got " + input.dim() + "D input)");
        if (input.size(1) == 0) throw new IllegalArgumentException("SyncBatchNorm number of input channels should be non-zero");
    }
}
