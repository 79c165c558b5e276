package dev.nn4j.nn.functional;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.Parallel;
import java.util.Arrays;

/**
 * Dropout variants behind {@link F} (PyTorch's {@code _dropout_impl}). Each is the identity when not
 * training or when {@code p == 0}; masks are Bernoulli(1 - p) draws from the given {@link Generator}.
 */
final class Dropout {
    /** SELU's saturation value -scale * alpha, the value alpha dropout drops to. */
    private static final double ALPHA_PRIME = 1.7580993408473766;

    private Dropout() {}

    private static void requireInput(String op, Tensor x) {
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
    }

    static void checkP(String op, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(op + ": dropout probability has to be between 0 and 1, but got " + p);
        }
    }

    /** Keep-mask (1 with probability 1 - p) of {@code shape} in {@code like}'s dtype. */
    private static Tensor bernoulliKeep(Tensor like, double p, Generator g, int[] shape) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        return Tensor.rand(like.dtype(), g, shape).ge(p).to(like.dtype());
    }

    /** Masks at least this long draw in parallel chunks of {@link #CHUNK}, each from its own generator forked in order. */
    private static final int PARALLEL_MASK = 1 << 16, CHUNK = 1 << 15;

    /**
     * {@code bernoulliKeep(...).div(1 - p)} in one pass for float32: the same comparisons and quotient
     * ({@code 1f / (float) (1 - p)}), without the uniform, boolean and keep temporaries. Small masks use the same draws
     * as {@code bernoulliKeep}; large ones fork one generator per chunk of {@link #CHUNK} draws (in chunk order, so the
     * mask depends on the seed only, not on the thread count) and fill the chunks in parallel.
     */
    private static Tensor keepScale(Tensor like, double p, Generator g, int[] shape) {
        if (g == null) g = Generator.getDefault();
        if (like.dtype() != dev.nn4j.DType.FLOAT32) return bernoulliKeep(like, p, g, shape).div(1 - p);
        int n = 1;
        for (int s : shape) n *= s;
        float[] u = new float[n];
        float pf = (float) p, scale = 1f / (float) (1 - p);
        if (n < PARALLEL_MASK) {
            g.fillUniform(u, 0, n);
            threshold(u, 0, n, pf, scale);
        } else {
            int chunks = (n + CHUNK - 1) / CHUNK;
            Generator[] gens = new Generator[chunks];
            for (int c = 0; c < chunks; c++) gens[c] = g.fork();
            Parallel.forRange(chunks, 1, (s, e) -> {
                for (int c = s; c < e; c++) {
                    int from = c * CHUNK, len = Math.min(CHUNK, u.length - from);
                    gens[c].fillUniform(u, from, len);
                    threshold(u, from, len, pf, scale);
                }
            });
        }
        return Tensor.fromArray(u, shape);
    }

    private static void threshold(float[] u, int from, int len, float p, float scale) {
        dev.nn4j.backend.cpu.FusedKernels.keepScale(u, from, len, p, scale);
    }

    /** (N, C, 1, 1, ...): one draw per feature map. */
    private static int[] featureShape(String op, Tensor x) {
        if (x.dim() < 2) {
            throw new IllegalArgumentException(op + ": feature dropout requires at least 2 dimensions in the input, got shape "
                    + Arrays.toString(x.shape()));
        }
        int[] s = new int[x.dim()];
        Arrays.fill(s, 1);
        s[0] = x.size(0);
        s[1] = x.size(1);
        return s;
    }

    private static Tensor apply(String op, Tensor x, double p, boolean training, boolean inplace, Generator g,
                                boolean feature, boolean alpha) {
        checkP(op, p);
        requireInput(op, x);
        if (!training || p == 0 || x.numel() == 0) return x;
        if (!x.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected a floating point input, got " + x.dtype());
        int[] shape = feature ? featureShape(op, x) : x.shape();
        if (p == 1) {
            Tensor zero = Tensor.zeros(x.dtype());
            return inplace ? Activations.inplace(op, x, t -> t.mul(zero)) : x.mul(zero);
        }
        if (!alpha) {
            Tensor scale = keepScale(x, p, g, shape);
            return inplace ? Activations.inplace(op, x, t -> t.mul(scale)) : x.mul(scale);
        }
        Tensor keep = bernoulliKeep(x, p, g, shape);
        // alpha dropout keeps mean and variance: a * (x * keep + alpha' * (keep - 1)) + alpha' * a * p
        double a = 1 / Math.sqrt((ALPHA_PRIME * ALPHA_PRIME * p + 1) * (1 - p));
        Tensor b = keep.sub(1).mul(ALPHA_PRIME * a).add(ALPHA_PRIME * a * p);
        Tensor mul = keep.mul(a);
        return inplace ? Activations.inplace(op, x, t -> t.mul(mul).add(b)) : x.mul(mul).add(b);
    }

    static Tensor dropout(Tensor x, double p, boolean training, boolean inplace, Generator g) {
        return apply("dropout", x, p, training, inplace, g, false, false);
    }

    static Tensor alphaDropout(Tensor x, double p, boolean training, boolean inplace, Generator g) {
        return apply("alpha_dropout", x, p, training, inplace, g, false, true);
    }

    static Tensor featureAlphaDropout(Tensor x, double p, boolean training, boolean inplace, Generator g) {
        return apply("feature_alpha_dropout", x, p, training, inplace, g, true, true);
    }

    /** Channel dropout of (N, C, L) or unbatched (C, L) input. */
    static Tensor dropout1d(Tensor x, double p, boolean training, boolean inplace, Generator g) {
        checkP("dropout1d", p);
        requireInput("dropout1d", x);
        if (x.dim() != 2 && x.dim() != 3) {
            throw new IllegalArgumentException("dropout1d: Expected 2D or 3D input, but received a " + x.dim() + "D input. "
                    + "Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, "
                    + "a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).");
        }
        return channelDropout("dropout1d", x, p, training, inplace, g, x.dim() == 3);
    }

    /**
     * Channel dropout of (N, C, H, W). Like PyTorch 1.13, a 3-D input is taken as (N, C, L) (1-D channel dropout),
     * and other ranks drop whole (dim 0, dim 1) slices.
     */
    static Tensor dropout2d(Tensor x, double p, boolean training, boolean inplace, Generator g) {
        checkP("dropout2d", p);
        return apply("dropout2d", x, p, training, inplace, g, true, false);
    }

    /** Channel dropout of (N, C, D, H, W) or unbatched (C, D, H, W) input. */
    static Tensor dropout3d(Tensor x, double p, boolean training, boolean inplace, Generator g) {
        checkP("dropout3d", p);
        requireInput("dropout3d", x);
        return channelDropout("dropout3d", x, p, training, inplace, g, x.dim() == 5);
    }

    private static Tensor channelDropout(String op, Tensor x, double p, boolean training, boolean inplace, Generator g, boolean batched) {
        if (batched) return apply(op, x, p, training, inplace, g, true, false);
        if (!training || p == 0) return x;
        // unbatched: one draw per channel (dim 0)
        if (inplace) return Activations.inplace(op, x, t -> apply(op, t.unsqueeze(0), p, true, false, g, true, false).squeeze(0));
        return apply(op, x.unsqueeze(0), p, training, false, g, true, false).squeeze(0);
    }
}
