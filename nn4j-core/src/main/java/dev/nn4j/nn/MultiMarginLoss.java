package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.MultiMargin;
import dev.nn4j.nn.functional.Reduction;

/**
 * The multi-class hinge loss Σ_{i≠y} max(0, margin - x_y + x_i)^p / C (p = 1 or 2, optional class weights), as {@code torch.nn.MultiMarginLoss(p=1, margin=1.0, weight=None, reduction='mean')}; the settings come in the functional {@link MultiMargin} options.
 *
 * <p>Shapes: input (N, C) or (C), target int64 (N) or (); output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new MultiMarginLoss().forward(x, y);
 * }</pre>
 */
public class MultiMarginLoss extends WeightedLoss {
    public final int p;
    public final double margin;
    private final MultiMargin options;

    public MultiMarginLoss() {
        this(MultiMargin.opts());
    }

    public MultiMarginLoss(MultiMargin options) {
        super(options.weight(), options.reduction());
        this.p = options.p();
        this.margin = options.margin();
        this.options = options;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.multiMarginLoss(input, target, options.weight(weight));
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
