package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * Instance normalization over (N, C, D, H, W) or (C, D, H, W): each (sample, channel) slice is normalized by its own mean and
 * variance, as {@code torch.nn.InstanceNorm3d(num_features, eps=1e-5, momentum=0.1, affine=False,
 * track_running_stats=False)} (note the defaults, opposite to BatchNorm's).
 *
 * <pre>{@code
 * var norm = new InstanceNorm3d(100, 1e-5, 0.1, true, false);
 * Tensor y = norm.forward(Tensor.randn(20, 100, 35, 45, 10));
 * }</pre>
 */
public class InstanceNorm3d extends InstanceNormNd {
    public InstanceNorm3d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, false, false);
    }

    public InstanceNorm3d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    void checkInputDim(Tensor input) {
        if (input.dim() != 4 && input.dim() != 5) throw new IllegalArgumentException(getName() + ": expected 4D or 5D input (got " + input.dim() + "D input)");
    }

    @Override
    int noBatchDim() {
        return 4;
    }
}
