package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The multi-label one-versus-all loss -mean_c(y_c·log σ(x_c) + (1 - y_c)·log σ(-x_c)) (class weights optional), as {@code torch.nn.MultiLabelSoftMarginLoss(weight=None, reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (N, C), target (N, C) of 0/1; output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new MultiLabelSoftMarginLoss().forward(x, y);
 * }</pre>
 */
public class MultiLabelSoftMarginLoss extends WeightedLoss {

    public MultiLabelSoftMarginLoss() {
        this(null, Reduction.MEAN);
    }

    public MultiLabelSoftMarginLoss(Tensor weight, Reduction reduction) {
        super(weight, reduction);
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.multilabelSoftMarginLoss(input, target, weight, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
