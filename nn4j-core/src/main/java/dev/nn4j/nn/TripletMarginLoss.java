package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;
import dev.nn4j.nn.functional.TripletMargin;

/**
 * The triplet loss max(d(a, p) - d(a, n) + margin, 0) with the p-norm distance d (optionally the anchor-negative distance swapped for the positive-negative one), as {@code torch.nn.TripletMarginLoss(margin=1.0, p=2.0, eps=1e-6, swap=False, reduction='mean')}; the settings come in the functional {@link TripletMargin} options.
 *
 * <p>Shapes: anchor, positive, negative (N, D) or (D); output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new TripletMarginLoss().forward(a, p, n);
 * }</pre>
 */
public class TripletMarginLoss extends Loss {
    public final double margin;
    public final double p;
    public final double eps;
    public final boolean swap;
    private final TripletMargin options;

    public TripletMarginLoss() {
        this(TripletMargin.opts());
    }

    public TripletMarginLoss(TripletMargin options) {
        super(options.reduction());
        this.margin = options.margin();
        this.p = options.p();
        this.eps = options.eps();
        this.swap = options.swap();
        this.options = options;
    }

    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return F.tripletMarginLoss(anchor, positive, negative, options);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 3, "anchor, positive, negative");
        return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2]);
    }
}
