package dev.nn4j.internal;

import java.util.Arrays;

/** Shape arithmetic shared by every op: numel, strides, broadcasting, dim wrapping, formatting. */
public final class Shapes {
    private Shapes() {}

    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor of shape " + str(shape) + " has " + n
                    + " elements, more than the 2^31-1 a Java array holds");
        }
        return (int) n;
    }

    public static int[] contiguousStrides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return st;
    }

    /** Wraps a possibly negative dim into [0, ndim), as PyTorch does, or fails naming the op. */
    public static int wrapDim(String op, int dim, int ndim) {
        int n = Math.max(ndim, 1);
        if (dim < -n || dim >= n) {
            throw new IllegalArgumentException(op + ": dim " + dim + " is out of range for a tensor of "
                    + ndim + " dimensions (expected to be in range of [" + (-n) + ", " + (n - 1) + "])");
        }
        return dim < 0 ? dim + n : dim;
    }

    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b)
                        + " are not broadcastable (size " + da + " vs " + db + " at dimension " + i + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    public static String str(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Resolves a single -1 entry of a requested shape against numel, as view/reshape do. */
    public static int[] inferShape(String op, int[] requested, int numel) {
        if (requested == null) throw new IllegalArgumentException(op + ": shape must not be null");
        int[] shape = requested.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException(op + ": only one dimension can be inferred, got " + Arrays.toString(requested));
                infer = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException(op + ": invalid shape dimension " + shape[i] + " in " + Arrays.toString(requested));
            } else {
                known *= shape[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException(op + ": shape " + Arrays.toString(requested) + " is invalid for input of size " + numel);
            }
            shape[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException(op + ": shape " + Arrays.toString(requested) + " is invalid for input of size " + numel);
        }
        return shape;
    }

    /** Normalizes and sorts a list of dims; an empty list means all dims. */
    public static boolean[] dimMask(String op, int[] dims, int ndim) {
        boolean[] mask = new boolean[ndim];
        if (dims == null || dims.length == 0) {
            Arrays.fill(mask, true);
            return mask;
        }
        for (int d : dims) {
            int w = wrapDim(op, d, ndim);
            if (ndim == 0) continue;
            if (mask[w]) throw new IllegalArgumentException(op + ": dim " + d + " appears multiple times in the list of dims");
            mask[w] = true;
        }
        return mask;
    }
}
