package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The two-class logistic loss log(1 + exp(-y·x)) for targets y ∈ {1, -1}, as {@code torch.nn.SoftMarginLoss(reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (*), target (*) of the same shape; output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new SoftMarginLoss().forward(x, y);
 * }</pre>
 */
public class SoftMarginLoss extends Loss {

    public SoftMarginLoss() {
        this(Reduction.MEAN);
    }

    public SoftMarginLoss(Reduction reduction) {
        super(reduction);
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.softMarginLoss(input, target, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
