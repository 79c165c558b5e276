package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#poissonNllLoss} (PyTorch's {@code poisson_nll_loss}), also its primitive: configure once,
 * {@link #apply} many times. Defaults: {@code logInput=true, full=false, eps=1e-8, reduction=MEAN}.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor loss = F.poissonNllLoss(rate, counts, PoissonNll.opts().logInput(false).full(true));
 * }</pre>
 */
public final class PoissonNll implements Cloneable {
    private boolean logInput = true;
    private boolean full;
    private double eps = 1e-8;
    private Reduction reduction = Reduction.MEAN;

    private PoissonNll() {}

    private PoissonNll copy() {
        try {
            return (PoissonNll) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static PoissonNll opts() {
        return new PoissonNll();
    }

    /** Whether the input is {@code log(rate)} (loss {@code exp(input) - target * input}) or the rate itself. */
    public PoissonNll logInput(boolean logInput) {
        var c = copy();
        c.logInput = logInput;
        return c;
    }

    /** Adds Stirling's approximation {@code t*log(t) - t + 0.5*log(2*pi*t)} of {@code log(t!)} where {@code t > 1}. */
    public PoissonNll full(boolean full) {
        var c = copy();
        c.full = full;
        return c;
    }

    /** Added to the rate before its log when {@code logInput} is false. */
    public PoissonNll eps(double eps) {
        var c = copy();
        c.eps = eps;
        return c;
    }

    public PoissonNll reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public boolean logInput() { return logInput; }
    public boolean full() { return full; }
    public double eps() { return eps; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target) {
        return RegressionLosses.poissonNllLoss(input, target, this);
    }
}
