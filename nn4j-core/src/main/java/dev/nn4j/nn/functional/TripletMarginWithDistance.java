package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.function.BinaryOperator;

/**
 * Options of {@link F#tripletMarginWithDistanceLoss} (PyTorch's {@code triplet_margin_with_distance_loss}), also
 * its primitive: configure once, {@link #apply} many times. Defaults: the pairwise (p = 2) distance,
 * {@code margin=1, swap=false, reduction=MEAN}.
 *
 * <pre>{@code
 * var cosine = TripletMarginWithDistance.opts()
 *         .distanceFunction((x, y) -> F.cosineSimilarity(x, y).rsub(1))
 *         .margin(0.3);
 * Tensor loss = cosine.apply(anchor, positive, negative);
 * }</pre>
 */
public final class TripletMarginWithDistance {
    private BinaryOperator<Tensor> distanceFunction;
    private double margin = 1.0;
    private boolean swap;
    private Reduction reduction = Reduction.MEAN;

    private TripletMarginWithDistance() {}

    public static TripletMarginWithDistance opts() {
        return new TripletMarginWithDistance();
    }

    /**
     * A non-negative distance between two batches of embeddings, returning one value per sample; null means the
     * pairwise distance {@code ||x1 - x2 + 1e-6||_2} over the last dim.
     */
    public TripletMarginWithDistance distanceFunction(BinaryOperator<Tensor> distanceFunction) {
        this.distanceFunction = distanceFunction;
        return this;
    }

    public TripletMarginWithDistance margin(double margin) {
        this.margin = margin;
        return this;
    }

    /** Uses {@code min(d(a, n), d(p, n))} as the negative distance. */
    public TripletMarginWithDistance swap(boolean swap) {
        this.swap = swap;
        return this;
    }

    public TripletMarginWithDistance reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
    }

    public BinaryOperator<Tensor> distanceFunction() { return distanceFunction; }
    public double margin() { return margin; }
    public boolean swap() { return swap; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor anchor, Tensor positive, Tensor negative) {
        return EmbeddingLosses.tripletMarginWithDistanceLoss(anchor, positive, negative, this);
    }
}
