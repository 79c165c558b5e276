package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#binaryCrossEntropyWithLogits} (PyTorch's {@code binary_cross_entropy_with_logits}), also
 * its primitive: configure once, {@link #apply} many times. Defaults: no weight, no pos_weight, {@code reduction=MEAN}.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor loss = F.binaryCrossEntropyWithLogits(logits, y, BinaryCrossEntropyWithLogits.opts().posWeight(pw));
 * }</pre>
 */
public final class BinaryCrossEntropyWithLogits implements Cloneable {
    private Tensor weight;
    private Tensor posWeight;
    private Reduction reduction = Reduction.MEAN;

    private BinaryCrossEntropyWithLogits() {}

    private BinaryCrossEntropyWithLogits copy() {
        try {
            return (BinaryCrossEntropyWithLogits) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static BinaryCrossEntropyWithLogits opts() {
        return new BinaryCrossEntropyWithLogits();
    }

    /** A rescaling weight broadcast to the input's shape; null for none. */
    public BinaryCrossEntropyWithLogits weight(Tensor weight) {
        var c = copy();
        c.weight = weight;
        return c;
    }

    /** A weight of the positive examples, broadcast along the class (last) dim, e.g. {@code (C)}; null for none. */
    public BinaryCrossEntropyWithLogits posWeight(Tensor posWeight) {
        var c = copy();
        c.posWeight = posWeight;
        return c;
    }

    public BinaryCrossEntropyWithLogits reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    public Tensor weight() { return weight; }
    public Tensor posWeight() { return posWeight; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target) {
        return ClassificationLosses.binaryCrossEntropyWithLogits(input, target, this);
    }
}
