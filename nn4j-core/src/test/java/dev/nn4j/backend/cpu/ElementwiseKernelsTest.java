package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nn4j.backend.BinaryOp;
import dev.nn4j.backend.UnaryOp;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every float32 vector kernel against its scalar twin, on lengths around the lane count, unit, strided and
 * broadcast (stride 0) operands, offsets, and special values (NaN, infinities, signed zeros).
 */
class ElementwiseKernelsTest {
    private static final int[] LENGTHS = {0, 1, 2, 3, 7, 15, 16, 17, 31, 33, 63, 65, 1000};
    private static final int[] STRIDES = {1, 2, 0};
    /** Ops whose vector form is a single correctly rounded IEEE operation: they must match bit for bit. */
    private static final Set<UnaryOp> EXACT_UNARY = EnumSet.of(UnaryOp.NEG, UnaryOp.ABS, UnaryOp.SQRT, UnaryOp.SQUARE,
            UnaryOp.RECIPROCAL, UnaryOp.RELU);

    private static float[] data(Random r, int n, UnaryOp op) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * 4);
            if (op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.RSQRT || op == UnaryOp.LOG1P) x[i] = Math.abs(x[i]);
        }
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, 1e-30f, -87.5f, 88.5f};
        for (int i = 0; i < n && i < special.length * 3; i += 3) x[i] = special[i / 3];
        return x;
    }

    private static void assertClose(String what, float expected, float actual, boolean exact) {
        if (Float.isNaN(expected) || Float.isNaN(actual)) {
            if (Float.isNaN(expected) != Float.isNaN(actual)) fail(what + ": expected " + expected + ", got " + actual);
            return;
        }
        if (exact || Float.isInfinite(expected)) {
            if (Float.floatToIntBits(expected) != Float.floatToIntBits(actual) && !(expected == 0 && actual == 0 && !exact)) {
                fail(what + ": expected " + expected + ", got " + actual);
            }
            return;
        }
        double tol = 4 * Math.ulp(Math.abs(expected)) + 2e-7;
        if (!(Math.abs(expected - actual) <= tol)) fail(what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void unaryKernelsMatchScalarTwins() {
        Random r = new Random(1);
        for (UnaryOp op : UnaryOp.values()) {
            for (int n : LENGTHS) {
                for (int xs : STRIDES) {
                    for (int os : new int[] {1, 2}) {
                        int xo = 3, oo = 5;
                        float[] x = data(r, xo + Math.max(1, n * Math.max(xs, 1)), op);
                        float[] got = new float[oo + n * os + 1], want = new float[got.length];
                        java.util.Arrays.fill(got, 42f);
                        java.util.Arrays.fill(want, 42f);
                        ElementwiseKernels.unary(op, n, x, xo, xs, got, oo, os);
                        ElementwiseKernels.unaryScalar(op, n, x, xo, xs, want, oo, os);
                        for (int i = 0; i < got.length; i++) {
                            assertClose(op + " n=" + n + " xs=" + xs + " os=" + os + " i=" + i, want[i], got[i], EXACT_UNARY.contains(op));
                        }
                    }
                }
            }
        }
    }

    @Test
    void binaryKernelsMatchScalarTwins() {
        Random r = new Random(2);
        for (BinaryOp op : BinaryOp.values()) {
            for (int n : LENGTHS) {
                for (int as : STRIDES) {
                    for (int bs : STRIDES) {
                        int ao = 1, bo = 2, oo = 3;
                        float[] a = data(r, ao + Math.max(1, n * Math.max(as, 1)), UnaryOp.NEG);
                        float[] b = data(r, bo + Math.max(1, n * Math.max(bs, 1)), UnaryOp.NEG);
                        // shift the special values so that NaN meets numbers and infinities meet each other
                        if (b.length > 4) {
                            b[bo] = 2.5f;
                            b[bo + Math.max(bs, 1)] = Float.NaN;
                        }
                        float[] got = new float[oo + n + 1], want = new float[got.length];
                        ElementwiseKernels.binary(op, n, a, ao, as, b, bo, bs, got, oo, 1);
                        ElementwiseKernels.binaryScalar(op, n, a, ao, as, b, bo, bs, want, oo, 1);
                        for (int i = 0; i < got.length; i++) {
                            assertClose(op + " n=" + n + " as=" + as + " bs=" + bs + " i=" + i, want[i], got[i], true);
                        }
                    }
                }
            }
        }
    }

    @Test
    void sumMatchesScalarTwin() {
        Random r = new Random(3);
        for (int n : LENGTHS) {
            for (int off : new int[] {0, 5}) {
                float[] x = new float[off + n];
                double abs = 0;
                for (int i = off; i < x.length; i++) {
                    x[i] = (float) r.nextGaussian();
                    abs += Math.abs(x[i]);
                }
                float v = ElementwiseKernels.sum(x, off, n), s = ElementwiseKernels.sumScalar(x, off, n);
                assertTrue(Math.abs(v - s) <= 1e-6 * abs + 1e-7, "sum n=" + n + ": " + v + " vs " + s);
            }
        }
        float[] withNan = new float[100];
        withNan[77] = Float.NaN;
        assertTrue(Float.isNaN(ElementwiseKernels.sum(withNan, 0, 100)));
        withNan[77] = Float.POSITIVE_INFINITY;
        assertEquals(Float.POSITIVE_INFINITY, ElementwiseKernels.sum(withNan, 0, 100));
    }

    @Test
    void maxMinMatchScalarLoopAndPropagateNaN() {
        Random r = new Random(4);
        for (int n : LENGTHS) {
            if (n == 0) continue;
            for (int nanAt = -1; nanAt < Math.min(n, 70); nanAt += Math.max(1, n / 5)) {
                float[] x = new float[n + 2];
                for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
                if (nanAt >= 0) x[1 + nanAt] = Float.NaN;
                float mx = Float.NEGATIVE_INFINITY, mn = Float.POSITIVE_INFINITY;
                for (int i = 1; i <= n; i++) {
                    mx = Math.max(mx, x[i]);
                    mn = Math.min(mn, x[i]);
                }
                assertClose("max n=" + n + " nan@" + nanAt, mx, ElementwiseKernels.max(x, 1, n), true);
                assertClose("min n=" + n + " nan@" + nanAt, mn, ElementwiseKernels.min(x, 1, n), true);
            }
        }
    }
}
