package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * Splits dim {@code dim} into {@code unflattenedSize}, as {@code torch.nn.Unflatten(dim, unflattened_size)};
 * one size may be -1 (inferred).
 *
 * <p>Shapes: input (*, S_dim, *), output (*, U_1, ..., U_n, *) with ∏U = S_dim.
 *
 * <pre>{@code
 * Tensor y = new Unflatten(1, 2, 5, 5).forward(Tensor.randn(2, 50));   // (2, 2, 5, 5)
 * }</pre>
 */
public class Unflatten extends Module {
    public final int dim;
    public final int[] unflattenedSize;

    public Unflatten(int dim, int... unflattenedSize) {
        if (unflattenedSize == null || unflattenedSize.length == 0) {
            throw new IllegalArgumentException("Unflatten: unflattened_size must be a non-empty tuple of ints");
        }
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.unflatten(dim, unflattenedSize);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim + ", unflattened_size=" + Repr.tuple(unflattenedSize);
    }
}
