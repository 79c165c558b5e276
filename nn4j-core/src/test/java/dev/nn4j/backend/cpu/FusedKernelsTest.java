package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fused elementwise kernels against their scalar twins, with special values (NaN, infinities, signed zeros). */
class FusedKernelsTest {
    @Test
    void reluBackwardVectorMatchesScalarTwin() {
        Random r = new Random(4);
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, 1e-30f, -1e-30f};
        for (int n : new int[] {0, 1, 5, 15, 16, 17, 40, 1000, 70001}) {
            int go = 1, yo = 2, oo = 3;
            float[] g = new float[n + go], y = new float[n + yo];
            for (int i = 0; i < g.length; i++) g[i] = (float) r.nextGaussian();
            for (int i = 0; i < y.length; i++) y[i] = i % 5 == 0 ? special[(i / 5) % special.length] : (float) r.nextGaussian();
            for (int i = 0; i < g.length; i += 7) g[i] = special[(i / 7) % special.length];
            float[] got = new float[n + oo + 1], want = new float[n + oo + 1];
            FusedKernels.reluBackwardVector(0, n, g, go, y, yo, got, oo);
            FusedKernels.reluBackwardScalar(0, n, g, go, y, yo, want, oo);
            assertArrayEquals(want, got, "n=" + n);
            float[] par = new float[n + oo + 1];
            FusedKernels.reluBackward(n, g, go, y, yo, par, oo);
            assertArrayEquals(want, par, "parallel n=" + n);
        }
    }

    @Test
    void keepScaleVectorMatchesScalarTwin() {
        Random r = new Random(5);
        for (int n : new int[] {0, 1, 15, 16, 17, 100, 1001}) {
            float[] u = new float[n + 3];
            for (int i = 0; i < u.length; i++) u[i] = r.nextFloat();
            if (n > 4) u[4] = 0.25f;    // exactly p is kept
            float[] want = u.clone(), got = u.clone();
            FusedKernels.keepScaleScalar(want, 2, n, 0.25f, 4f / 3f);
            FusedKernels.keepScaleVector(got, 2, n, 0.25f, 4f / 3f);
            assertArrayEquals(want, got, "n=" + n);
        }
    }
}
