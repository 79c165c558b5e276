package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The Huber loss: 0.5·(x - y)² where |x - y| < δ, else δ·(|x - y| - 0.5·δ), as {@code torch.nn.HuberLoss(reduction='mean', delta=1.0)}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (*), target (*); output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new HuberLoss(Reduction.MEAN, 0.5).forward(x, y);
 * }</pre>
 */
public class HuberLoss extends Loss {
    public final double delta;

    public HuberLoss() {
        this(Reduction.MEAN, 1.0);
    }

    public HuberLoss(Reduction reduction, double delta) {
        super(reduction);
        this.delta = delta;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.huberLoss(input, target, reduction, delta);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
