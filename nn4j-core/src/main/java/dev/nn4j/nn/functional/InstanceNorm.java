package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#instanceNorm} and its primitive. Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor y = InstanceNorm.opts().eps(1e-3).apply(x, null, null, weight, bias);
 * }</pre>
 */
public final class InstanceNorm implements Cloneable {
    private boolean useInputStats = true;
    private double momentum = 0.1;
    private double eps = 1e-5;

    private InstanceNorm() {}

    private InstanceNorm copy() {
        try {
            return (InstanceNorm) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** PyTorch's defaults: {@code use_input_stats=true, momentum=0.1, eps=1e-5}. */
    public static InstanceNorm opts() {
        return new InstanceNorm();
    }

    /** Normalise each instance with its own statistics (otherwise with the running ones). */
    public InstanceNorm useInputStats(boolean useInputStats) {
        var c = copy();
        c.useInputStats = useInputStats;
        return c;
    }

    public InstanceNorm momentum(double momentum) {
        var c = copy();
        c.momentum = momentum;
        return c;
    }

    public InstanceNorm eps(double eps) {
        var c = copy();
        c.eps = eps;
        return c;
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
