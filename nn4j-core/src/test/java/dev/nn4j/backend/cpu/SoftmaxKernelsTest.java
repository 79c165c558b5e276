package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 vector softmax/log-softmax kernels (forward and backward) against their scalar twins, on row lengths
 * and inner sizes around the lane count, with an offset, -inf entries, all -inf rows and NaN.
 */
class SoftmaxKernelsTest {
    private static final int[] SIZES = {1, 2, 3, 7, 8, 15, 16, 17, 33, 65};

    private static void close(String what, float[] want, float[] got, int off) {
        for (int i = off; i < want.length; i++) {
            float w = want[i], g = got[i];
            if (Float.isNaN(w) || Float.isNaN(g)) {
                if (Float.isNaN(w) != Float.isNaN(g)) fail(what + " [" + i + "]: want " + w + ", got " + g);
                continue;
            }
            if (w == g) continue;
            if (Math.abs(w - g) > 2e-6f + 2e-5f * Math.abs(w)) fail(what + " [" + i + "]: want " + w + ", got " + g);
        }
    }

    @Test
    void forwardAndBackwardMatchScalarTwins() {
        Random r = new Random(7);
        for (int outer : new int[] {1, 3}) {
            for (int n : SIZES) {
                for (int inner : new int[] {1, 2, 9, 17}) {
                    int len = outer * n * inner, off = 5;
                    float[] x = new float[off + len], g = new float[off + len];
                    for (int i = off; i < x.length; i++) {
                        x[i] = (float) (r.nextGaussian() * 6);
                        g[i] = (float) r.nextGaussian();
                    }
                    x[off] = Float.NEGATIVE_INFINITY;
                    if (len > 4) x[off + len - 1] = Float.NaN;
                    if (n == 3 && inner == 1) {
                        for (int k = 0; k < n; k++) x[off + k] = Float.NEGATIVE_INFINITY;   // an all -inf row gives NaN
                    }
                    for (boolean log : new boolean[] {false, true}) {
                        String what = (log ? "log_softmax" : "softmax") + " outer=" + outer + " n=" + n + " inner=" + inner;
                        float[] yv = new float[off + len], ys = new float[off + len];
                        SoftmaxKernels.forward(x, off, yv, off, outer, n, inner, log);
                        SoftmaxKernels.forwardScalar(x, off, ys, off, outer, n, inner, log);
                        close(what + " forward", ys, yv, off);
                        float[] gv = new float[off + len], gs = new float[off + len];
                        SoftmaxKernels.backward(g, off, ys, off, gv, off, outer, n, inner, log);
                        SoftmaxKernels.backwardScalar(g, off, ys, off, gs, off, outer, n, inner, log);
                        close(what + " backward", gs, gv, off);
                    }
                }
            }
        }
    }
}
