package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The multi-class multi-label hinge loss; target rows list class indices, ended by the first -1, as {@code torch.nn.MultiLabelMarginLoss(reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (C) or (N, C), target int64 of the same shape; output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new MultiLabelMarginLoss().forward(x, y);
 * }</pre>
 */
public class MultiLabelMarginLoss extends Loss {

    public MultiLabelMarginLoss() {
        this(Reduction.MEAN);
    }

    public MultiLabelMarginLoss(Reduction reduction) {
        super(reduction);
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.multilabelMarginLoss(input, target, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
