package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#nllLoss} (PyTorch's {@code nll_loss}), also its primitive: configure once, {@link #apply}
 * many times. Defaults: no class weight, {@code ignoreIndex=-100}, {@code reduction=MEAN}.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor loss = F.nllLoss(logProbs, labels, Nll.opts().weight(w).ignoreIndex(0));
 * }</pre>
 */
public final class Nll implements Cloneable {
    private Tensor weight;
    private long ignoreIndex = -100;
    private Reduction reduction = Reduction.MEAN;

    private Nll() {}

    private Nll copy() {
        try {
            return (Nll) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static Nll opts() {
        return new Nll();
    }

    /** A manual rescaling weight per class, shape {@code (C)}; null for none. */
    public Nll weight(Tensor weight) {
        var c = copy();
        c.weight = weight;
        return c;
    }

    /** A target value that contributes neither to the loss nor to the "mean" denominator. */
    public Nll ignoreIndex(long ignoreIndex) {
        var c = copy();
        c.ignoreIndex = ignoreIndex;
        return c;
    }

    public Nll reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public Tensor weight() { return weight; }
    public long ignoreIndex() { return ignoreIndex; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target) {
        return ClassificationLosses.nllLoss(input, target, this);
    }
}
