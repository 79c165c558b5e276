package dev.nn4j.nn.functional;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;

/** Dropout variants behind {@link F}; each is the identity when not training. */
final class Dropout {
    private Dropout() {}

    static void checkP(String op, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(op + ": dropout probability has to be between 0 and 1, but got " + p);
        }
    }

    /** Bernoulli(1 - p) keep-mask of {@code shape}, in {@code like}'s dtype. */
    static Tensor keepMask(Tensor like, double p, Generator g, int... shape) {
        return Tensor.rand(like.dtype(), g, shape).ge(p).to(like.dtype());
    }

    static Tensor dropout(Tensor x, double p, boolean training, boolean inplace, Generator g) {
        checkP("dropout", p);
        if (!training || p == 0) return x;
        if (!x.isFloatingPoint()) throw new IllegalArgumentException("dropout: expected a floating point input, got " + x.dtype());
        Tensor scaled = p == 1 ? Tensor.zerosLike(x) : keepMask(x, p, g, x.shape()).div(1 - p);
        return inplace ? x.mul_(scaled) : x.mul(scaled);
    }
}
