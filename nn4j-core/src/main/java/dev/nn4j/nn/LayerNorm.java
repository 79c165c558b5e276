package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * Layer normalization over the trailing {@code normalizedShape} dims, y = (x - E[x]) / √(Var[x] + ε) · γ + β,
 * as {@code torch.nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True, bias=True)}; always uses
 * the input's statistics (train and eval alike).
 *
 * <p>Shapes: input (*, normalized_shape), output the same. Parameters {@code weight} = 1 and {@code bias} = 0
 * of shape normalized_shape when elementwise_affine.
 *
 * <pre>{@code
 * var ln = new LayerNorm(512);
 * Tensor y = ln.forward(Tensor.randn(8, 10, 512));
 * }</pre>
 */
public class LayerNorm extends Module {
    public final int[] normalizedShape;
    public final double eps;
    public final boolean elementwiseAffine;
    public final Tensor weight;
    public final Tensor bias;

    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        this(normalizedShape, eps, elementwiseAffine, true);
    }

    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine, boolean bias) {
        if (normalizedShape == null || normalizedShape.length == 0) {
            throw new IllegalArgumentException("LayerNorm: normalized_shape must have at least one dim");
        }
        for (int d : normalizedShape) {
            if (d < 0) throw new IllegalArgumentException("LayerNorm: normalized_shape must be non-negative, got " + java.util.Arrays.toString(normalizedShape));
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.elementwiseAffine = elementwiseAffine;
        this.weight = registerParameter("weight", elementwiseAffine ? Parameter.of(Tensor.empty(normalizedShape)) : null);
        this.bias = registerParameter("bias", elementwiseAffine && bias ? Parameter.of(Tensor.empty(normalizedShape)) : null);
        resetParameters();
    }

    /** Weight to ones, bias to zeros. */
    public void resetParameters() {
        if (weight != null) Init.ones_(weight);
        if (bias != null) Init.zeros_(bias);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    @Override
    public String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + Repr.py(eps) + ", elementwise_affine=" + Repr.py(elementwiseAffine);
    }
}
