package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The hinge embedding loss: x where y = 1, max(0, margin - x) where y = -1, as {@code torch.nn.HingeEmbeddingLoss(margin=1.0, reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input (*), target (*); output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new HingeEmbeddingLoss().forward(d, y);
 * }</pre>
 */
public class HingeEmbeddingLoss extends Loss {
    public final double margin;

    public HingeEmbeddingLoss() {
        this(1.0, Reduction.MEAN);
    }

    public HingeEmbeddingLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = margin;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.hingeEmbeddingLoss(input, target, margin, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
