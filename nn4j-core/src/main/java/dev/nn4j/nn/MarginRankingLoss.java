package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The ranking loss max(0, -y·(x₁ - x₂) + margin) for targets y ∈ {1, -1}, as {@code torch.nn.MarginRankingLoss(margin=0.0, reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input1 (N) or (), input2 and target the same; output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new MarginRankingLoss(0.5, Reduction.MEAN).forward(x1, x2, y);
 * }</pre>
 */
public class MarginRankingLoss extends Loss {
    public final double margin;

    public MarginRankingLoss() {
        this(0.0, Reduction.MEAN);
    }

    public MarginRankingLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = margin;
    }

    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.marginRankingLoss(input1, input2, target, margin, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 3, "input1, input2, target");
        return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2]);
    }
}
