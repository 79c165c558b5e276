package dev.nn4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;

/**
 * The slow, obviously-correct reference the tensor tests compare against: flat double arrays indexed
 * by hand, random shapes and layouts, and assertion helpers.
 */
final class Ref {
    private Ref() {}

    static int numel(int[] shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    static int[] unravel(int i, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = shape[d] == 0 ? 0 : i % shape[d];
            i = shape[d] == 0 ? 0 : i / shape[d];
        }
        return idx;
    }

    /** Row-major flat index of {@code idx} (aligned right, as broadcasting does) into a tensor of {@code shape}. */
    static int ravelBroadcast(int[] idx, int[] shape) {
        int lead = idx.length - shape.length;
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            int i = shape[d] == 1 ? 0 : idx[lead + d];
            flat = flat * shape[d] + i;
        }
        return flat;
    }

    /** The values of {@code data} (of {@code shape}) broadcast to {@code out}. */
    static double[] broadcast(double[] data, int[] shape, int[] out) {
        double[] r = new double[numel(out)];
        for (int i = 0; i < r.length; i++) r[i] = data[ravelBroadcast(unravel(i, out), shape)];
        return r;
    }

    static int[] broadcastShape(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** A random shape of up to {@code maxDims} dims with sizes in [lo, hi]. */
    static int[] randomShape(Random r, int maxDims, int lo, int hi) {
        int[] s = new int[r.nextInt(maxDims + 1)];
        for (int i = 0; i < s.length; i++) s[i] = lo + r.nextInt(hi - lo + 1);
        return s;
    }

    /** {@code shape} with some dims replaced by 1 and some leading dims dropped: broadcastable to {@code shape}. */
    static int[] broadcastableTo(Random r, int[] shape) {
        int drop = shape.length == 0 ? 0 : r.nextInt(shape.length + 1);
        int[] s = Arrays.copyOfRange(shape, drop, shape.length);
        for (int i = 0; i < s.length; i++) if (r.nextInt(3) == 0) s[i] = 1;
        return s;
    }

    static double[] randomValues(Random r, DType dt, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (dt) {
                case FLOAT32 -> (float) (r.nextGaussian() * 3);
                case FLOAT64 -> r.nextGaussian() * 3;
                case INT64 -> r.nextInt(21) - 10;
                case BOOL -> r.nextBoolean() ? 1 : 0;
            };
        }
        return v;
    }

    /** A contiguous tensor holding {@code v}. */
    static Tensor tensor(double[] v, DType dt, int... shape) {
        return Tensor.fromArray(v.clone(), shape).to(dt);
    }

    /**
     * A tensor holding {@code v} (row-major for {@code shape}) laid out in one of several ways: contiguous,
     * transposed storage, every other element of a bigger storage, or at an offset.
     */
    static Tensor layout(double[] v, DType dt, int[] shape, int kind) {
        Tensor c = tensor(v, dt, shape);
        int n = shape.length;
        switch (kind % 4) {
            case 1 -> {
                if (n < 2) return c;
                // stored transposed: make a contiguous (.., b, a) tensor and transpose it back
                return c.transpose(n - 2, n - 1).contiguous().transpose(n - 2, n - 1);
            }
            case 2 -> {
                if (n == 0) return c;
                int[] big = shape.clone();
                big[n - 1] *= 2;
                Tensor b = Tensor.full(big, 99, dt);
                Tensor view = b.slice(n - 1, 0, big[n - 1], 2);
                view.copy_(c);
                return view;
            }
            case 3 -> {
                if (n == 0) return c;
                int[] big = shape.clone();
                big[0] += 2;
                Tensor b = Tensor.full(big, -7, dt);
                Tensor view = b.narrow(0, 1, shape[0]);
                view.copy_(c);
                return view;
            }
            default -> {
                return c;
            }
        }
    }

    static void assertShape(int[] expected, Tensor t) {
        assertArrayEquals(expected, t.shape(), () -> "shape " + Arrays.toString(t.shape()));
    }

    static void assertValues(double[] expected, Tensor t, double tol) {
        assertValues("", expected, t, tol);
    }

    static void assertValues(String what, double[] expected, Tensor t, double tol) {
        String p = what.isEmpty() ? "" : what + ": ";
        double[] a = t.toDoubleArray();
        assertEquals(expected.length, a.length, "numel");
        for (int i = 0; i < a.length; i++) {
            double e = expected[i];
            if (Double.isNaN(e)) {
                if (!Double.isNaN(a[i])) fail(p + "element " + i + ": expected NaN, got " + a[i]);
                continue;
            }
            if (Double.isInfinite(e)) {
                if (a[i] != e) fail(p + "element " + i + ": expected " + e + ", got " + a[i]);
                continue;
            }
            double err = Math.abs(a[i] - e);
            if (!(err <= tol * (1 + Math.abs(e)))) fail(p + "element " + i + ": expected " + e + ", got " + a[i] + " (tol " + tol + ")");
        }
    }

    static void assertValues(double[] expected, int[] shape, Tensor t, double tol) {
        assertShape(shape, t);
        assertValues(expected, t, tol);
    }

    /** Asserts that {@code call} throws {@code type} whose message contains every fragment. */
    static <T extends Throwable> T assertFails(Class<T> type, Executable call, String... fragments) {
        T e = assertThrows(type, call);
        String msg = String.valueOf(e.getMessage());
        for (String f : fragments) {
            assertTrue(msg.contains(f), () -> "message '" + msg + "' lacks '" + f + "'");
        }
        return e;
    }

    static boolean sharesStorage(Tensor a, Tensor b) {
        return a.storage() == b.storage();
    }

    static Tensor f64(Random r, int... shape) {
        return Tensor.randn(DType.FLOAT64, new Generator(r.nextLong()), shape);
    }
}
