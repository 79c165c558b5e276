package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#gaussianNllLoss} (PyTorch's {@code gaussian_nll_loss}), also its primitive: configure once,
 * {@link #apply} many times. Defaults: {@code full=false, eps=1e-6, reduction=MEAN}.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor loss = F.gaussianNllLoss(mu, y, var, GaussianNll.opts().full(true));
 * }</pre>
 */
public final class GaussianNll implements Cloneable {
    private boolean full;
    private double eps = 1e-6;
    private Reduction reduction = Reduction.MEAN;

    private GaussianNll() {}

    private GaussianNll copy() {
        try {
            return (GaussianNll) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static GaussianNll opts() {
        return new GaussianNll();
    }

    /** Adds the constant {@code 0.5 * log(2*pi)} to every element. */
    public GaussianNll full(boolean full) {
        var c = copy();
        c.full = full;
        return c;
    }

    /** The variance is clamped to at least {@code eps} (the gradient passes through the clamp unchanged). */
    public GaussianNll eps(double eps) {
        var c = copy();
        c.eps = eps;
        return c;
    }

    public GaussianNll reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public boolean full() { return full; }
    public double eps() { return eps; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target, Tensor var) {
        return RegressionLosses.gaussianNllLoss(input, target, var, this);
    }
}
