package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.BinaryCrossEntropyWithLogits;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * Binary cross entropy on logits, a numerically stable sigmoid + BCE, with optional {@code weight} and positive-class {@code pos_weight} (both buffers), as {@code torch.nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}; the settings come in the functional {@link BinaryCrossEntropyWithLogits} options.
 *
 * <p>Shapes: input (*), target (*) of the same shape; output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new BCEWithLogitsLoss().forward(logits, y);
 * }</pre>
 */
public class BCEWithLogitsLoss extends Loss {
    public final Tensor weight;
    public final Tensor posWeight;

    public BCEWithLogitsLoss() {
        this(BinaryCrossEntropyWithLogits.opts());
    }

    public BCEWithLogitsLoss(BinaryCrossEntropyWithLogits options) {
        super(options.reduction());
        this.weight = registerBuffer("weight", options.weight());
        this.posWeight = registerBuffer("pos_weight", options.posWeight());
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target, BinaryCrossEntropyWithLogits.opts().weight(weight).posWeight(posWeight).reduction(reduction));
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
