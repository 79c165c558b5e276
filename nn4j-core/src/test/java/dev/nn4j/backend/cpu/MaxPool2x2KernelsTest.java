package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The 2x2/stride-2 max pooling kernel against its scalar twin and against {@link PoolKernels}' generic window walk
 * (values and indices), on odd and even plane sizes, ties, NaN and infinities.
 */
class MaxPool2x2KernelsTest {
    private static float[] data(Random r, int n) {
        float[] x = new float[n];
        float[] special = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -0.0f, 0.0f, 1f, 1f};
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(6) == 0 ? special[r.nextInt(special.length)] : (float) Math.round(r.nextGaussian() * 3);
        }
        return x;
    }

    @Test
    void vectorMatchesTwinAndGenericKernel() {
        Random r = new Random(11);
        int[][] sizes = {{2, 2}, {3, 5}, {4, 4}, {24, 24}, {7, 33}, {32, 32}, {6, 66}, {9, 70}, {1, 8}};
        for (int[] hw : sizes) {
            int h = hw[0], w = hw[1], planes = 3, oh = h / 2, ow = w / 2;
            float[] x = data(r, planes * h * w);
            float[] yv = new float[planes * oh * ow], ys = new float[yv.length], yg = new float[yv.length];
            int[] iv = new int[yv.length], is = new int[yv.length];
            long[] ig = new long[yv.length];
            MaxPool2x2Kernels.forward(x, planes, h, w, yv, iv);
            for (int p = 0; p < planes; p++) MaxPool2x2Kernels.planeScalar(x, p * h * w, w, oh, ow, ys, p * oh * ow, is);
            PoolWindow[] win = {PoolWindow.unit(), PoolWindow.sliding(h, oh, 2, 2, 0, 1, true), PoolWindow.sliding(w, ow, 2, 2, 0, 1, true)};
            PoolKernels.maxForward(x, planes, new int[] {1, h, w}, win, yg, ig);
            String what = h + "x" + w;
            assertArrayEquals(ys, yv, what);
            assertArrayEquals(is, iv, what);
            assertArrayEquals(yg, yv, what + " vs generic");
            int[] igInt = new int[ig.length];
            for (int i = 0; i < ig.length; i++) igInt[i] = (int) ig[i];
            assertArrayEquals(igInt, iv, what + " indices vs generic");
            float[] noIdx = new float[yv.length];
            MaxPool2x2Kernels.forward(x, planes, h, w, noIdx, null);
            assertArrayEquals(yv, noIdx, what + " without indices");
        }
    }

    @Test
    void backwardScattersToTheArgmax() {
        Random r = new Random(12);
        int planes = 4, h = 6, w = 10, oh = 3, ow = 5;
        float[] x = data(r, planes * h * w), y = new float[planes * oh * ow], g = new float[y.length];
        int[] idx = new int[y.length];
        for (int i = 0; i < g.length; i++) g[i] = i + 1;
        MaxPool2x2Kernels.forward(x, planes, h, w, y, idx);
        float[] gin = new float[x.length], want = new float[x.length];
        java.util.Arrays.fill(gin, 7f);
        MaxPool2x2Kernels.backward(g, idx, planes, h * w, oh * ow, gin);
        long[] lidx = new long[idx.length];
        for (int i = 0; i < idx.length; i++) lidx[i] = idx[i];
        PoolKernels.maxBackward(g, lidx, planes, h * w, oh * ow, want);
        assertArrayEquals(want, gin);
    }
}
