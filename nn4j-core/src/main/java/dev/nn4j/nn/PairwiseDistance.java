package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * The p-norm distance ‖x₁ - x₂ + ε‖_p over the last dim, as
 * {@code torch.nn.PairwiseDistance(p=2.0, eps=1e-6, keepdim=False)}.
 *
 * <p>Shapes: inputs (N, D) or (D), output (N) (or (N, 1) with keepdim).
 *
 * <pre>{@code
 * Tensor d = new PairwiseDistance().forward(Tensor.randn(100, 128), Tensor.randn(100, 128));   // (100)
 * }</pre>
 */
public class PairwiseDistance extends Module {
    public final double p;
    public final double eps;
    public final boolean keepdim;

    public PairwiseDistance() {
        this(2.0, 1e-6, false);
    }

    public PairwiseDistance(double p) {
        this(p, 1e-6, false);
    }

    public PairwiseDistance(double p, double eps, boolean keepdim) {
        this.p = p;
        this.eps = eps;
        this.keepdim = keepdim;
    }

    public Tensor forward(Tensor x1, Tensor x2) {
        return F.pairwiseDistance(x1, x2, p, eps, keepdim);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 2) return forward((Tensor) args[0], (Tensor) args[1]);
        throw new IllegalArgumentException("PairwiseDistance.forward: expected 2 tensors (x1, x2), got " + describe(args));
    }
}
