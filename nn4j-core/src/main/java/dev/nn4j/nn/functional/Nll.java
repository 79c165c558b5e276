package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#nllLoss} (PyTorch's {@code nll_loss}), also its primitive: configure once, {@link #apply}
 * many times. Defaults: no class weight, {@code ignoreIndex=-100}, {@code reduction=MEAN}.
 *
 * <pre>{@code
 * Tensor loss = F.nllLoss(logProbs, labels, Nll.opts().weight(w).ignoreIndex(0));
 * }</pre>
 */
public final class Nll {
    private Tensor weight;
    private long ignoreIndex = -100;
    private Reduction reduction = Reduction.MEAN;

    private Nll() {}

    public static Nll opts() {
        return new Nll();
    }

    /** A manual rescaling weight per class, shape {@code (C)}; null for none. */
    public Nll weight(Tensor weight) {
        this.weight = weight;
        return this;
    }

    /** A target value that contributes neither to the loss nor to the "mean" denominator. */
    public Nll ignoreIndex(long ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
        return this;
    }

    public Nll reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
    }

    public Tensor weight() { return weight; }
    public long ignoreIndex() { return ignoreIndex; }
    public Reduction reduction() { return reduction; }

    public Tensor apply(Tensor input, Tensor target) {
        return ClassificationLosses.nllLoss(input, target, this);
    }
}
