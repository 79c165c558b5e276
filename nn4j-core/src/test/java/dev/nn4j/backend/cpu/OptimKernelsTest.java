package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused optimizer kernels against their scalar twins, bit for bit (same operations in the same order; fma
 * where both use it): lengths around the lane count, offsets, and every flag combination.
 */
class OptimKernelsTest {
    private static final int[] LENGTHS = {0, 1, 3, 15, 16, 17, 33, 100, 1001};

    private static float[] data(Random r, int n, boolean positive) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (positive ? Math.abs(r.nextGaussian()) : r.nextGaussian());
        return x;
    }

    @Test
    void sgdVectorMatchesScalarTwin() {
        Random r = new Random(1);
        for (int n : LENGTHS) {
            for (int flags = 0; flags < 32; flags++) {
                boolean momentum = (flags & 1) != 0, nesterov = momentum && (flags & 2) != 0, maximize = (flags & 4) != 0;
                boolean first = (flags & 8) != 0, decay = (flags & 16) != 0;
                var h = OptimKernels.Sgd.of(0.05, momentum ? 0.9 : 0, nesterov ? 0 : 0.1, decay ? 1e-2 : 0, nesterov, maximize);
                int po = 3, go = 1, bo = 2;
                float[] p = data(r, n + po, false), g = data(r, n + go, false), b = momentum ? data(r, n + bo, false) : null;
                float[] p2 = p.clone(), b2 = b == null ? null : b.clone();
                OptimKernels.sgdVector(h, 0, n, p, po, g, go, b, bo, first);
                OptimKernels.sgdScalar(h, 0, n, p2, po, g, go, b2, bo, first);
                String what = "n=" + n + " flags=" + flags;
                assertArrayEquals(p2, p, what);
                if (b != null) assertArrayEquals(b2, b, what);
            }
        }
    }

    @Test
    void adamVectorMatchesScalarTwin() {
        Random r = new Random(2);
        for (int n : LENGTHS) {
            for (int flags = 0; flags < 16; flags++) {
                boolean amsgrad = (flags & 1) != 0, decoupled = (flags & 2) != 0, maximize = (flags & 4) != 0;
                double wd = (flags & 8) != 0 ? 1e-2 : 0;
                var h = OptimKernels.AdamStep.of(1e-3, 0.9, 0.999, 1e-8, wd, decoupled, maximize, 1 + flags);
                int po = 1, go = 2, mo = 3, vo = 4, xo = 5;
                float[] p = data(r, n + po, false), g = data(r, n + go, false), m = data(r, n + mo, false);
                float[] v = data(r, n + vo, true), x = amsgrad ? data(r, n + xo, true) : null;
                float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone(), x2 = x == null ? null : x.clone();
                OptimKernels.adamVector(h, 0, n, p, po, g, go, m, mo, v, vo, x, xo);
                OptimKernels.adamScalar(h, 0, n, p2, po, g, go, m2, mo, v2, vo, x2, xo);
                String what = "n=" + n + " flags=" + flags;
                assertArrayEquals(p2, p, what);
                assertArrayEquals(m2, m, what);
                assertArrayEquals(v2, v, what);
                if (x != null) assertArrayEquals(x2, x, what);
            }
        }
    }

    @Test
    void parallelSplitGivesTheSameResultAsOnePass() {
        Random r = new Random(3);
        int n = (1 << 17) + 5;
        float[] p = data(r, n, false), g = data(r, n, false), m = data(r, n, false), v = data(r, n, true);
        float[] p2 = p.clone(), m2 = m.clone(), v2 = v.clone();
        var h = OptimKernels.AdamStep.of(1e-3, 0.9, 0.999, 1e-8, 0, false, false, 3);
        OptimKernels.adam(h, n, p, 0, g, 0, m, 0, v, 0, null, 0);
        OptimKernels.adamScalar(h, 0, n, p2, 0, g, 0, m2, 0, v2, 0, null, 0);
        assertArrayEquals(p2, p);
        assertArrayEquals(m2, m);
        assertArrayEquals(v2, v);
    }
}
