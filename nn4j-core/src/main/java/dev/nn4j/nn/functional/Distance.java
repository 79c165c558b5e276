package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;

/** Distance functions behind {@link F}, and the zero-safe p-norm they share with {@code normalize}. */
final class Distance {
    private Distance() {}

    /**
     * The p-norm along {@code dim} with PyTorch's gradient at a zero vector: 0 rather than NaN (the
     * {@code where} picks the constant branch there, and the root is taken of 1 instead of 0).
     */
    static Tensor norm(Tensor x, double p, int dim, boolean keepdim) {
        int[] d = {dim};
        if (Double.isInfinite(p)) return p > 0 ? x.abs().amax(d, keepdim) : x.abs().amin(d, keepdim);
        if (p == 1) return x.abs().sum(d, keepdim);
        if (p == 0) {
            // the count of non-zeros; like PyTorch, still attached to the graph (a zero gradient), without 0 * inf
            Tensor zeroTerm = Tensor.where(Tensor.zeros(DType.BOOL, x.shape()), x, 0.0).sum(d, keepdim);
            return x.detach().ne(0).to(x.dtype()).sum(d, keepdim).add(zeroTerm);
        }
        Tensor s = p == 2 ? x.square().sum(d, keepdim) : x.abs().pow(p).sum(d, keepdim);
        Tensor pos = s.detach().gt(0);
        Tensor safe = Tensor.where(pos, s, 1.0);
        Tensor root = p == 2 ? safe.sqrt() : safe.pow(1 / p);
        return Tensor.where(pos, root, 0.0);
    }

    private static void requireFloat(String op, Tensor x, String name) {
        if (x == null) throw new IllegalArgumentException(op + ": " + name + " must not be null");
        if (!x.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected " + name + " to be floating point, got " + x.dtype());
    }

    static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        requireFloat("pairwise_distance", x1, "x1");
        requireFloat("pairwise_distance", x2, "x2");
        if (p < 0) throw new IllegalArgumentException("pairwise_distance: p must be non-negative, got " + p);
        Shapes.broadcast("pairwise_distance", x1.shape(), x2.shape());
        int outDim = Math.max(x1.dim(), x2.dim());
        if (outDim == 0) return norm(x1.sub(x2).add(eps).reshape(1), p, 0, keepdim).reshape(keepdim ? new int[] {1} : new int[0]);
        return norm(x1.sub(x2).add(eps), p, outDim - 1, keepdim);
    }

    /** sqrt(s) clamped below at eps, whose backward uses the clamped value (as PyTorch 1.13's cosine_similarity does). */
    private static final class ClampedSqrt extends Function {
        private final double eps;

        ClampedSqrt(double eps) {
            this.eps = eps;
        }

        @Override
        protected String name() {
            return "SqrtBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor r = in[0].sqrt().clampMin(eps);
            ctx.saveForBackward(r);
            return r;
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {g.div(ctx.saved(0).mul(2))};
        }
    }

    static Tensor cosineSimilarity(Tensor x1, Tensor x2, int dim, double eps) {
        requireFloat("cosine_similarity", x1, "x1");
        requireFloat("cosine_similarity", x2, "x2");
        int[] common = Shapes.broadcast("cosine_similarity", x1.shape(), x2.shape());
        int d = Shapes.wrapDim("cosine_similarity", dim, common.length);
        Tensor a = x1.expand(common), b = x2.expand(common);
        Tensor na = new ClampedSqrt(eps).apply(a.square().sum(d, true));
        Tensor nb = new ClampedSqrt(eps).apply(b.square().sum(d, true));
        return a.div(na).mul(b.div(nb)).sum(d);
    }

    static Tensor pdist(Tensor input, double p) {
        requireFloat("pdist", input, "input");
        if (input.dim() != 2) throw new IllegalArgumentException("pdist: only supports 2D tensors, got: " + input.dim() + "D");
        if (p < 0) throw new IllegalArgumentException("pdist: only supports non-negative p values, got " + p);
        int n = input.size(0);
        int pairs = n * (n - 1) / 2;
        long[] left = new long[pairs], right = new long[pairs];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                left[k] = i;
                right[k] = j;
            }
        }
        if (pairs == 0) return Tensor.zeros(input.dtype(), 0).add(input.sum().mul(0));
        Tensor diff = input.indexSelect(0, Tensor.of(left)).sub(input.indexSelect(0, Tensor.of(right)));
        return norm(diff, p, 1, false);
    }
}
