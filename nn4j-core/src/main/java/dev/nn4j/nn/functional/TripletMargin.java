package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#tripletMarginLoss} (PyTorch's {@code triplet_margin_loss}), also its primitive: configure
 * once, {@link #apply} many times. Defaults: {@code margin=1, p=2, eps=1e-6, swap=false, reduction=MEAN}.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor loss = F.tripletMarginLoss(a, pos, neg, TripletMargin.opts().margin(0.5).swap(true));
 * }</pre>
 */
public final class TripletMargin implements Cloneable {
    private double margin = 1.0;
    private double p = 2;
    private double eps = 1e-6;
    private boolean swap;
    private Reduction reduction = Reduction.MEAN;

    private TripletMargin() {}

    private TripletMargin copy() {
        try {
            return (TripletMargin) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static TripletMargin opts() {
        return new TripletMargin();
    }

    public TripletMargin margin(double margin) {
        var c = copy();
        c.margin = margin;
        return c;
    }

    /** The norm degree of the pairwise distance. */
    public TripletMargin p(double p) {
        var c = copy();
        c.p = p;
        return c;
    }

    /** Added to the difference before its norm: {@code ||a - b + eps||_p}. */
    public TripletMargin eps(double eps) {
        var c = copy();
        c.eps = eps;
        return c;
    }

    /** Uses {@code min(d(a, n), d(p, n))} as the negative distance (Balntas et al., the distance swap). */
    public TripletMargin swap(boolean swap) {
        var c = copy();
        c.swap = swap;
        return c;
    }

    public TripletMargin reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public double margin() { return margin; }
    public double p() { return p; }
    public double eps() { return eps; }
    public boolean swap() { return swap; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor anchor, Tensor positive, Tensor negative) {
        return EmbeddingLosses.tripletMarginLoss(anchor, positive, negative, this);
    }
}
