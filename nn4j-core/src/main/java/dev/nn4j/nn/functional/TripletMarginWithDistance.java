package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.function.BinaryOperator;

/**
 * Options of {@link F#tripletMarginWithDistanceLoss} (PyTorch's {@code triplet_margin_with_distance_loss}), also
 * its primitive: configure once, {@link #apply} many times. Defaults: the pairwise (p = 2) distance,
 * {@code margin=1, swap=false, reduction=MEAN}. Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * var cosine = TripletMarginWithDistance.opts()
 *         .distanceFunction((x, y) -> F.cosineSimilarity(x, y).rsub(1))
 *         .margin(0.3);
 * Tensor loss = cosine.apply(anchor, positive, negative);
 * }</pre>
 */
public final class TripletMarginWithDistance implements Cloneable {
    private BinaryOperator<Tensor> distanceFunction;
    private double margin = 1.0;
    private boolean swap;
    private Reduction reduction = Reduction.MEAN;

    private TripletMarginWithDistance() {}

    private TripletMarginWithDistance copy() {
        try {
            return (TripletMarginWithDistance) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static TripletMarginWithDistance opts() {
        return new TripletMarginWithDistance();
    }

    /**
     * A non-negative distance between two batches of embeddings, returning one value per sample; null means the
     * pairwise distance {@code ||x1 - x2 + 1e-6||_2} over the last dim.
     */
    public TripletMarginWithDistance distanceFunction(BinaryOperator<Tensor> distanceFunction) {
        var c = copy();
        c.distanceFunction = distanceFunction;
        return c;
    }

    public TripletMarginWithDistance margin(double margin) {
        var c = copy();
        c.margin = margin;
        return c;
    }

    /** Uses {@code min(d(a, n), d(p, n))} as the negative distance. */
    public TripletMarginWithDistance swap(boolean swap) {
        var c = copy();
        c.swap = swap;
        return c;
    }

    public TripletMarginWithDistance reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public BinaryOperator<Tensor> distanceFunction() { return distanceFunction; }
    public double margin() { return margin; }
    public boolean swap() { return swap; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor anchor, Tensor positive, Tensor negative) {
        return EmbeddingLosses.tripletMarginWithDistanceLoss(anchor, positive, negative, this);
    }
}
