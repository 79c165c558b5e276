package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#instanceNorm} and its primitive.
 *
 * <pre>{@code
 * Tensor y = InstanceNorm.opts().eps(1e-3).apply(x, null, null, weight, bias);
 * }</pre>
 */
public final class InstanceNorm {
    private boolean useInputStats = true;
    private double momentum = 0.1;
    private double eps = 1e-5;

    private InstanceNorm() {}

    /** PyTorch's defaults: {@code use_input_stats=true, momentum=0.1, eps=1e-5}. */
    public static InstanceNorm opts() {
        return new InstanceNorm();
    }

    /** Normalise each instance with its own statistics (otherwise with the running ones). */
    public InstanceNorm useInputStats(boolean useInputStats) {
        this.useInputStats = useInputStats;
        return this;
    }

    public InstanceNorm momentum(double momentum) {
        this.momentum = momentum;
        return this;
    }

    public InstanceNorm eps(double eps) {
        this.eps = eps;
        return this;
    }

    /** The configured {@code useInputStats}. */
    public boolean useInputStats() { return useInputStats; }
    /** The configured {@code momentum}. */
    public double momentum() { return momentum; }
    /** The configured {@code eps}. */
    public double eps() { return eps; }

    /** {@link F#instanceNorm(Tensor, Tensor, Tensor, Tensor, Tensor, boolean, double, double)} with these options. */
    public Tensor apply(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias) {
        return Normalization.instanceNorm(input, runningMean, runningVar, weight, bias, useInputStats, momentum, eps);
    }
}
