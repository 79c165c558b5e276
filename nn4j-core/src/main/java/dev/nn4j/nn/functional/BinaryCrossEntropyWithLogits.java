package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#binaryCrossEntropyWithLogits} (PyTorch's {@code binary_cross_entropy_with_logits}), also
 * its primitive: configure once, {@link #apply} many times. Defaults: no weight, no pos_weight, {@code reduction=MEAN}.
 *
 * <pre>{@code
 * Tensor loss = F.binaryCrossEntropyWithLogits(logits, y, BinaryCrossEntropyWithLogits.opts().posWeight(pw));
 * }</pre>
 */
public final class BinaryCrossEntropyWithLogits {
    private Tensor weight;
    private Tensor posWeight;
    private Reduction reduction = Reduction.MEAN;

    private BinaryCrossEntropyWithLogits() {}

    public static BinaryCrossEntropyWithLogits opts() {
        return new BinaryCrossEntropyWithLogits();
    }

    /** A rescaling weight broadcast to the input's shape; null for none. */
    public BinaryCrossEntropyWithLogits weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    /** A weight of the positive examples, broadcast along the class (last) dim, e.g. {@code (C)}; null for none. */
    public BinaryCrossEntropyWithLogits posWeight(Tensor posWeight) {
        this.posWeight = posWeight;
        return this;
    }

    public BinaryCrossEntropyWithLogits reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
    }

    public Tensor weight() { return weight; }
    public Tensor posWeight() { return posWeight; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target) {
        return ClassificationLosses.binaryCrossEntropyWithLogits(input, target, this);
    }
}
