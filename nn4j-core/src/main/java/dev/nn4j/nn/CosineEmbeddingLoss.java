package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The cosine embedding loss: 1 - cos(x₁, x₂) where y = 1, max(0, cos(x₁, x₂) - margin) where y = -1, as {@code torch.nn.CosineEmbeddingLoss(margin=0.0, reduction='mean')}. {@code reduction} is {@code MEAN} (default), {@code SUM} or {@code NONE}.
 *
 * <p>Shapes: input1 (N, D) or (D), input2 the same, target (N) or (); output scalar, or (N) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new CosineEmbeddingLoss().forward(a, b, y);
 * }</pre>
 */
public class CosineEmbeddingLoss extends Loss {
    public final double margin;

    public CosineEmbeddingLoss() {
        this(0.0, Reduction.MEAN);
    }

    public CosineEmbeddingLoss(double margin, Reduction reduction) {
        super(reduction);
        this.margin = margin;
    }

    public Tensor forward(Tensor input1, Tensor input2, Tensor target) {
        return F.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 3, "input1, input2, target");
        return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2]);
    }
}
