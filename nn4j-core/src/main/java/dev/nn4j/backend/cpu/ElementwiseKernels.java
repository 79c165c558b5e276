package dev.nn4j.backend.cpu;

import dev.nn4j.backend.BinaryOp;
import dev.nn4j.backend.UnaryOp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 elementwise row kernels. The vector paths cover contiguous rows (and a broadcast scalar
 * operand); every other case, and every op without a vector form, runs the scalar twin, which is
 * the op's own scalar definition.
 */
public final class ElementwiseKernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Set {@code -Dnn4j.vector=false} to run every kernel on its scalar twin. */
    public static final boolean USE_VECTOR_API = !"false".equals(System.getProperty("nn4j.vector"));

    private ElementwiseKernels() {}

    public static void unaryScalar(UnaryOp op, int n, float[] x, int xo, int xs, float[] o, int oo, int os) {
        for (int i = 0; i < n; i++) {
            o[oo + i * os] = apply(op, x[xo + i * xs]);
        }
    }

    /**
     * One float32 element. The ops with a {@link VectorMath} form use its scalar twin, so an element gets the
     * same bits whether it lands in a vector body, a scalar tail or a strided loop.
     */
    public static float apply(UnaryOp op, float x) {
        return switch (op) {
            case EXP -> VectorMath.exp(x);
            case LOG -> VectorMath.log(x);
            case TANH -> VectorMath.tanh(x);
            case SIGMOID -> VectorMath.sigmoid(x);
            default -> (float) op.apply(x);
        };
    }

    public static void unary(UnaryOp op, int n, float[] x, int xo, int xs, float[] o, int oo, int os) {
        if (!USE_VECTOR_API || xs != 1 || os != 1 || !hasVectorForm(op)) {
            unaryScalar(op, n, x, xo, xs, o, oo, os);
            return;
        }
        int i = 0;
        int bound = F.loopBound(n);
        for (; i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, xo + i);
            vectorUnary(op, v).intoArray(o, oo + i);
        }
        unaryScalar(op, n - i, x, xo + i, 1, o, oo + i, 1);
    }

    static boolean hasVectorForm(UnaryOp op) {
        return switch (op) {
            // not EXPM1, LOG1P, SIN, COS: the Vector API's forms of those are not reproducible (see VectorMath)
            case NEG, ABS, EXP, LOG, SQRT, RSQRT, SQUARE, RECIPROCAL, TANH, SIGMOID, RELU -> true;
            default -> false;
        };
    }

    private static FloatVector vectorUnary(UnaryOp op, FloatVector v) {
        return switch (op) {
            case NEG -> v.neg();
            case ABS -> v.abs();
            case EXP -> VectorMath.exp(v);
            case LOG -> VectorMath.log(v);
            case SQRT -> v.sqrt();
            case RSQRT -> FloatVector.broadcast(F, 1f).div(v.sqrt());
            case SQUARE -> v.mul(v);
            case RECIPROCAL -> FloatVector.broadcast(F, 1f).div(v);
            case TANH -> VectorMath.tanh(v);
            case SIGMOID -> VectorMath.sigmoid(v);
            case RELU -> v.blend(0f, v.lt(0f));   // not max(v, 0): that turns -0.0 into 0.0
            default -> throw new IllegalStateException("no vector form for " + op);
        };
    }

    public static void binaryScalar(BinaryOp op, int n, float[] a, int ao, int as, float[] b, int bo, int bs,
                                    float[] o, int oo, int os) {
        for (int i = 0; i < n; i++) {
            o[oo + i * os] = (float) op.apply(a[ao + i * as], b[bo + i * bs]);
        }
    }

    public static void binary(BinaryOp op, int n, float[] a, int ao, int as, float[] b, int bo, int bs,
                              float[] o, int oo, int os) {
        if (!USE_VECTOR_API || os != 1 || as > 1 || bs > 1 || (as == 0 && bs == 0) || !hasVectorForm(op)) {
            binaryScalar(op, n, a, ao, as, b, bo, bs, o, oo, os);
            return;
        }
        int i = 0;
        int bound = F.loopBound(n);
        if (as == 1 && bs == 1) {
            for (; i < bound; i += F.length()) {
                FloatVector va = FloatVector.fromArray(F, a, ao + i);
                FloatVector vb = FloatVector.fromArray(F, b, bo + i);
                vectorBinary(op, va, vb).intoArray(o, oo + i);
            }
            binaryScalar(op, n - i, a, ao + i, 1, b, bo + i, 1, o, oo + i, 1);
        } else if (as == 1) {
            FloatVector vb = FloatVector.broadcast(F, b[bo]);
            for (; i < bound; i += F.length()) {
                vectorBinary(op, FloatVector.fromArray(F, a, ao + i), vb).intoArray(o, oo + i);
            }
            binaryScalar(op, n - i, a, ao + i, 1, b, bo, 0, o, oo + i, 1);
        } else {
            FloatVector va = FloatVector.broadcast(F, a[ao]);
            for (; i < bound; i += F.length()) {
                vectorBinary(op, va, FloatVector.fromArray(F, b, bo + i)).intoArray(o, oo + i);
            }
            binaryScalar(op, n - i, a, ao, 0, b, bo + i, 1, o, oo + i, 1);
        }
    }

    static boolean hasVectorForm(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM -> true;
            default -> false;
        };
    }

    private static FloatVector vectorBinary(BinaryOp op, FloatVector a, FloatVector b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUB -> a.sub(b);
            case MUL -> a.mul(b);
            case DIV -> a.div(b);
            // the scalar definitions, lane-wise: a where a > b (a < b) or a is NaN, else b
            case MAXIMUM -> b.blend(a, a.compare(VectorOperators.GT, b).or(a.test(VectorOperators.IS_NAN)));
            case MINIMUM -> b.blend(a, a.compare(VectorOperators.LT, b).or(a.test(VectorOperators.IS_NAN)));
            default -> throw new IllegalStateException("no vector form for " + op);
        };
    }

    /**
     * The sum of a vector's lanes in lane order. {@code reduceLanes(ADD)} leaves the order to the implementation,
     * and the interpreter and the JIT-compiled intrinsic differ, so the same call could round differently before
     * and after warm-up; this keeps every result reproducible.
     */
    public static float addLanes(FloatVector v) {
        float[] lanes = new float[F.length()];
        v.intoArray(lanes, 0);
        float s = 0;
        for (float x : lanes) s += x;
        return s;
    }

    /** Sum of a contiguous float row, accumulated in four vector registers. */
    public static float sum(float[] x, int off, int n) {
        if (!USE_VECTOR_API || n < F.length() * 4) return sumScalar(x, off, n);
        FloatVector s0 = FloatVector.zero(F), s1 = s0, s2 = s0, s3 = s0;
        int L = F.length();
        int i = 0;
        int bound = n - n % (4 * L);
        for (; i < bound; i += 4 * L) {
            s0 = s0.add(FloatVector.fromArray(F, x, off + i));
            s1 = s1.add(FloatVector.fromArray(F, x, off + i + L));
            s2 = s2.add(FloatVector.fromArray(F, x, off + i + 2 * L));
            s3 = s3.add(FloatVector.fromArray(F, x, off + i + 3 * L));
        }
        float s = addLanes(s0.add(s1).add(s2.add(s3)));
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    public static float sumScalar(float[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) s += x[off + i];
        return (float) s;
    }

    /** Max of a contiguous float row; NaN wins, as in PyTorch. */
    public static float max(float[] x, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        int i = 0;
        if (USE_VECTOR_API && n >= F.length()) {
            FloatVector vm = FloatVector.broadcast(F, Float.NEGATIVE_INFINITY);
            int bound = F.loopBound(n);
            for (; i < bound; i += F.length()) vm = vm.max(FloatVector.fromArray(F, x, off + i));
            m = vm.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    public static float min(float[] x, int off, int n) {
        float m = Float.POSITIVE_INFINITY;
        int i = 0;
        if (USE_VECTOR_API && n >= F.length()) {
            FloatVector vm = FloatVector.broadcast(F, Float.POSITIVE_INFINITY);
            int bound = F.loopBound(n);
            for (; i < bound; i += F.length()) vm = vm.min(FloatVector.fromArray(F, x, off + i));
            m = vm.reduceLanes(VectorOperators.MIN);
        }
        for (; i < n; i++) m = Math.min(m, x[off + i]);
        return m;
    }
}
