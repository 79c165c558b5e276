package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Cosine similarity x₁·x₂ / max(‖x₁‖·‖x₂‖, ε) along {@code dim}, as {@code torch.nn.CosineSimilarity(dim=1, eps=1e-8)}.
 *
 * <p>Shapes: inputs broadcastable (*₁, D, *₂), output (*₁, *₂).
 *
 * <pre>{@code
 * Tensor s = new CosineSimilarity().forward(Tensor.randn(100, 128), Tensor.randn(100, 128));   // (100)
 * }</pre>
 */
public class CosineSimilarity extends Module {
    public final int dim;
    public final double eps;

    public CosineSimilarity() {
        this(1, 1e-8);
    }

    public CosineSimilarity(int dim, double eps) {
        this.dim = dim;
        this.eps = eps;
    }

    public Tensor forward(Tensor x1, Tensor x2) {
        return F.cosineSimilarity(x1, x2, dim, eps);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 2) return forward((Tensor) args[0], (Tensor) args[1]);
        throw new IllegalArgumentException("CosineSimilarity.forward: expected 2 tensors (x1, x2), got " + describe(args));
    }
}
