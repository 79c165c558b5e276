package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * The legacy (Lua Torch) cross-map local response normalization of a 4-D input, as
 * {@code torch.nn.CrossMapLRN2d(size, alpha=1e-4, beta=0.75, k=1)}; it computes the same normalization as
 * {@link LocalResponseNorm} restricted to (N, C, H, W) inputs.
 *
 * <pre>{@code
 * Tensor y = new CrossMapLRN2d(3).forward(Tensor.randn(2, 5, 4, 4));
 * }</pre>
 */
public class CrossMapLRN2d extends LocalResponseNorm {
    public CrossMapLRN2d(int size) {
        this(size, 1e-4, 0.75, 1);
    }

    public CrossMapLRN2d(int size, Number alpha, Number beta, Number k) {
        super(size, alpha, beta, k);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("CrossMapLRN2d: Expected input to be 4D, got " + input.dim() + "D instead.");
        }
        return super.forward(input);
    }
}
