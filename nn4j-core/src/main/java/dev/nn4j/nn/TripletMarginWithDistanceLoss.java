package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;
import dev.nn4j.nn.functional.TripletMarginWithDistance;

/**
 * The triplet loss max(d(a, p) - d(a, n) + margin, 0) with a custom distance function (a child {@link PairwiseDistance} by default), as {@code torch.nn.TripletMarginWithDistanceLoss(distance_function=None, margin=1.0, swap=False, reduction='mean')}; the settings come in the functional {@link TripletMarginWithDistance} options.
 *
 * <p>Shapes: anchor, positive, negative (N, *) or (*); output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new TripletMarginWithDistanceLoss().forward(a, p, n);
 * }</pre>
 */
public class TripletMarginWithDistanceLoss extends Loss {
    public final double margin;
    public final boolean swap;
    private final TripletMarginWithDistance options;
    /** The distance (a child {@link PairwiseDistance}, as in PyTorch, when none was given). */
    public final java.util.function.BinaryOperator<Tensor> distanceFunction;

    public TripletMarginWithDistanceLoss() {
        this(TripletMarginWithDistance.opts());
    }

    public TripletMarginWithDistanceLoss(TripletMarginWithDistance options) {
        super(options.reduction());
        this.margin = options.margin();
        this.swap = options.swap();
        if (options.distanceFunction() != null) {
            this.distanceFunction = options.distanceFunction();
        } else {
            PairwiseDistance d = registerModule("distance_function", new PairwiseDistance());
            this.distanceFunction = d::forward;
        }
        this.options = options.distanceFunction(distanceFunction);
    }

    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return F.tripletMarginWithDistanceLoss(anchor, positive, negative, options);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 3, "anchor, positive, negative");
        return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2]);
    }
}
