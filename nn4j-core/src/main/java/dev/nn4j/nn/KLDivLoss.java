package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The Kullback-Leibler divergence loss target · (log target - input) for log-probabilities {@code input}, as {@code torch.nn.KLDivLoss(reduction='mean', log_target=False)}. {@code BATCHMEAN} (sum / batch size) is the mathematically correct reduction; {@code logTarget} says the target is given as log-probabilities.
 *
 * <p>Shapes: input (*), target (*) of the same shape; output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new KLDivLoss(Reduction.BATCHMEAN, false).forward(F.logSoftmax(x, 1), p);
 * }</pre>
 */
public class KLDivLoss extends Loss {
    public final boolean logTarget;

    public KLDivLoss() {
        this(Reduction.MEAN, false);
    }

    public KLDivLoss(Reduction reduction, boolean logTarget) {
        super(reduction);
        this.logTarget = logTarget;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.klDiv(input, target, reduction, logTarget);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
