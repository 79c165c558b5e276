package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#ctcLoss} (PyTorch's {@code ctc_loss}), also its primitive: configure once, {@link #apply}
 * many times. Defaults: {@code blank=0, reduction=MEAN, zeroInfinity=false}.
 *
 * <pre>{@code
 * Tensor loss = F.ctcLoss(logProbs, targets, inputLengths, targetLengths, Ctc.opts().blank(0).zeroInfinity(true));
 * }</pre>
 */
public final class Ctc {
    private int blank;
    private Reduction reduction = Reduction.MEAN;
    private boolean zeroInfinity;

    private Ctc() {}

    public static Ctc opts() {
        return new Ctc();
    }

    /** The class index of the blank label. */
    public Ctc blank(int blank) {
        this.blank = blank;
        return this;
    }

    /** MEAN divides each sample's loss by its target length (at least 1), then averages over the batch. */
    public Ctc reduction(Reduction reduction) {
        this.reduction = reduction;
        return this;
    }

    /** Replaces infinite losses (no valid alignment) and their gradients by zero. */
    public Ctc zeroInfinity(boolean zeroInfinity) {
        this.zeroInfinity = zeroInfinity;
        return this;
    }

    public int blank() { return blank; }
    public Reduction reduction() { return reduction; }
    public boolean zeroInfinity() { return zeroInfinity; }

    public Tensor apply(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return SequenceLosses.ctcLoss(logProbs, targets, inputLengths, targetLengths, this);
    }
}
