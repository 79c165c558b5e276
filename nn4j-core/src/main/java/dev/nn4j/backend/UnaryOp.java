package dev.nn4j.backend;

import java.util.function.DoubleUnaryOperator;

/**
 * Elementwise unary primitives. Each constant carries its scalar definition, which is the
 * reference every backend kernel is tested against.
 */
public enum UnaryOp {
    NEG(x -> -x),
    ABS(Math::abs),
    EXP(Math::exp),
    EXPM1(Math::expm1),
    LOG(Math::log),
    LOG1P(Math::log1p),
    LOG2(x -> Math.log(x) / Math.log(2)),
    LOG10(Math::log10),
    SQRT(Math::sqrt),
    RSQRT(x -> 1 / Math.sqrt(x)),
    SQUARE(x -> x * x),
    RECIPROCAL(x -> 1 / x),
    SIN(Math::sin),
    COS(Math::cos),
    TAN(Math::tan),
    ASIN(Math::asin),
    ACOS(Math::acos),
    ATAN(Math::atan),
    SINH(Math::sinh),
    COSH(Math::cosh),
    TANH(Math::tanh),
    SIGMOID(x -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
    /** {@code x < 0 ? 0 : x}: keeps NaN and -0.0, as PyTorch's clamp_min(x, 0). */
    RELU(x -> x < 0 ? 0 : x),
    /** {@code (0 < x) - (x < 0)}: 0 for NaN and for -0.0, as PyTorch. */
    SIGN(x -> x > 0 ? 1 : x < 0 ? -1 : 0),
    FLOOR(Math::floor),
    CEIL(Math::ceil),
    ROUND(Math::rint),
    TRUNC(x -> x < 0 ? Math.ceil(x) : Math.floor(x)),
    FRAC(x -> x - (x < 0 ? Math.ceil(x) : Math.floor(x))),
    ERF(SpecialFunctions::erf),
    ERFC(SpecialFunctions::erfc),
    ERFINV(SpecialFunctions::erfinv),
    LGAMMA(SpecialFunctions::lgamma),
    DIGAMMA(SpecialFunctions::digamma),
    /** The derivative of digamma (polygamma(1, x)); used by digamma's backward. */
    TRIGAMMA(SpecialFunctions::trigamma),
    LOGICAL_NOT(x -> x == 0 ? 1 : 0),
    ISNAN(x -> Double.isNaN(x) ? 1 : 0),
    ISINF(x -> Double.isInfinite(x) ? 1 : 0),
    ISFINITE(x -> Double.isFinite(x) ? 1 : 0);

    private final DoubleUnaryOperator fn;

    UnaryOp(DoubleUnaryOperator fn) {
        this.fn = fn;
    }

    public double apply(double x) {
        return fn.applyAsDouble(x);
    }

    /** Whether the op yields a boolean tensor. */
    public boolean isPredicate() {
        return this == LOGICAL_NOT || this == ISNAN || this == ISINF || this == ISFINITE;
    }

    /** Whether the op maps integers to integers (otherwise integer input gives float32, as in PyTorch). */
    public boolean keepsIntegers() {
        return switch (this) {
            case NEG, ABS, SQUARE, SIGN, RELU, FLOOR, CEIL, ROUND, TRUNC -> true;
            default -> false;
        };
    }
}
