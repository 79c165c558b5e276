package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The vector paths of {@link LossKernels} against their scalar twins, on row lengths around the lane count. */
class LossKernelsTest {
    private final Random rnd = new Random(5);

    private float[] data(int len, float scale) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) (rnd.nextGaussian() * scale);
        return x;
    }

    @Test
    void rowLogSumExpMatchesScalarTwin() {
        for (int c : new int[] {1, 2, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1001}) {
            int n = 7, off = 3;
            float[] x = data(off + n * c, 6);
            x[off + c - 1] = Float.NEGATIVE_INFINITY;   // one -inf logit
            if (c > 1) java.util.Arrays.fill(x, off + 2 * c, off + 3 * c, Float.NEGATIVE_INFINITY);   // an all -inf row
            float[] v = new float[n], s = new float[n];
            LossKernels.rowLogSumExp(x, off, n, c, v);
            LossKernels.rowLogSumExpScalar(x, off, n, c, s);
            for (int r = 0; r < n; r++) assertEquals(s[r], v[r], 1e-5 * Math.max(1, Math.abs(s[r])), "c=" + c + " row " + r);
        }
    }

    @Test
    void softmaxMinusOneHotMatchesScalarTwin() {
        for (int c : new int[] {1, 3, 8, 13, 16, 17, 40, 257}) {
            int n = 6, off = 5;
            float[] x = data(off + n * c, 3);
            float[] lse = new float[n];
            LossKernels.rowLogSumExpScalar(x, off, n, c, lse);
            long[] t = new long[n];
            float[] scale = new float[n];
            for (int r = 0; r < n; r++) {
                t[r] = rnd.nextInt(c);
                scale[r] = r == 2 ? 0f : (float) rnd.nextGaussian();
            }
            float[] v = new float[n * c], s = new float[n * c];
            java.util.Arrays.fill(v, 42f);   // ignored rows must be overwritten with zeros
            LossKernels.softmaxMinusOneHot(x, off, n, c, lse, t, scale, v);
            LossKernels.softmaxMinusOneHotScalar(x, off, n, c, lse, t, scale, s);
            for (int i = 0; i < n * c; i++) assertEquals(s[i], v[i], 1e-6, "c=" + c + " element " + i);
            // each non-ignored row sums to zero: softmax sums to one, the one-hot removes it
            for (int r = 0; r < n; r++) {
                double sum = 0;
                for (int j = 0; j < c; j++) sum += v[r * c + j];
                assertEquals(0.0, sum, 1e-5);
            }
        }
    }
}
