package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#crossEntropy} (PyTorch's {@code cross_entropy}), also its primitive: configure once,
 * {@link #apply} many times. Defaults: no class weight, {@code ignoreIndex=-100}, {@code labelSmoothing=0},
 * {@code reduction=MEAN}. Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * var ce = CrossEntropy.opts().weight(w).ignoreIndex(0).labelSmoothing(0.1).reduction(Reduction.SUM);
 * Tensor loss = ce.apply(logits, labels);      // = F.crossEntropy(logits, labels, ce)
 * }</pre>
 */
public final class CrossEntropy implements Cloneable {
    private Tensor weight;
    private long ignoreIndex = -100;
    private double labelSmoothing;
    private Reduction reduction = Reduction.MEAN;

    private CrossEntropy() {}

    private CrossEntropy copy() {
        try {
            return (CrossEntropy) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static CrossEntropy opts() {
        return new CrossEntropy();
    }

    /** A manual rescaling weight per class, shape {@code (C)}; null for none. */
    public CrossEntropy weight(Tensor weight) {
        var c = copy();
        c.weight = weight;
        return c;
    }

    /** A target value that contributes neither to the loss nor to the "mean" denominator (class-index targets only). */
    public CrossEntropy ignoreIndex(long ignoreIndex) {
        var c = copy();
        c.ignoreIndex = ignoreIndex;
        return c;
    }

    /** In [0, 1]: the target becomes {@code (1 - labelSmoothing) * target + labelSmoothing / C}. */
    public CrossEntropy labelSmoothing(double labelSmoothing) {
        var c = copy();
        c.labelSmoothing = labelSmoothing;
        return c;
    }

    public CrossEntropy reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public Tensor weight() { return weight; }
    public long ignoreIndex() { return ignoreIndex; }
    public double labelSmoothing() { return labelSmoothing; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target) {
        return ClassificationLosses.crossEntropy(input, target, this);
    }
}
