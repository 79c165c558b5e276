package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Storage;
import java.util.Arrays;

/**
 * Helpers of the conv and pooling ops: size arguments (PyTorch's {@code _ntuple}), dtype checks, and the
 * plain arrays the kernels read.
 */
final class ConvArgs {
    private ConvArgs() {}

    /** A tensor whose storage holds exactly its elements, row-major from index 0 (a copy when needed). */
    static Tensor dense(Tensor t) {
        if (t.isContiguous() && t.storageOffset() == 0 && t.storage().size() == t.numel()) return t;
        return t.clone();
    }

    /** The float32 array of a {@link #dense} tensor. */
    static float[] f32(Tensor t) {
        return ((Storage.F32) t.storage()).data;
    }

    /** The float64 array of a {@link #dense} tensor. */
    static double[] f64(Tensor t) {
        return ((Storage.F64) t.storage()).data;
    }

    /** Fails unless {@code t} is float32 or float64. */
    static void requireFloating(String op, String arg, Tensor t) {
        if (t == null) throw new IllegalArgumentException(op + ": " + arg + " must not be null");
        if (t.dtype() != DType.FLOAT32 && t.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException(op + ": expected " + arg + " of dtype float32 or float64, got " + t.dtype()
                    + " (shape " + str(t.shape()) + ")");
        }
    }

    /** Fails unless {@code other} (may be null) has the dtype of {@code input}. */
    static void requireSameDtype(String op, Tensor input, String arg, Tensor other) {
        if (other != null && other.dtype() != input.dtype()) {
            throw new IllegalArgumentException(op + ": input (" + input.dtype() + ") and " + arg + " (" + other.dtype()
                    + ") must have the same dtype");
        }
    }

    static int[] positive(String op, String arg, int[] v) {
        check(op, arg, v);
        for (int x : v) {
            if (x < 1) throw new IllegalArgumentException(op + ": " + arg + " must be positive, got " + Arrays.toString(v));
        }
        return v.clone();
    }

    static int[] nonNegative(String op, String arg, int[] v) {
        check(op, arg, v);
        for (int x : v) {
            if (x < 0) throw new IllegalArgumentException(op + ": " + arg + " must be non-negative, got " + Arrays.toString(v));
        }
        return v.clone();
    }

    private static void check(String op, String arg, int[] v) {
        if (v == null || v.length == 0) throw new IllegalArgumentException(op + ": " + arg + " needs at least one value");
    }

    /** One value for each of {@code dims} spatial dims: a single value is repeated. */
    static int[] expand(String op, String arg, int[] v, int dims) {
        if (v.length == dims) return v.clone();
        if (v.length == 1) {
            int[] r = new int[dims];
            Arrays.fill(r, v[0]);
            return r;
        }
        throw new IllegalArgumentException(op + ": " + arg + " must be one int or " + dims + " ints, got " + Arrays.toString(v));
    }

    /** Left-aligned into three dims (depth, height, width), filling the missing leading dims with {@code fill}. */
    static int[] to3(int[] v, int fill) {
        int[] r = {fill, fill, fill};
        System.arraycopy(v, 0, r, 3 - v.length, v.length);
        return r;
    }

    static String str(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** {@code [a, b]} without the tuple comma: for sizes in messages. */
    static String list(int[] v) {
        return Arrays.toString(v);
    }
}
