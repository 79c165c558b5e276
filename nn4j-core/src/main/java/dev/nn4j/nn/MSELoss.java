package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The mean squared error (x - y)², as {@code torch.nn.MSELoss(reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (*), target (*) of the same shape; output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new MSELoss().forward(Tensor.randn(3, 5), Tensor.randn(3, 5));
 * }</pre>
 */
public class MSELoss extends Loss {

    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
