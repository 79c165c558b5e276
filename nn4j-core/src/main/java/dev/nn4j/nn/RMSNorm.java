package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * Root-mean-square normalization over the trailing {@code normalizedShape} dims, y = x / √(mean(x²) + ε) · γ,
 * as {@code torch.nn.RMSNorm(normalized_shape, eps=None, elementwise_affine=True)}; {@code eps} null uses the
 * machine epsilon of the input's dtype.
 *
 * <p>Shapes: input (*, normalized_shape), output the same. Parameter {@code weight} = 1 of shape
 * normalized_shape when elementwise_affine.
 *
 * <pre>{@code
 * Tensor y = new RMSNorm(512).forward(Tensor.randn(8, 10, 512));
 * }</pre>
 */
public class RMSNorm extends Module {
    public final int[] normalizedShape;
    public final Double eps;
    public final boolean elementwiseAffine;
    public final Tensor weight;

    public RMSNorm(int... normalizedShape) {
        this(normalizedShape, null, true);
    }

    public RMSNorm(int[] normalizedShape, Double eps, boolean elementwiseAffine) {
        if (normalizedShape == null || normalizedShape.length == 0) {
            throw new IllegalArgumentException("RMSNorm: normalized_shape must have at least one dim");
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        this.weight = registerParameter("weight", elementwiseAffine ? Parameter.of(Tensor.empty(normalizedShape)) : null);
        resetParameters();
    }

    /** Weight to ones. */
    public void resetParameters() {
        if (weight != null) Init.ones_(weight);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.rmsNorm(input, normalizedShape, weight, eps);
    }

    @Override
    public String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + (eps == null ? "None" : Repr.py(eps.doubleValue()))
                + ", elementwise_affine=" + Repr.py(elementwiseAffine);
    }
}
