package dev.nn4j.backend.cpu;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * float32 convolution as GEMM, parallel over (sample, group, column block):
 * <ul>
 * <li>forward: {@code Y_g = W_g * cols(X_g)}, B panels packed straight from the image (implicit im2col);</li>
 * <li>backward-input: {@code dX_g = col2im(W_g^T * dY_g)};</li>
 * <li>backward-weight: {@code dW_g = sum_n dY_g * cols(X_g)^T}, one partial sum per thread chunk, added in
 * a fixed order so the result does not depend on timing.</li>
 * </ul>
 * Transposed convolution reuses the same three kernels with the roles of forward and backward-input
 * swapped. {@link ConvReference} is the scalar twin (direct loops) and the fallback when
 * {@link Gemm#USE_VECTOR_API} is false. All arrays are contiguous row-major; outputs are fresh arrays.
 */
public final class ConvKernels {
    private static final int MR = ConvGemm.MR, NR = ConvGemm.NR, NC = ConvGemm.NC;
    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

    private ConvKernels() {}

    /** {@code y = conv(x, w) + bias}; {@code bias} may be null; {@code y} has the output size and is overwritten. */
    public static void forward(float[] x, float[] w, float[] bias, float[] y, ConvGeometry g) {
        if (!Gemm.USE_VECTOR_API) {
            copyInto(ConvReference.forward(toDouble(x), toDouble(w), bias == null ? null : toDouble(bias), g), y);
            return;
        }
        int groups = g.groups(), m = g.outGroup(), k = g.colRows(), len = g.outPlane();
        int cin = g.inChannels(), cout = g.outChannels(), cinG = g.inGroup(), inPlane = g.inPlane();
        float[][] ap = new float[groups][];
        for (int gr = 0; gr < groups; gr++) {
            ap[gr] = new float[ConvGemm.packedASize(m, k)];
            ConvGemm.packA(w, gr * m * k, k, 1, m, k, ap[gr]);
        }
        boolean pointwise = isPointwise(g);
        int blocks = ConvGemm.ceilDiv(len, NC), items = g.batch() * groups * blocks;
        long flops = (long) g.batch() * cout * len * k;
        Parallel.forRange(items, grain(items, flops), (s, e) -> {
            for (int it = s; it < e; it++) {
                int jb = it % blocks, gr = (it / blocks) % groups, n = it / blocks / groups;
                int jc = jb * NC, nc = Math.min(NC, len - jc);
                int xBase = (n * cin + gr * cinG) * inPlane;
                int yOff = (n * cout + gr * m) * len + jc;
                if (bias != null) {
                    for (int r = 0; r < m; r++) Arrays.fill(y, yOff + r * len, yOff + r * len + nc, bias[gr * m + r]);
                }
                ConvGemm.PanelPacker packer = pointwise
                        ? ConvGemm.matrix(x, xBase + jc, len)
                        : (p0, kc, j0, nr, bp, dst) -> packImage(x, xBase, g, p0, kc, jc + j0, nr, bp, dst);
                ConvGemm.gemm(m, nc, k, ap[gr], packer, y, yOff, len, bias != null);
            }
        });
    }

    /** {@code dx = conv_backward_input(dy, w)}: {@code dx} has the input size and is overwritten. */
    public static void backwardInput(float[] dy, float[] w, float[] dx, ConvGeometry g) {
        if (!Gemm.USE_VECTOR_API) {
            copyInto(ConvReference.backwardInput(toDouble(dy), toDouble(w), g), dx);
            return;
        }
        int groups = g.groups(), m = g.outGroup(), k = g.colRows(), len = g.outPlane();
        int cin = g.inChannels(), cout = g.outChannels(), cinG = g.inGroup(), inPlane = g.inPlane();
        float[][] apT = new float[groups][];
        for (int gr = 0; gr < groups; gr++) {
            // A = W_g^T (k x m): element (i, p) = W_g[p, i]
            apT[gr] = new float[ConvGemm.packedASize(k, m)];
            ConvGemm.packA(w, gr * m * k, 1, k, k, m, apT[gr]);
        }
        boolean pointwise = isPointwise(g);
        if (!pointwise) Arrays.fill(dx, 0f);
        int items = g.batch() * groups;
        long flops = (long) g.batch() * cout * len * k;
        Parallel.forRange(items, grain(items, flops), (s, e) -> {
            float[] dcols = pointwise ? null : work(0, k * len);
            for (int it = s; it < e; it++) {
                int gr = it % groups, n = it / groups;
                int dxOff = (n * cin + gr * cinG) * inPlane;
                ConvGemm.PanelPacker packer = ConvGemm.matrix(dy, (n * cout + gr * m) * len, len);
                if (pointwise) {
                    ConvGemm.gemm(k, len, m, apT[gr], packer, dx, dxOff, len, false);
                } else {
                    ConvGemm.gemm(k, len, m, apT[gr], packer, dcols, 0, len, false);
                    Im2col.col2im(dcols, 0, cinG, g, dx, dxOff);
                }
            }
        });
    }

    /** {@code dw = conv_backward_weight(x, dy)}: {@code dw} has the weight size and is overwritten. */
    public static void backwardWeight(float[] x, float[] dy, float[] dw, ConvGeometry g) {
        if (!Gemm.USE_VECTOR_API) {
            copyInto(ConvReference.backwardWeight(toDouble(x), toDouble(dy), g), dw);
            return;
        }
        int groups = g.groups(), m = g.outGroup(), k = g.colRows(), len = g.outPlane();
        int cin = g.inChannels(), cout = g.outChannels(), cinG = g.inGroup(), inPlane = g.inPlane();
        boolean pointwise = isPointwise(g);
        int items = g.batch() * groups;
        long flops = (long) g.batch() * cout * len * k;
        TreeMap<Integer, float[]> partials = new TreeMap<>();
        Parallel.forRange(items, grain(items, flops), (s, e) -> {
            float[] part = new float[dw.length];
            float[] ap = work(1, ConvGemm.packedASize(m, len));
            for (int it = s; it < e; it++) {
                int gr = it % groups, n = it / groups;
                int xBase = (n * cin + gr * cinG) * inPlane;
                // A = dY_g (m x len), B = cols(X_g)^T (len x k): element (l, r) = cols[r][l]
                ConvGemm.packA(dy, (n * cout + gr * m) * len, len, 1, m, len, ap);
                ConvGemm.PanelPacker packer = pointwise
                        ? (p0, kc, j0, nr, bp, dst) -> packTransposed(x, xBase, inPlane, p0, kc, j0, nr, bp, dst)
                        : (p0, kc, j0, nr, bp, dst) -> packImageTransposed(x, xBase, g, p0, kc, j0, nr, bp, dst);
                ConvGemm.gemm(m, k, len, ap, packer, part, gr * m * k, k, true);
            }
            synchronized (partials) {
                partials.put(s, part);
            }
        });
        Arrays.fill(dw, 0f);
        for (float[] part : partials.values()) {
            for (int i = 0; i < dw.length; i++) dw[i] += part[i];
        }
    }

    /** A 1x1 kernel with unit stride and no padding: the im2col matrix is the image itself. */
    static boolean isPointwise(ConvGeometry g) {
        for (int d = 0; d < 3; d++) {
            if (g.kernel()[d] != 1 || g.stride()[d] != 1 || g.padding()[d] != 0 || g.in()[d] != g.out()[d]) return false;
        }
        return true;
    }

    /** Implicit im2col: B panel rows {@code [p0, p0 + kc)} (channel, kd, kh, kw) x output columns {@code [j0, j0 + nr)}. */
    static void packImage(float[] x, int xBase, ConvGeometry g, int p0, int kc, int j0, int nr, float[] bp, int dst) {
        int[] k = g.kernel(), in = g.in(), out = g.out(), st = g.stride(), pad = g.padding(), dil = g.dilation();
        int D = in[0], H = in[1], W = in[2], OH = out[1], OW = out[2], plane = D * H * W;
        int ow0 = j0 % OW, t = j0 / OW, oh0 = t % OH, od0 = t / OH;
        // fast path: the panel lies in one output row and reads one contiguous input row segment
        boolean oneRun = ow0 + nr <= OW && st[2] == 1;
        int kw = p0 % k[2];
        t = p0 / k[2];
        int kh = t % k[1];
        t /= k[1];
        int kd = t % k[0], c = t / k[0];
        for (int p = 0; p < kc; p++, dst += NR) {
            if (oneRun) {
                int id = od0 * st[0] + kd * dil[0] - pad[0], ih = oh0 * st[1] + kh * dil[1] - pad[1];
                if (id < 0 || id >= D || ih < 0 || ih >= H) {
                    Arrays.fill(bp, dst, dst + NR, 0f);
                } else {
                    int iw0 = ow0 + kw * dil[2] - pad[2];
                    int lo = Math.min(nr, Math.max(0, -iw0)), hi = Math.max(lo, Math.min(nr, W - iw0));
                    if (lo > 0) Arrays.fill(bp, dst, dst + lo, 0f);
                    if (hi > lo) System.arraycopy(x, xBase + c * plane + (id * H + ih) * W + iw0 + lo, bp, dst + lo, hi - lo);
                    if (hi < NR) Arrays.fill(bp, dst + hi, dst + NR, 0f);
                }
            } else {
                Im2col.row(x, xBase, g, p0 + p, j0, nr, bp, dst, 1);
                if (nr < NR) Arrays.fill(bp, dst + nr, dst + NR, 0f);
            }
            if (++kw == k[2]) {
                kw = 0;
                if (++kh == k[1]) {
                    kh = 0;
                    if (++kd == k[0]) {
                        kd = 0;
                        c++;
                    }
                }
            }
        }
    }

    /** B = cols^T panel: rows are output positions {@code [p0, p0 + kc)}, columns im2col rows {@code [j0, j0 + nr)}. */
    static void packImageTransposed(float[] x, int xBase, ConvGeometry g, int p0, int kc, int j0, int nr, float[] bp, int dst) {
        for (int col = 0; col < NR; col++) {
            if (col < nr) {
                Im2col.row(x, xBase, g, j0 + col, p0, kc, bp, dst + col, NR);
            } else {
                for (int p = 0; p < kc; p++) bp[dst + p * NR + col] = 0f;
            }
        }
    }

    /** B = X^T panel for a pointwise conv: element (l, c) = x[xBase + c * plane + l]. */
    static void packTransposed(float[] x, int xBase, int plane, int p0, int kc, int j0, int nr, float[] bp, int dst) {
        for (int col = 0; col < NR; col++) {
            if (col < nr) {
                int src = xBase + (j0 + col) * plane + p0;
                for (int p = 0; p < kc; p++) bp[dst + p * NR + col] = x[src + p];
            } else {
                for (int p = 0; p < kc; p++) bp[dst + p * NR + col] = 0f;
            }
        }
    }

    /** Spread samples over threads only when there is enough work to pay for the fork. */
    private static int grain(int items, long flops) {
        long perItem = Math.max(1, flops / Math.max(1, items));
        return (int) Math.max(1, Math.min(items, (1L << 18) / perItem));
    }

    private static float[] work(int slot, int size) {
        float[][] w = WORK.get();
        if (w[slot].length < size) w[slot] = new float[size];
        return w[slot];
    }

    private static double[] toDouble(float[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i];
        return r;
    }

    private static void copyInto(double[] src, float[] dst) {
        for (int i = 0; i < dst.length; i++) dst[i] = (float) src[i];
    }
}
