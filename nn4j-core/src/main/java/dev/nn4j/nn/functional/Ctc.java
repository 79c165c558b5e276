package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#ctcLoss} (PyTorch's {@code ctc_loss}), also its primitive: configure once, {@link #apply}
 * many times. Defaults: {@code blank=0, reduction=MEAN, zeroInfinity=false}.
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * Tensor loss = F.ctcLoss(logProbs, targets, inputLengths, targetLengths, Ctc.opts().blank(0).zeroInfinity(true));
 * }</pre>
 */
public final class Ctc implements Cloneable {
    private int blank;
    private Reduction reduction = Reduction.MEAN;
    private boolean zeroInfinity;

    private Ctc() {}

    private Ctc copy() {
        try {
            return (Ctc) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    public static Ctc opts() {
        return new Ctc();
    }

    /** The class index of the blank label. */
    public Ctc blank(int blank) {
        var c = copy();
        c.blank = blank;
        return c;
    }

    /** MEAN divides each sample's loss by its target length (at least 1), then averages over the batch. */
    public Ctc reduction(Reduction reduction) {
        var c = copy();
        c.reduction = reduction;
        return c;
    }

    /** Replaces infinite losses (no valid alignment) and their gradients by zero. */
    public Ctc zeroInfinity(boolean zeroInfinity) {
        var c = copy();
        c.zeroInfinity = zeroInfinity;
        return c;
    }

    public int blank() { return blank; }
    public Reduction reduction() { return reduction; }
    public boolean zeroInfinity() { return zeroInfinity; }

    public Tensor apply(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return SequenceLosses.ctcLoss(logProbs, targets, inputLengths, targetLengths, this);
    }
}
