package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * The legacy (Lua Torch) cross-map local response normalization of a 4-D input, as
 * {@code torch.nn.CrossMapLRN2d(size, alpha=1e-4, beta=0.75, k=1)}: b_c = a_c · (k + α/n · Σ a_{c'}²)^(-β)
 * with PyTorch's legacy window (see {@code CrossMapLrn}: it differs from {@link LocalResponseNorm}'s).
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
        return new CrossMapLrn(size, alpha.doubleValue(), beta.doubleValue(), k.doubleValue()).apply(input);
    }
}
