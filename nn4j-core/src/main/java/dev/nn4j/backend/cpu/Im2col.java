package dev.nn4j.backend.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * im2col and col2im over {@link ConvGeometry}. The im2col matrix of one sample has one row per
 * (channel, kd, kh, kw) and one column per output position; padding reads as zero.
 * <p>
 * {@link #row} writes any column range of one row with any destination stride, so the conv GEMM can pack
 * its B panels straight from the image (implicit im2col) instead of materializing the whole matrix.
 */
public final class Im2col {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();

    private Im2col() {}

    /** Writes rows {@code [0, channels * kernelSize)} of sample data at {@code xOff} into {@code cols} (ld = outPlane). */
    public static void im2col(float[] x, int xOff, int channels, ConvGeometry g, float[] cols, int colsOff) {
        int rows = channels * g.kernelSize(), len = g.outPlane();
        for (int r = 0; r < rows; r++) row(x, xOff, g, r, 0, len, cols, colsOff + r * len, 1);
    }

    /** Adds every row of {@code cols} back into the image at {@code xOff} (the adjoint of im2col). */
    public static void col2im(float[] cols, int colsOff, int channels, ConvGeometry g, float[] x, int xOff) {
        int rows = channels * g.kernelSize(), len = g.outPlane();
        for (int r = 0; r < rows; r++) rowAdd(cols, colsOff + r * len, g, r, x, xOff);
    }

    /**
     * Writes columns {@code [l0, l0 + len)} of im2col row {@code row} into {@code dst[dstOff + t * dstStride]}.
     * Row {@code row} is channel {@code row / kernelSize} counted from {@code xOff}.
     */
    public static void row(float[] x, int xOff, ConvGeometry g, int row, int l0, int len,
                           float[] dst, int dstOff, int dstStride) {
        int[] k = g.kernel(), in = g.in(), out = g.out(), st = g.stride(), pad = g.padding(), dil = g.dilation();
        int kw = row % k[2], t = row / k[2], kh = t % k[1];
        t /= k[1];
        int kd = t % k[0], c = t / k[0];
        int D = in[0], H = in[1], W = in[2], OH = out[1], OW = out[2];
        int base = xOff + c * D * H * W;
        int ow = l0 % OW;
        t = l0 / OW;
        int oh = t % OH, od = t / OH;
        int dOff = kd * dil[0] - pad[0], hOff = kh * dil[1] - pad[1], wOff = kw * dil[2] - pad[2];
        int sw = st[2];
        int pos = dstOff;
        while (len > 0) {
            int run = Math.min(len, OW - ow);
            int id = od * st[0] + dOff, ih = oh * st[1] + hOff;
            int iw0 = ow * sw + wOff;
            if (id < 0 || id >= D || ih < 0 || ih >= H) {
                if (dstStride == 1) {
                    Arrays.fill(dst, pos, pos + run, 0f);
                } else {
                    for (int i = 0; i < run; i++) dst[pos + i * dstStride] = 0f;
                }
            } else if (sw == 1 && dstStride == 1) {
                int src = base + (id * H + ih) * W + iw0;
                int lo = Math.min(run, Math.max(0, -iw0)), hi = Math.max(lo, Math.min(run, W - iw0));
                if (lo > 0) Arrays.fill(dst, pos, pos + lo, 0f);
                if (hi > lo) System.arraycopy(x, src + lo, dst, pos + lo, hi - lo);
                if (hi < run) Arrays.fill(dst, pos + hi, pos + run, 0f);
            } else {
                int src = base + (id * H + ih) * W;
                for (int i = 0, iw = iw0; i < run; i++, iw += sw) {
                    dst[pos + i * dstStride] = iw >= 0 && iw < W ? x[src + iw] : 0f;
                }
            }
            pos += run * dstStride;
            len -= run;
            ow = 0;
            if (++oh == OH) {
                oh = 0;
                od++;
            }
        }
    }

    /** Adds one full im2col row (all outPlane columns) from {@code src} into the image at {@code xOff}. */
    static void rowAdd(float[] src, int srcOff, ConvGeometry g, int row, float[] x, int xOff) {
        int[] k = g.kernel(), in = g.in(), out = g.out(), st = g.stride(), pad = g.padding(), dil = g.dilation();
        int kw = row % k[2], t = row / k[2], kh = t % k[1];
        t /= k[1];
        int kd = t % k[0], c = t / k[0];
        int D = in[0], H = in[1], W = in[2], OD = out[0], OH = out[1], OW = out[2];
        int base = xOff + c * D * H * W;
        int dOff = kd * dil[0] - pad[0], hOff = kh * dil[1] - pad[1], wOff = kw * dil[2] - pad[2];
        int sw = st[2];
        // columns ow in [lo, hi) land inside the input row: 0 <= ow * sw + wOff < W
        int lo = Math.min(OW, Math.max(0, ceilDiv(-wOff, sw))), hi = Math.max(lo, Math.min(OW, ceilDiv(W - wOff, sw)));
        int n = hi - lo, full = FS.loopBound(n);
        VectorMask<Float> tail = FS.indexInRange(full, n);
        int pos = srcOff;
        for (int od = 0; od < OD; od++) {
            int id = od * st[0] + dOff;
            for (int oh = 0; oh < OH; oh++, pos += OW) {
                int ih = oh * st[1] + hOff;
                if (id < 0 || id >= D || ih < 0 || ih >= H) continue;
                int d = base + (id * H + ih) * W + wOff + lo * sw, s = pos + lo;
                if (sw == 1) {
                    int i = 0;
                    for (; i < full; i += FL) {
                        FloatVector.fromArray(FS, x, d + i).add(FloatVector.fromArray(FS, src, s + i)).intoArray(x, d + i);
                    }
                    if (i < n) {
                        FloatVector.fromArray(FS, x, d + i, tail).add(FloatVector.fromArray(FS, src, s + i, tail)).intoArray(x, d + i, tail);
                    }
                } else {
                    for (int i = 0; i < n; i++, d += sw) x[d] += src[s + i];
                }
            }
        }
    }

    // ---- float64 twins (the simple path used for float64 tensors and GradCheck) ------------------------

    public static void im2col(double[] x, int xOff, int channels, ConvGeometry g, double[] cols, int colsOff) {
        int rows = channels * g.kernelSize(), len = g.outPlane();
        for (int r = 0; r < rows; r++) row(x, xOff, g, r, cols, colsOff + r * len);
    }

    public static void col2im(double[] cols, int colsOff, int channels, ConvGeometry g, double[] x, int xOff) {
        int rows = channels * g.kernelSize(), len = g.outPlane();
        for (int r = 0; r < rows; r++) rowAdd(cols, colsOff + r * len, g, r, x, xOff);
    }

    private static void row(double[] x, int xOff, ConvGeometry g, int row, double[] dst, int dstOff) {
        int[] k = g.kernel(), in = g.in(), out = g.out(), st = g.stride(), pad = g.padding(), dil = g.dilation();
        int kw = row % k[2], t = row / k[2], kh = t % k[1];
        t /= k[1];
        int kd = t % k[0], c = t / k[0];
        int D = in[0], H = in[1], W = in[2];
        int base = xOff + c * D * H * W;
        int pos = dstOff;
        for (int od = 0; od < out[0]; od++) {
            int id = od * st[0] + kd * dil[0] - pad[0];
            for (int oh = 0; oh < out[1]; oh++) {
                int ih = oh * st[1] + kh * dil[1] - pad[1];
                boolean rowIn = id >= 0 && id < D && ih >= 0 && ih < H;
                for (int ow = 0; ow < out[2]; ow++) {
                    int iw = ow * st[2] + kw * dil[2] - pad[2];
                    dst[pos++] = rowIn && iw >= 0 && iw < W ? x[base + (id * H + ih) * W + iw] : 0.0;
                }
            }
        }
    }

    private static void rowAdd(double[] src, int srcOff, ConvGeometry g, int row, double[] x, int xOff) {
        int[] k = g.kernel(), in = g.in(), out = g.out(), st = g.stride(), pad = g.padding(), dil = g.dilation();
        int kw = row % k[2], t = row / k[2], kh = t % k[1];
        t /= k[1];
        int kd = t % k[0], c = t / k[0];
        int D = in[0], H = in[1], W = in[2];
        int base = xOff + c * D * H * W;
        int pos = srcOff;
        for (int od = 0; od < out[0]; od++) {
            int id = od * st[0] + kd * dil[0] - pad[0];
            for (int oh = 0; oh < out[1]; oh++) {
                int ih = oh * st[1] + kh * dil[1] - pad[1];
                boolean rowIn = id >= 0 && id < D && ih >= 0 && ih < H;
                for (int ow = 0; ow < out[2]; ow++, pos++) {
                    int iw = ow * st[2] + kw * dil[2] - pad[2];
                    if (rowIn && iw >= 0 && iw < W) x[base + (id * H + ih) * W + iw] += src[pos];
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
