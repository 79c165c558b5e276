package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The mean absolute error |x - y|, as {@code torch.nn.L1Loss(reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (*), target (*) of the same shape; output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new L1Loss().forward(Tensor.randn(3, 5), Tensor.randn(3, 5));
 * }</pre>
 */
public class L1Loss extends Loss {

    public L1Loss() {
        this(Reduction.MEAN);
    }

    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
