package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#batchNorm} and its primitive: configure once, apply to many inputs.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * var bn = BatchNorm.opts().training(true).momentum(0.1).eps(1e-5);
 * Tensor y = bn.apply(x, runningMean, runningVar, weight, bias);   // updates runningMean/runningVar in place
 * }</pre>
 */
public final class BatchNorm implements Cloneable {
    private boolean training = false;
    private double momentum = 0.1;
    private double eps = 1e-5;

    private BatchNorm() {}

    private BatchNorm copy() {
        try {
            return (BatchNorm) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** PyTorch's defaults: {@code training=false, momentum=0.1, eps=1e-5}. */
    public static BatchNorm opts() {
        return new BatchNorm();
    }

    /** Use batch statistics (and update the running ones) instead of the running statistics. */
    public BatchNorm training(boolean training) {
        var c = copy();
        c.training = training;
        return c;
    }

    /** Weight of the new batch statistic in the running average: {@code running = (1 - m) * running + m * batch}. */
    public BatchNorm momentum(double momentum) {
        var c = copy();
        c.momentum = momentum;
        return c;
    }

    /** Added to the variance before the square root. */
    public BatchNorm eps(double eps) {
        var c = copy();
        c.eps = eps;
        return c;
    }

    /** The configured {@code training}. */
    public boolean training() { return training; }
    /** The configured {@code momentum}. */
    public double momentum() { return momentum; }
    /** The configured {@code eps}. */
    public double eps() { return eps; }

    /** {@link F#batchNorm(Tensor, Tensor, Tensor, Tensor, Tensor, boolean, double, double)} with these options. */
    public Tensor apply(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias) {
        return Normalization.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }
}
