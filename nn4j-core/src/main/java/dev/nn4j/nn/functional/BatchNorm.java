package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#batchNorm} and its primitive: configure once, apply to many inputs.
 *
 * <pre>{@code
 * var bn = BatchNorm.opts().training(true).momentum(0.1).eps(1e-5);
 * Tensor y = bn.apply(x, runningMean, runningVar, weight, bias);   // updates runningMean/runningVar in place
 * }</pre>
 */
public final class BatchNorm {
    private boolean training = false;
    private double momentum = 0.1;
    private double eps = 1e-5;

    private BatchNorm() {}

    /** PyTorch's defaults: {@code training=false, momentum=0.1, eps=1e-5}. */
    public static BatchNorm opts() {
        return new BatchNorm();
    }

    /** Use batch statistics (and update the running ones) instead of the running statistics. */
    public BatchNorm training(boolean training) {
        this.training = training;
        return this;
    }

    /** Weight of the new batch statistic in the running average: {@code running = (1 - m) * running + m * batch}. */
    public BatchNorm momentum(double momentum) {
        this.momentum = momentum;
        return this;
    }

    /** Added to the variance before the square root. */
    public BatchNorm eps(double eps) {
        this.eps = eps;
        return this;
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
