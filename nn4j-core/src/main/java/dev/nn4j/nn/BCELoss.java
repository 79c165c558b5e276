package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The binary cross entropy -w·(y·log x + (1 - y)·log(1 - x)) of probabilities {@code input}, as {@code torch.nn.BCELoss(weight=None, reduction='mean')}; log terms are clamped at -100. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (*) in [0, 1], target (*) of the same shape, weight broadcastable; output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new BCELoss().forward(F.sigmoid(x), y);
 * }</pre>
 */
public class BCELoss extends WeightedLoss {

    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    public BCELoss(Tensor weight, Reduction reduction) {
        super(weight, reduction);
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target, weight, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
