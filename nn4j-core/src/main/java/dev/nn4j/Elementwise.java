package dev.nn4j;

import dev.nn4j.backend.Backend;
import dev.nn4j.backend.BinaryOp;
import dev.nn4j.backend.UnaryOp;
import dev.nn4j.backend.cpu.FusedKernels;
import dev.nn4j.internal.Storage;
import dev.nn4j.internal.Shapes;

/** Elementwise unary and binary ops with broadcasting, type promotion and their derivatives side by side. */
final class Elementwise {
    private static final double LN2 = Math.log(2), LN10 = Math.log(10), TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private Elementwise() {}

    static Tensor unary(UnaryOp op, Tensor x) {
        DType outType = op.isPredicate() ? DType.BOOL
                : (!x.dtype.isFloatingPoint() && !op.keepsIntegers()) ? DType.FLOAT32 : x.dtype;
        if (x.dtype == DType.BOOL && op == UnaryOp.NEG) {
            throw new IllegalArgumentException("neg: Negation, the `-` operator, on a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        if (x.dtype == DType.BOOL && op.keepsIntegers() && op != UnaryOp.LOGICAL_NOT) outType = DType.INT64;
        Tensor out = Tensor.allocate(outType, x.shape);
        Backend.current().unary(op, x, out);
        if (!outType.isFloatingPoint() || !Graph.needsGrad(x)) return out;
        Tensor y = out;
        return switch (op) {
            case NEG -> Graph.record("NegBackward0", out, x, g -> new Tensor[] {g.neg()});
            case ABS -> grad1("AbsBackward0", out, x, g -> g.mul(x.sign()));
            case EXP -> grad1("ExpBackward0", out, x, y, g -> g.mul(y));
            case EXPM1 -> grad1("Expm1Backward0", out, x, y, g -> g.mul(y.add(1)));
            case LOG -> grad1("LogBackward0", out, x, g -> g.div(x));
            case LOG1P -> grad1("Log1PBackward0", out, x, g -> g.div(x.add(1)));
            case LOG2 -> grad1("Log2Backward0", out, x, g -> g.div(x.mul(LN2)));
            case LOG10 -> grad1("Log10Backward0", out, x, g -> g.div(x.mul(LN10)));
            case SQRT -> grad1("SqrtBackward0", out, x, y, g -> g.div(y.mul(2)));
            case RSQRT -> grad1("RsqrtBackward0", out, x, y, g -> g.mul(y.pow(3)).mul(-0.5));
            case SQUARE -> grad1("PowBackward0", out, x, g -> g.mul(x).mul(2));
            case RECIPROCAL -> grad1("ReciprocalBackward0", out, x, y, g -> g.mul(y.square()).neg());
            case SIN -> grad1("SinBackward0", out, x, g -> g.mul(x.cos()));
            case COS -> grad1("CosBackward0", out, x, g -> g.mul(x.sin()).neg());
            case TAN -> grad1("TanBackward0", out, x, y, g -> g.mul(y.square().add(1)));
            case ASIN -> grad1("AsinBackward0", out, x, g -> g.div(x.square().rsub(1).sqrt()));
            case ACOS -> grad1("AcosBackward0", out, x, g -> g.div(x.square().rsub(1).sqrt()).neg());
            case ATAN -> grad1("AtanBackward0", out, x, g -> g.div(x.square().add(1)));
            case SINH -> grad1("SinhBackward0", out, x, g -> g.mul(x.cosh()));
            case COSH -> grad1("CoshBackward0", out, x, g -> g.mul(x.sinh()));
            case TANH -> grad1("TanhBackward0", out, x, y, g -> g.mul(y.square().rsub(1)));
            case SIGMOID -> grad1("SigmoidBackward0", out, x, y, g -> g.mul(y.mul(y.rsub(1))));
            case RELU -> grad1("ReluBackward0", out, x, y, g -> reluBackward(g, y));
            case ERF -> grad1("ErfBackward0", out, x, g -> g.mul(x.square().neg().exp().mul(TWO_OVER_SQRT_PI)));
            case ERFC -> grad1("ErfcBackward0", out, x, g -> g.mul(x.square().neg().exp().mul(-TWO_OVER_SQRT_PI)));
            case ERFINV -> grad1("ErfinvBackward0", out, x, y, g -> g.mul(y.square().exp().mul(Math.sqrt(Math.PI) / 2)));
            case LGAMMA -> grad1("LgammaBackward0", out, x, g -> g.mul(x.digamma()));
            case DIGAMMA -> grad1("DigammaBackward0", out, x, g -> g.mul(unary(UnaryOp.TRIGAMMA, x)));
            case FRAC -> Graph.record("FracBackward0", out, x, g -> new Tensor[] {g});
            case SIGN, FLOOR, CEIL, ROUND, TRUNC ->
                    Graph.record(name(op), out, x, g -> new Tensor[] {Tensor.zerosLike(g)});
            default -> Graph.record(name(op), out, x, g -> {
                throw new UnsupportedOperationException("the derivative of " + op.name().toLowerCase() + " is not implemented");
            });
        };
    }

    /** relu's gradient from its output, PyTorch's {@code threshold_backward(g, y, 0)}: 0 where y <= 0, else g. */
    static Tensor reluBackward(Tensor g, Tensor y) {
        if (g.dtype == DType.FLOAT32 && y.dtype == DType.FLOAT32 && g.isContiguous() && y.isContiguous()
                && java.util.Arrays.equals(g.shape, y.shape)) {
            Tensor out = Tensor.allocate(DType.FLOAT32, y.shape);
            FusedKernels.reluBackward(out.numel(), ((Storage.F32) g.storage).data, g.offset, ((Storage.F32) y.storage).data,
                    y.offset, ((Storage.F32) out.storage).data, 0);
            return out;
        }
        return Tensor.where(y.le(0), 0.0, g);
    }

    private static String name(UnaryOp op) {
        String n = op.name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1) + "Backward0";
    }

    private static Tensor grad1(String name, Tensor out, Tensor x, java.util.function.UnaryOperator<Tensor> f) {
        return Graph.record(name, out, new Tensor[] {x}, new Tensor[] {x}, g -> new Tensor[] {f.apply(g)});
    }

    private static Tensor grad1(String name, Tensor out, Tensor x, Tensor y, java.util.function.UnaryOperator<Tensor> f) {
        return Graph.record(name, out, new Tensor[] {x}, new Tensor[] {y}, g -> new Tensor[] {f.apply(g)});
    }

    /** A 0-dim tensor holding {@code v}, typed as PyTorch types a Python scalar next to {@code like}. */
    static Tensor scalarLike(Tensor like, double v) {
        DType dt;
        if (like.dtype.isFloatingPoint()) dt = like.dtype;
        else if (v != Math.rint(v) || Double.isInfinite(v)) dt = DType.FLOAT32;
        else dt = DType.INT64;
        return Creation.full(new int[0], v, dt);
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        String name = op.name().toLowerCase();
        if (b == null) throw new IllegalArgumentException(name + ": other must not be null");
        int[] shape = Shapes.broadcast(name, a.shape, b.shape);
        DType compute = resultType(a, b);
        if ((op == BinaryOp.DIV || op == BinaryOp.ATAN2 || op == BinaryOp.POW && compute == DType.BOOL)
                && !compute.isFloatingPoint()) {
            compute = DType.FLOAT32;
        }
        if (compute == DType.BOOL && op == BinaryOp.SUB) {
            throw new IllegalArgumentException("sub: Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        // bool (+) bool is logical or and bool (*) bool logical and, as in PyTorch; other arithmetic counts in int64
        if (compute == DType.BOOL && !op.isPredicate() && op != BinaryOp.MAXIMUM && op != BinaryOp.MINIMUM
                && op != BinaryOp.ADD && op != BinaryOp.MUL) {
            compute = DType.INT64;
        }
        DType outType = op.isPredicate() ? DType.BOOL : compute;
        Tensor ac = a.dtype == compute || op.isPredicate() ? a : Views.cast(a, compute);
        Tensor bc = b.dtype == compute || op.isPredicate() ? b : Views.cast(b, compute);
        if (op.isPredicate() && a.dtype != b.dtype) {
            ac = a.to(compute);
            bc = b.to(compute);
        }
        Tensor out = Tensor.allocate(outType, shape);
        Backend.current().binary(op, expandNoGrad(ac, shape), expandNoGrad(bc, shape), out);
        if (!outType.isFloatingPoint() || !Graph.needsGrad(a, b)) return out;
        Tensor[] in = {a, b};
        return switch (op) {
            case ADD -> Graph.record("AddBackward0", out, in, g -> new Tensor[] {g, g});
            case SUB -> Graph.record("SubBackward0", out, in, g -> new Tensor[] {g, g.neg()});
            case MUL -> Graph.record("MulBackward0", out, in, in, g -> new Tensor[] {
                    a.requiresGrad ? g.mul(b) : null, b.requiresGrad ? g.mul(a) : null});
            case DIV -> Graph.record("DivBackward0", out, in, in, g -> new Tensor[] {
                    a.requiresGrad ? g.div(b) : null, b.requiresGrad ? g.mul(a).div(b.square()).neg() : null});
            case POW -> Graph.record("PowBackward1", out, in, new Tensor[] {a, b, out}, g -> new Tensor[] {
                    a.requiresGrad ? Tensor.where(b.eq(0), 0.0, g.mul(b).mul(a.pow(b.sub(1)))) : null,
                    b.requiresGrad ? Tensor.where(a.eq(0).logicalAnd(b.ge(0)), 0.0, g.mul(out).mul(a.log())) : null});
            // PyTorch: where(a == b, g / 2, g) masked to 0 where the other side wins; a NaN pair passes g to both
            case MAXIMUM, MINIMUM -> Graph.record(op == BinaryOp.MAXIMUM ? "MaximumBackward0" : "MinimumBackward0", out, in, in, g -> {
                Tensor aWins = op == BinaryOp.MAXIMUM ? a.gt(b) : a.lt(b);
                Tensor bWins = op == BinaryOp.MAXIMUM ? a.lt(b) : a.gt(b);
                Tensor gt = Tensor.where(a.eq(b), g.mul(0.5), g);
                return new Tensor[] {Tensor.where(bWins, 0.0, gt), Tensor.where(aWins, 0.0, gt)};
            });
            case ATAN2 -> Graph.record("Atan2Backward0", out, in, in, g -> {
                Tensor den = a.square().add(b.square());
                return new Tensor[] {g.mul(b).div(den), g.mul(a).div(den).neg()};
            });
            case FMOD -> Graph.record("FmodBackward1", out, in, in, g -> new Tensor[] {g, g.mul(a.div(b).trunc()).neg()});
            case REMAINDER -> Graph.record("RemainderBackward1", out, in, in, g -> new Tensor[] {g, g.mul(a.div(b).floor()).neg()});
            default -> Graph.record(op.name() + "Backward", out, in, g -> new Tensor[] {Tensor.zerosLike(a), Tensor.zerosLike(b)});
        };
    }

    /**
     * PyTorch's result_type for two tensors: a 0-dim tensor takes part in the promotion only when it is of a
     * higher category (bool < integer < floating) than the dimensioned one, so {@code float32 * tensor(0.5, float64)}
     * stays float32.
     */
    static DType resultType(Tensor a, Tensor b) {
        boolean za = a.shape.length == 0, zb = b.shape.length == 0;
        if (za == zb) return DType.promote(a.dtype, b.dtype);
        DType dimmed = za ? b.dtype : a.dtype, zero = za ? a.dtype : b.dtype;
        return category(zero) > category(dimmed) ? zero : dimmed;
    }

    private static int category(DType d) {
        return d == DType.BOOL ? 0 : d.isFloatingPoint() ? 2 : 1;
    }

    private static void checkNonNegativeExponent(Tensor exponent) {
        if (exponent.dtype.isFloatingPoint()) return;
        for (long e : exponent.toLongArray()) {
            if (e < 0) throw new IllegalArgumentException("pow: Integers to negative integer powers are not allowed.");
        }
    }

    /** Broadcast view for a kernel: never recorded, the op's own node handles the gradient's reduction. */
    static Tensor expandNoGrad(Tensor t, int[] shape) {
        if (java.util.Arrays.equals(t.shape, shape)) return t;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            return t.expand(shape);
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
    }

    static Tensor powScalar(Tensor x, double e) {
        if (e == 2) return x.square();
        if (e == 1) return x.mul(1.0);
        if (e == 0.5 && x.dtype.isFloatingPoint()) return x.sqrt();
        Tensor exp = scalarLike(x, e);
        if (exp.dtype == DType.INT64) checkNonNegativeExponent(exp);
        Tensor out = Tensor.allocate(DType.promote(x.dtype, exp.dtype), x.shape);
        Backend.current().binary(BinaryOp.POW, x, expandNoGrad(exp, x.shape), out);
        return Graph.record("PowBackward0", out, new Tensor[] {x}, new Tensor[] {x},
                g -> new Tensor[] {e == 0 ? Tensor.zerosLike(g) : g.mul(x.pow(e - 1)).mul(e)});
    }

    static Tensor divRounding(Tensor a, Tensor b, String mode) {
        if (mode == null) return a.div(b);
        return switch (mode) {
            case "floor" -> a.floorDivide(b);
            case "trunc" -> {
                if (resultType(a, b).isFloatingPoint()) yield a.div(b).trunc();
                // exact for integers: a - fmod(a, b) is a multiple of b
                if (b.dtype == DType.BOOL || a.dtype == DType.BOOL) yield divRounding(a.to(DType.INT64), b.to(DType.INT64), mode);
                yield a.sub(a.fmod(b)).floorDivide(b);
            }
            default -> throw new IllegalArgumentException(
                    "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '" + mode + "'");
        };
    }

    /**
     * torch.fmax / torch.fmin: the larger (smaller) element, a NaN only where both are NaN. The gradient goes to
     * {@code a} where {@code a >= b} ({@code a <= b}) or {@code b} is NaN, else to {@code b} (ties: all to {@code a}).
     */
    static Tensor fmax(Tensor a, Tensor b, boolean max) {
        String name = max ? "fmax" : "fmin";
        if (b == null) throw new IllegalArgumentException(name + ": other must not be null");
        Shapes.broadcast(name, a.shape, b.shape);
        DType dt = resultType(a, b);
        Tensor takeA, out;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            takeA = (max ? a.ge(b) : a.le(b)).logicalOr(b.isnan());
            out = Tensor.where(takeA, a.to(dt), b.to(dt));
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        if (!dt.isFloatingPoint()) return out;
        Tensor sel = takeA;
        return Graph.record(max ? "FmaxBackward0" : "FminBackward0", out, new Tensor[] {a, b}, new Tensor[] {a, b},
                g -> new Tensor[] {Tensor.where(sel, g, 0.0), Tensor.where(sel, 0.0, g)});
    }

    /**
     * clamp with tensor bounds, PyTorch's clamp_backward / clamp_backward_min_max: {@code x} gets the gradient
     * where min <= x <= max; {@code min} where x < min (and min < max when both are given); {@code max} where
     * x > max or max < min.
     */
    static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("clamp: at least one of 'min' or 'max' must not be None");
        }
        int[] shape = x.shape;
        if (min != null) shape = Shapes.broadcast("clamp", shape, min.shape);
        if (max != null) Shapes.broadcast("clamp", shape, max.shape);
        Tensor out = x;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            if (min != null) out = out.maximum(min);
            if (max != null) out = out.minimum(max);
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        if (!out.dtype.isFloatingPoint()) return out;
        java.util.List<Tensor> ins = new java.util.ArrayList<>();
        ins.add(x);
        if (min != null) ins.add(min);
        if (max != null) ins.add(max);
        Tensor[] in = ins.toArray(new Tensor[0]);
        return Graph.record("ClampBackward0", out, in, in, g -> {
            Tensor pass = min == null ? x.le(max) : max == null ? x.ge(min) : x.ge(min).logicalAnd(x.le(max));
            Tensor[] r = new Tensor[in.length];
            r[0] = Tensor.where(pass, g, 0.0);
            int k = 1;
            if (min != null) {
                Tensor m = max == null ? x.lt(min) : x.lt(min).logicalAnd(min.lt(max));
                r[k++] = Tensor.where(m, g, 0.0);
            }
            if (max != null) {
                Tensor m = min == null ? x.gt(max) : x.gt(max).logicalOr(max.lt(min));
                r[k] = Tensor.where(m, g, 0.0);
            }
            return r;
        });
    }

    /** Clamps into [min, max]; NaN leaves that side open. The gradient passes where min <= x <= max. */
    static Tensor clamp(Tensor x, double min, double max) {
        if (Double.isNaN(min) && Double.isNaN(max)) {
            throw new IllegalArgumentException("clamp: at least one of 'min' or 'max' must not be None");
        }
        Tensor out = x;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            if (!Double.isNaN(min)) out = binaryPlain(BinaryOp.MAXIMUM, out, scalarLike(x, min));
            if (!Double.isNaN(max)) out = binaryPlain(BinaryOp.MINIMUM, out, scalarLike(x, max));
            if (out == x) out = x.clone();
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        return Graph.record("ClampBackward1", out, new Tensor[] {x}, new Tensor[] {x}, g -> {
            Tensor pass = null;
            if (!Double.isNaN(min)) pass = x.ge(min);
            if (!Double.isNaN(max)) pass = pass == null ? x.le(max) : pass.logicalAnd(x.le(max));
            return new Tensor[] {g.mul(pass)};
        });
    }

    private static Tensor binaryPlain(BinaryOp op, Tensor a, Tensor b) {
        Tensor out = Tensor.allocate(DType.promote(a.dtype, b.dtype), a.shape);
        Backend.current().binary(op, a.dtype == out.dtype ? a : a.to(out.dtype),
                expandNoGrad(b.dtype == out.dtype ? b : b.to(out.dtype), a.shape), out);
        return out;
    }
}
