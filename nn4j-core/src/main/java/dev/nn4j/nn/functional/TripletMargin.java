package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#tripletMarginLoss} (PyTorch's {@code triplet_margin_loss}), also its primitive: configure
 * once, {@link #apply} many times. Defaults: {@code margin=1, p=2, eps=1e-6, swap=false, reduction=MEAN}.
 *
 * <pre>{@code
 * Tensor loss = F.tripletMarginLoss(a, pos, neg, TripletMargin.opts().margin(0.5).swap(true));
 * }</pre>
 */
public final class TripletMargin {
    private double margin = 1.0;
    private double p = 2;
    private double eps = 1e-6;
    private boolean swap;
    private Reduction reduction = Reduction.MEAN;

    private TripletMargin() {}

    public static TripletMargin opts() {
        return new TripletMargin();
    }

    public TripletMargin margin(double margin) {
        this.margin = margin;
        return this;
    }

    /** The norm degree of the pairwise distance. */
    public TripletMargin p(double p) {
        this.p = p;
        return this;
    }

    /** Added to the difference before its norm: {@code ||a - b + eps||_p}. */
    public TripletMargin eps(double eps) {
        this.eps = eps;
        return this;
    }

    /** Uses {@code min(d(a, n), d(p, n))} as the negative distance (Balntas et al., the distance swap). */
    public TripletMargin swap(boolean swap) {
        this.swap = swap;
        return this;
    }

    public TripletMargin reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
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
