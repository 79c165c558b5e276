package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.fail;

import dev.nn4j.backend.cpu.NormKernels.Buf;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The float32 vector batch-norm and layer-norm kernels against their scalar twins, on sizes around the lane count. */
class NormKernelsTest {
    private static final int[] SIZES = {1, 3, 7, 8, 16, 17, 33, 100};

    private static void close(String what, double want, double got) {
        if (Math.abs(want - got) > 1e-5 + 1e-4 * Math.abs(want)) fail(what + ": want " + want + ", got " + got);
    }

    private static float[] random(Random r, int n, double shift) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian() * 3 + shift);
        return a;
    }

    @Test
    void batchNormKernelsMatchScalarTwins() {
        Random r = new Random(3);
        for (int s : SIZES) {
            int n = 3, c = 2, len = n * c * s, off = 4;
            float[] x = random(r, off + len, 5), g = random(r, off + len, 0);
            double[] mv = new double[c], vv = new double[c], ms = new double[c], vs = new double[c];
            NormKernels.batchStats(x, off, n, c, s, mv, vv);
            NormKernels.batchStatsScalar(Buf.of(x), off, n, c, s, ms, vs);
            for (int ch = 0; ch < c; ch++) {
                close("mean s=" + s, ms[ch], mv[ch]);
                close("var s=" + s, vs[ch], vv[ch]);
            }
            double[] scale = {1.5, -0.5}, shift = {0.25, 2};
            float[] yv = new float[off + len], ys = new float[off + len];
            NormKernels.channelAffine(x, off, yv, off, n, c, s, scale, shift);
            NormKernels.channelAffineScalar(Buf.of(x), off, Buf.of(ys), off, n, c, s, scale, shift);
            for (int i = off; i < yv.length; i++) close("affine s=" + s, ys[i], yv[i]);
            double[] sgV = new double[c], sgxV = new double[c], sgS = new double[c], sgxS = new double[c];
            NormKernels.batchGradSums(g, off, x, off, n, c, s, ms, sgV, sgxV);
            NormKernels.batchGradSums(Buf.of(g), off, Buf.of(x), off, n, c, s, ms, sgS, sgxS);
            for (int ch = 0; ch < c; ch++) {
                close("sum g s=" + s, sgS[ch], sgV[ch]);
                close("sum gx s=" + s, sgxS[ch], sgxV[ch]);
            }
            double[] a = {0.7, -1.1}, b = {0.01, -0.3}, k = {0.2, 0.05};
            float[] dv = new float[off + len], ds = new float[off + len];
            NormKernels.batchGradInput(g, off, x, off, dv, off, n, c, s, ms, a, b, k);
            NormKernels.batchGradInput(Buf.of(g), off, Buf.of(x), off, Buf.of(ds), off, n, c, s, ms, a, b, k);
            for (int i = off; i < dv.length; i++) close("grad input s=" + s, ds[i], dv[i]);
        }
    }

    @Test
    void layerNormKernelsMatchScalarTwins() {
        Random r = new Random(5);
        for (int d : SIZES) {
            for (boolean affine : new boolean[] {false, true}) {
                int rows = 4, off = 3;
                float[] x = random(r, off + rows * d, 10), w = affine ? random(r, d + 1, 0) : null, b = affine ? random(r, d + 2, 0) : null;
                float[] yv = new float[off + rows * d], ys = new float[off + rows * d];
                double[] mv = new double[rows], rv = new double[rows], ms = new double[rows], rs = new double[rows];
                NormKernels.layerNorm(x, off, w, 1, b, 2, yv, off, rows, d, 1e-5, mv, rv);
                NormKernels.layerNormScalar(Buf.of(x), off, affine ? Buf.of(w) : null, 1, affine ? Buf.of(b) : null, 2, Buf.of(ys), off,
                        rows, d, 1e-5, ms, rs);
                for (int i = 0; i < rows; i++) {
                    close("mean d=" + d, ms[i], mv[i]);
                    close("rstd d=" + d, rs[i], rv[i]);
                }
                for (int i = off; i < yv.length; i++) close("y d=" + d + " affine=" + affine, ys[i], yv[i]);
                float[] g = random(r, off + rows * d, 0), dxv = new float[off + rows * d], dxs = new float[off + rows * d];
                double[] dwv = new double[d], dbv = new double[d], dws = new double[d], dbs = new double[d];
                NormKernels.layerNormBackward(g, off, x, off, w, 1, ms, rs, dxv, off, affine ? dwv : null, affine ? dbv : null, rows, d);
                NormKernels.layerNormBackward(Buf.of(g), off, Buf.of(x), off, affine ? Buf.of(w) : null, 1, ms, rs, Buf.of(dxs), off,
                        affine ? dws : null, affine ? dbs : null, rows, d);
                for (int i = off; i < dxv.length; i++) close("dx d=" + d + " affine=" + affine, dxs[i], dxv[i]);
                for (int i = 0; i < d; i++) {
                    close("dw d=" + d, dws[i], dwv[i]);
                    close("db d=" + d, dbs[i], dbv[i]);
                }
            }
        }
    }
}
