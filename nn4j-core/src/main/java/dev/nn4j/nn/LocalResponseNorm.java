package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Local response normalization across channels, b_c = a_c · (k + α/n · Σ_{c'} a_{c'}²)^(-β) over a window of
 * {@code size} neighbouring channels, as {@code torch.nn.LocalResponseNorm(size, alpha=1e-4, beta=0.75, k=1.0)}.
 *
 * <p>Shapes: input (N, C, *), output the same.
 *
 * <pre>{@code
 * Tensor y = new LocalResponseNorm(2).forward(Tensor.randn(32, 5, 24, 24));
 * }</pre>
 */
public class LocalResponseNorm extends Module {
    public final int size;
    public final Number alpha;
    public final Number beta;
    public final Number k;

    public LocalResponseNorm(int size) {
        this(size, 1e-4, 0.75, 1.0);
    }

    public LocalResponseNorm(int size, Number alpha, Number beta, Number k) {
        if (size <= 0) throw new IllegalArgumentException("LocalResponseNorm: size must be positive, got " + size);
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
        Repr.num(getName(), "alpha", alpha);
        Repr.num(getName(), "beta", beta);
        Repr.num(getName(), "k", k);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.localResponseNorm(input, size, alpha.doubleValue(), beta.doubleValue(), k.doubleValue());
    }

    @Override
    public String extraRepr() {
        return size + ", alpha=" + Repr.py(alpha) + ", beta=" + Repr.py(beta) + ", k=" + Repr.py(k);
    }
}
