package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#multiMarginLoss} (PyTorch's {@code multi_margin_loss}), also its primitive: configure once,
 * {@link #apply} many times. Defaults: {@code p=1, margin=1, weight=null, reduction=MEAN}.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor loss = F.multiMarginLoss(scores, labels, MultiMargin.opts().p(2).margin(0.5));
 * }</pre>
 */
public final class MultiMargin implements Cloneable {
    private int p = 1;
    private double margin = 1.0;
    private Tensor weight;
    private Reduction reduction = Reduction.MEAN;

    private MultiMargin() {}

    private MultiMargin copy() {
        try {
            return (MultiMargin) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static MultiMargin opts() {
        return new MultiMargin();
    }

    /** The exponent of each margin violation: 1 or 2. */
    public MultiMargin p(int p) {
        var c = copy();
        c.p = p;
        return c;
    }

    public MultiMargin margin(double margin) {
        var c = copy();
        c.margin = margin;
        return c;
    }

    /** A weight per class {@code (C)}, applied by the target's class; null for none. */
    public MultiMargin weight(Tensor weight) {
        var c = copy();
        c.weight = weight;
        return c;
    }

    public MultiMargin reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public int p() { return p; }
    public double margin() { return margin; }
    public Tensor weight() { return weight; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target) {
        return MarginLosses.multiMarginLoss(input, target, this);
    }
}
