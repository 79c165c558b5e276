package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The smooth L1 loss: 0.5·(x - y)²/β where |x - y| < β, else |x - y| - 0.5·β, as {@code torch.nn.SmoothL1Loss(reduction='mean', beta=1.0)}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (*), target (*); output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new SmoothL1Loss().forward(x, y);
 * }</pre>
 */
public class SmoothL1Loss extends Loss {
    public final double beta;

    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    public SmoothL1Loss(Reduction reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.smoothL1Loss(input, target, reduction, beta);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
