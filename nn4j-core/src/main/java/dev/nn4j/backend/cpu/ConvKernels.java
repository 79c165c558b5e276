package dev.nn4j.backend.cpu;

import java.util.Arrays;
import java.util.TreeMap;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 convolution as GEMM ({@link ConvGemm}), parallel over (sample, group) items:
 * <ul>
 * <li>forward: {@code Y_g = W_g * cols(X_g)}, B panels packed straight from a zero-padded copy of the image
 * (implicit im2col: the column matrix is never written);</li>
 * <li>backward-input: {@code dX_g = col2im(W_g^T * dY_g)}, or, for unit stride and at least as many input as
 * output channels, the forward kernel on dY with the flipped, transposed weight (a "full" convolution);</li>
 * <li>backward-weight: {@code dW_g^T = sum_n cols(X_g) * dY_g^T}, the im2col rows read in place as A, one
 * partial sum per thread chunk, added in a fixed order so the result does not depend on timing.</li>
 * </ul>
 * Transposed convolution reuses the same three kernels with the roles of forward and backward-input
 * swapped. {@link ConvReference} is the scalar twin (direct loops) and the fallback when
 * {@link Gemm#USE_VECTOR_API} is false. All arrays are contiguous row-major; outputs are overwritten.
 */
public final class ConvKernels {
    private static final VectorSpecies<Float> FS = ConvGemm.FS;
    private static final int FL = ConvGemm.FL, MR = ConvGemm.MR, NR = ConvGemm.NR, NC = ConvGemm.NC;
    /** Per-thread scratch: slot 0 the column matrix, slot 1 the zero-padded source image. */
    private static final int COLS = 0, IMAGE = 1;
    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

    private ConvKernels() {}

    /** {@code y = conv(x, w) + bias}; {@code bias} may be null; {@code y} has the output size and is overwritten. */
    public static void forward(float[] x, float[] w, float[] bias, float[] y, ConvGeometry g) {
        if (!Gemm.USE_VECTOR_API) {
            copyInto(ConvReference.forward(toDouble(x), toDouble(w), bias == null ? null : toDouble(bias), g), y);
            return;
        }
        if (WinogradConv.supports(g)) {
            // 3x3 stride-1: 16 multiplies per 2x2 output tile instead of 36
            WinogradConv.forward(x, w, bias, y, g);
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
        // One item per (sample, group); split the columns too only when there are fewer items than threads.
        int blocks = g.batch() * groups >= Parallel.numThreads() ? 1 : ConvGemm.ceilDiv(len, NC);
        int items = g.batch() * groups * blocks, cols = ConvGemm.ceilDiv(len, blocks);
        long flops = (long) g.batch() * cout * len * k;
        Parallel.forRange(items, grain(items, flops), (s, e) -> {
            for (int it = s; it < e; it++) {
                int jb = it % blocks, gr = (it / blocks) % groups, n = it / blocks / groups;
                int jc = jb * cols, nc = Math.min(cols, len - jc);
                if (nc <= 0) continue;
                int xBase = (n * cin + gr * cinG) * inPlane;
                int yOff = (n * cout + gr * m) * len + jc;
                if (bias != null) {
                    for (int r = 0; r < m; r++) Arrays.fill(y, yOff + r * len, yOff + r * len + nc, bias[gr * m + r]);
                }
                ConvGemm.PanelPacker packer;
                if (pointwise) {
                    packer = ConvGemm.matrix(x, xBase + jc, len);
                } else {
                    Source src = source(x, xBase, g);
                    packer = (p0, kc, j0, nr, bp, dst) -> packImage(src, g, p0, kc, jc + j0, nr, bp, dst);
                }
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
        if (WinogradConv.supports(g)) {
            WinogradConv.backwardInput(dy, w, dx, g);
            return;
        }
        // The full convolution's GEMM has only C_in/groups rows: worth it when that is no smaller than the
        // col2im GEMM's depth C_out/groups and fills a few register tiles.
        ConvGeometry full = g.inGroup() >= g.outGroup() && g.inGroup() >= 2 * MR ? fullConvolution(g) : null;
        if (full != null) {
            forward(dy, flipTranspose(w, g), null, dx, full);
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
            float[] dcols = pointwise ? null : work(COLS, k * len);
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

    /**
     * For unit stride, the input gradient is itself a convolution ("full" correlation): of dY, padded by
     * {@code dilation * (k - 1) - padding}, with the weight flipped in space and transposed per group. That runs
     * on the forward kernel, with no column matrix and no col2im. Null when the stride is not 1 or the padding
     * exceeds {@code dilation * (k - 1)}.
     */
    static ConvGeometry fullConvolution(ConvGeometry g) {
        int[] pad = new int[3];
        for (int d = 0; d < 3; d++) {
            pad[d] = g.dilation()[d] * (g.kernel()[d] - 1) - g.padding()[d];
            if (g.stride()[d] != 1 || pad[d] < 0) return null;
        }
        return new ConvGeometry(g.batch(), g.outChannels(), g.inChannels(), g.groups(), g.out(), g.kernel(), g.in(),
                g.stride(), pad, g.dilation());
    }

    /** W'[g * Cin_g + c, o, t] = W[g * Cout_g + o, c, K - 1 - t]: the weight of {@link #fullConvolution}. */
    static float[] flipTranspose(float[] w, ConvGeometry g) {
        int groups = g.groups(), coutG = g.outGroup(), cinG = g.inGroup(), kk = g.kernelSize();
        float[] r = new float[w.length];
        for (int gr = 0; gr < groups; gr++) {
            for (int o = 0; o < coutG; o++) {
                for (int c = 0; c < cinG; c++) {
                    int src = ((gr * coutG + o) * cinG + c) * kk, dst = ((gr * cinG + c) * coutG + o) * kk;
                    for (int t = 0; t < kk; t++) r[dst + t] = w[src + kk - 1 - t];
                }
            }
        }
        return r;
    }

    /** {@code dw = conv_backward_weight(x, dy)}: {@code dw} has the weight size and is overwritten. */
    public static void backwardWeight(float[] x, float[] dy, float[] dw, ConvGeometry g) {
        if (!Gemm.USE_VECTOR_API) {
            copyInto(ConvReference.backwardWeight(toDouble(x), toDouble(dy), g), dw);
            return;
        }
        if (WinogradConv.supports(g)) {
            WinogradConv.backwardWeight(x, dy, dw, g);
            return;
        }
        int groups = g.groups(), m = g.outGroup(), k = g.colRows(), len = g.outPlane();
        int cin = g.inChannels(), cout = g.outChannels(), cinG = g.inGroup(), inPlane = g.inPlane();
        boolean pointwise = isPointwise(g);
        int items = g.batch() * groups;
        long flops = (long) g.batch() * cout * len * k;
        // dW_g^T (k x m) = sum_n cols(X_n,g) (k x len) * dY_n,g^T (len x m): the im2col rows are read in place
        // as A, and only the smaller dY is transposed into B panels. Partial sums are per thread chunk.
        TreeMap<Integer, float[]> partials = new TreeMap<>();
        Parallel.forRange(items, grain(items, flops), (s, e) -> {
            float[] part = new float[dw.length];
            float[] cols = pointwise ? null : work(COLS, k * len);
            for (int it = s; it < e; it++) {
                int gr = it % groups, n = it / groups;
                int xBase = (n * cin + gr * cinG) * inPlane;
                ConvGemm.PanelPacker packer = ConvGemm.transposed(dy, (n * cout + gr * m) * len, len);
                if (pointwise) {
                    ConvGemm.gemmRowMajorA(k, m, len, x, xBase, len, packer, part, gr * k * m, m, true);
                } else {
                    im2col(source(x, xBase, g), g, cols);
                    ConvGemm.gemmRowMajorA(k, m, len, cols, 0, len, packer, part, gr * k * m, m, true);
                }
            }
            synchronized (partials) {
                partials.put(s, part);
            }
        });
        Arrays.fill(dw, 0f);
        for (float[] part : partials.values()) {
            for (int gr = 0; gr < groups; gr++) {
                int base = gr * m * k;
                for (int o = 0; o < m; o++) {
                    for (int r = 0; r < k; r++) dw[base + o * k + r] += part[base + r * m + o];
                }
            }
        }
    }

    /** {@code db[c] = sum over batch and positions of dy[n, c, :]} (summed in float64). */
    public static float[] backwardBias(float[] dy, int batch, int channels, int plane) {
        double[] acc = new double[channels];
        int upper = FS.loopBound(plane);
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int o = (n * channels + c) * plane, i = 0;
                FloatVector v = FloatVector.zero(FS);
                for (; i < upper; i += FL) v = v.add(FloatVector.fromArray(FS, dy, o + i));
                double s = ElementwiseKernels.addLanes(v);
                for (; i < plane; i++) s += dy[o + i];
                acc[c] += s;
            }
        }
        float[] db = new float[channels];
        for (int c = 0; c < channels; c++) db[c] = (float) acc[c];
        return db;
    }

    /** A 1x1 kernel with unit stride and no padding: the im2col matrix is the image itself. */
    static boolean isPointwise(ConvGeometry g) {
        for (int d = 0; d < 3; d++) {
            if (g.kernel()[d] != 1 || g.stride()[d] != 1 || g.padding()[d] != 0 || g.in()[d] != g.out()[d]) return false;
        }
        return true;
    }

    /**
     * The image of one (sample, group) as the implicit im2col reads it: a zero-padded copy (with slack for
     * whole-vector reads) when the conv pads, so that every kernel tap reads inside the array; the input
     * itself otherwise.
     */
    record Source(float[] img, int base, int d, int h, int w) {}

    static Source source(float[] x, int xBase, ConvGeometry g) {
        int[] in = g.in(), out = g.out(), k = g.kernel(), st = g.stride(), pad = g.padding(), dil = g.dilation();
        int[] size = new int[3];
        boolean padded = false;
        for (int d = 0; d < 3; d++) {
            int right = Math.max(0, (out[d] - 1) * st[d] + (k[d] - 1) * dil[d] + 1 - in[d] - pad[d]);
            size[d] = pad[d] + in[d] + right;
            padded |= pad[d] > 0 || right > 0;
        }
        if (!padded) return new Source(x, xBase, in[0], in[1], in[2]);
        int D = size[0], H = size[1], W = size[2], channels = g.inGroup();
        float[] img = work(IMAGE, channels * D * H * W + FL);
        int o = 0;
        for (int c = 0; c < channels; c++) {
            for (int d = 0; d < D; d++) {
                int id = d - pad[0];
                for (int h = 0; h < H; h++, o += W) {
                    int ih = h - pad[1];
                    if (id < 0 || id >= in[0] || ih < 0 || ih >= in[1]) {
                        Arrays.fill(img, o, o + W, 0f);
                    } else {
                        Arrays.fill(img, o, o + pad[2], 0f);
                        System.arraycopy(x, xBase + ((c * in[0] + id) * in[1] + ih) * in[2], img, o + pad[2], in[2]);
                        Arrays.fill(img, o + pad[2] + in[2], o + W, 0f);
                    }
                }
            }
        }
        return new Source(img, 0, D, H, W);
    }

    /** The im2col matrix (rows (channel, kd, kh, kw), columns output positions) of a {@link Source}. */
    static void im2col(Source src, ConvGeometry g, float[] cols) {
        int[] k = g.kernel(), out = g.out(), st = g.stride(), dil = g.dilation();
        int H = src.h(), W = src.w(), plane = src.d() * H * W, OD = out[0], OH = out[1], OW = out[2], sw = st[2];
        int rows = g.colRows(), full = OW & -FL;
        float[] img = src.img();
        VectorMask<Float> tail = FS.indexInRange(full, OW);
        for (int r = 0, o = 0; r < rows; r++) {
            int kw = r % k[2], t = r / k[2], kh = t % k[1];
            t /= k[1];
            int kd = t % k[0], c = t / k[0];
            int tap = src.base() + c * plane + (kd * dil[0] * H + kh * dil[1]) * W + kw * dil[2];
            for (int od = 0; od < OD; od++) {
                for (int oh = 0; oh < OH; oh++, o += OW) {
                    int s = tap + (od * st[0] * H + oh * st[1]) * W;
                    if (sw == 1 && s + full + FL <= img.length) {
                        int i = 0;
                        for (; i < full; i += FL) FloatVector.fromArray(FS, img, s + i).intoArray(cols, o + i);
                        if (i < OW) FloatVector.fromArray(FS, img, s + i).intoArray(cols, o + i, tail);
                    } else {
                        for (int i = 0; i < OW; i++) cols[o + i] = img[s + i * sw];
                    }
                }
            }
        }
    }

    /**
     * Implicit im2col: B panel rows {@code [p0, p0 + kc)} (channel, kd, kh, kw) x output columns
     * {@code [j0, j0 + nr)}, read from a {@link Source} in which every tap is in range. The panel's columns
     * split into runs that stay in one output row; a run of row p reads the input row segment at
     * {@code run base + tap(p)}, so both are computed once and the copy loop is plain vector moves.
     */
    static void packImage(Source src, ConvGeometry g, int p0, int kc, int j0, int nr, float[] bp, int dst) {
        int[] k = g.kernel(), out = g.out(), st = g.stride(), dil = g.dilation();
        int H = src.h(), W = src.w(), plane = src.d() * H * W, OH = out[1], OW = out[2], sw = st[2];
        float[] img = src.img();
        int[] taps = new int[kc];
        int maxTap = 0;
        int kw = p0 % k[2], t = p0 / k[2], kh = t % k[1];
        t /= k[1];
        int kd = t % k[0], c = t / k[0];
        for (int p = 0; p < kc; p++) {
            taps[p] = c * plane + (kd * dil[0] * H + kh * dil[1]) * W + kw * dil[2];
            maxTap = Math.max(maxTap, taps[p]);
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
        int ow = j0 % OW;
        t = j0 / OW;
        int oh = t % OH, od = t / OH;
        for (int col = 0; col < nr; ) {
            int len = Math.min(nr - col, OW - ow);
            int base = src.base() + (od * st[0] * H + oh * st[1]) * W + ow * sw;
            int o = dst + col;
            if (sw == 1 && base + maxTap + ConvGemm.roundUp(len, FL) <= img.length) {
                if (len == NR) {
                    for (int p = 0; p < kc; p++, o += NR) {
                        int s = base + taps[p];
                        FloatVector.fromArray(FS, img, s).intoArray(bp, o);
                        FloatVector.fromArray(FS, img, s + FL).intoArray(bp, o + FL);
                    }
                } else {
                    int full = len & -FL;
                    VectorMask<Float> tail = FS.indexInRange(full, len);
                    for (int p = 0; p < kc; p++, o += NR) {
                        int s = base + taps[p], i = 0;
                        for (; i < full; i += FL) FloatVector.fromArray(FS, img, s + i).intoArray(bp, o + i);
                        if (i < len) FloatVector.fromArray(FS, img, s + i).intoArray(bp, o + i, tail);
                    }
                }
            } else {
                for (int p = 0; p < kc; p++, o += NR) {
                    int s = base + taps[p];
                    for (int i = 0; i < len; i++) bp[o + i] = img[s + i * sw];
                }
            }
            col += len;
            ow = 0;
            if (++oh == OH) {
                oh = 0;
                od++;
            }
        }
        if (nr < NR) {
            for (int p = 0, o = dst; p < kc; p++, o += NR) {
                for (int i = nr; i < NR; i++) bp[o + i] = 0f;
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
