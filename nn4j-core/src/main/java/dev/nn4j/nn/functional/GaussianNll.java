package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#gaussianNllLoss} (PyTorch's {@code gaussian_nll_loss}), also its primitive: configure once,
 * {@link #apply} many times. Defaults: {@code full=false, eps=1e-6, reduction=MEAN}.
 *
 * <pre>{@code
 * Tensor loss = F.gaussianNllLoss(mu, y, var, GaussianNll.opts().full(true));
 * }</pre>
 */
public final class GaussianNll {
    private boolean full;
    private double eps = 1e-6;
    private Reduction reduction = Reduction.MEAN;

    private GaussianNll() {}

    public static GaussianNll opts() {
        return new GaussianNll();
    }

    /** Adds the constant {@code 0.5 * log(2*pi)} to every element. */
    public GaussianNll full(boolean full) {
        this.full = full;
        return this;
    }

    /** The variance is clamped to at least {@code eps} (the gradient passes through the clamp unchanged). */
    public GaussianNll eps(double eps) {
        this.eps = eps;
        return this;
    }

    public GaussianNll reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
    }

    public boolean full() { return full; }
    public double eps() { return eps; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target, Tensor var) {
        return RegressionLosses.gaussianNllLoss(input, target, var, this);
    }
}
