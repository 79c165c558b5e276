package dev.nn4j.backend.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code maxPool2d(relu(conv2(relu(conv1(x)))), 2)} for inference, one sample at a time so that the first conv's
 * output never leaves L2: conv1 runs as a direct conv into a zero-bordered channels-last buffer, conv2 (3x3) as
 * Winograd F(4x4, 3x3) with the channels in the vector lanes (no shuffles for any width, where the NCHW F(4x4) path
 * fills its lanes from one tile row), then relu and 2x2 max pooling straight from each 4x4 output tile.
 *
 * <p>Conditions ({@link #supports}): 512-bit vectors, stride 1, dilation 1, one group for both convs, conv2 3x3,
 * conv1's output channels a multiple of 16 and conv2's of 32, images small enough for a sample to stay in L2 (an
 * MNIST-sized CNN; large images are better served by the NCHW kernels). The values equal the unfused ops up to float
 * rounding: F(4x4)'s transforms round differently from a direct sum (relative errors about 1e-6 of the sums).
 */
public final class ConvPairKernels {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int L = FS.length();
    /** Tile rows of one GEMM register block. */
    private static final int MR = 8;
    /** Per-thread scratch: channels-last conv1 output, V, M, pooled output, transform vectors, conv1's taps. */
    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[6][0]);

    private ConvPairKernels() {}

    /** The geometry of the pair: input (n, cin, h, w), conv1 (c1, cin, k1h, k1w) padding p1, conv2 (c2, c1, 3, 3) padding p2. */
    public record Pair(int n, int cin, int h, int w, int c1, int k1h, int k1w, int p1h, int p1w, int c2, int p2h, int p2w) {
        public int oh1() { return h + 2 * p1h - k1h + 1; }
        public int ow1() { return w + 2 * p1w - k1w + 1; }
        public int oh2() { return oh1() + 2 * p2h - 2; }
        public int ow2() { return ow1() + 2 * p2w - 2; }
        /** Pooled output height and width (floor, as max_pool2d). */
        public int ph() { return oh2() / 2; }
        public int pw() { return ow2() / 2; }
    }

    /**
     * Whether this path applies: the conditions above, F(4x4) allowed ({@code nn4j.winograd} not 2), and a sample small
     * enough that its V stays within 1 MB.
     */
    public static boolean supports(Pair p) {
        return Gemm.USE_VECTOR_API && !WinogradConv.ONLY_F2 && L == 16 && p.c1() % L == 0 && p.c2() % (2 * L) == 0
                && p.oh1() >= 1 && p.ow1() >= 1 && p.ph() >= 1 && p.pw() >= 1
                && 36L * tilesHigh(p) * tilesWide(p) * p.c1() <= 1 << 18;
    }

    /** {@code y} (n, c2, ph, pw) = the pooled output; bias arrays may be null. */
    public static void forward(float[] x, float[] w1, float[] b1, float[] w2, float[] b2, float[] y, Pair p) {
        float[] w1t = transposeConv1(w1, p);
        float[] ut = transformFilters(w2, p.c2(), p.c1());
        int tiles = tilesHigh(p) * tilesWide(p);
        // enough samples per item that their tiles fill whole register blocks: 8 / gcd(tiles, 8)
        int per = MR / gcd(tiles, MR), items = (p.n() + per - 1) / per;
        Parallel.forRange(items, 1, (s, e) -> {
            for (int it = s; it < e; it++) item(x, w1t, b1, ut, b2, y, p, it * per, Math.min(p.n(), (it + 1) * per));
        });
    }

    private static int tilesHigh(Pair p) {
        return (2 * p.ph() + 3) / 4;
    }

    private static int tilesWide(Pair p) {
        return (2 * p.pw() + 3) / 4;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Samples [s0, s1): conv1 and V for each, then per block of MR tiles the 36 GEMMs and the pooled outputs. */
    private static void item(float[] x, float[] w1t, float[] b1, float[] ut, float[] b2, float[] y, Pair p, int s0, int s1) {
        int c1 = p.c1(), c2 = p.c2(), ph = p.ph(), pw = p.pw(), plane = ph * pw;
        int th = tilesHigh(p), tw = tilesWide(p), perSample = th * tw, tiles = (s1 - s0) * perSample;
        int rows = (tiles + MR - 1) / MR * MR, ah = 4 * th + 2, aw = 4 * tw + 2;
        float[][] work = WORK.get();
        float[] a = buffer(work, 0, ah * aw * c1);
        float[] v = buffer(work, 1, 36 * rows * c1);
        float[] m = buffer(work, 2, MR * 36 * c2);
        float[] pooled = buffer(work, 3, (s1 - s0) * plane * c2);
        float[] scratch = buffer(work, 4, 36 * L);
        float[] taps = buffer(work, 5, 4 * p.cin() * p.k1h() * p.k1w());
        for (int sample = s0; sample < s1; sample++) {
            conv1(x, w1t, b1, a, ah, aw, p, sample, taps);
            int t0 = (sample - s0) * perSample;
            for (int t = 0; t < perSample; t++) {
                inputTile(a, ((t / tw) * 4 * aw + (t % tw) * 4) * c1, aw * c1, c1, v, (t0 + t) * c1, rows * c1, scratch);
            }
        }
        for (int xi = 0; xi < 36; xi++) Arrays.fill(v, (xi * rows + tiles) * c1, (xi + 1) * rows * c1, 0f);
        for (int t0 = 0; t0 < rows; t0 += MR) {
            for (int xi = 0; xi < 36; xi++) {
                for (int co = 0; co < c2; co += 2 * L) {
                    kernel(c1, v, (xi * rows + t0) * c1, c1, ut, xi * c1 * c2 + co, c2, m, xi * c2 + co, 36 * c2);
                }
            }
            for (int t = t0; t < Math.min(t0 + MR, tiles); t++) {
                int st = t % perSample, po = (t / perSample) * plane * c2;
                for (int co = 0; co < c2; co += L) {
                    outputTile(m, (t - t0) * 36 * c2 + co, c2, b2, co, pooled, po, st / tw, st % tw, ph, pw, c2, scratch);
                }
            }
        }
        for (int sample = s0; sample < s1; sample++) toChannelsFirst(pooled, (sample - s0) * plane * c2, y, sample * c2 * plane, plane, c2);
    }

    /** (pixel, channel) to (channel, pixel): 16 x 16 blocks in registers, the last pixels one by one. */
    private static void toChannelsFirst(float[] src, int so, float[] y, int yo, int plane, int c2) {
        int q = 0;
        for (; q + L <= plane; q += L) {
            for (int co = 0; co < c2; co += L) Transpose16.transpose(src, so + q * c2 + co, c2, y, yo + co * plane + q, plane);
        }
        for (; q < plane; q++) {
            for (int co = 0; co < c2; co++) y[yo + co * plane + q] = src[so + q * c2 + co];
        }
    }

    /**
     * conv1 + bias, relu, into the channels-last buffer {@code a} (ah x aw x c1) at offset (p2h, p2w); everything
     * else of {@code a} is zero: conv2's padding and the rows and columns that only partial tiles read.
     */
    private static void conv1(float[] x, float[] w1t, float[] b1, float[] a, int ah, int aw, Pair p, int sample, float[] taps) {
        int c1 = p.c1(), cin = p.cin(), h = p.h(), w = p.w(), kh = p.k1h(), kw = p.k1w(), nk = cin * kh * kw;
        int r0 = p.p2h(), r1 = Math.min(ah, r0 + p.oh1()), q0 = p.p2w(), q1 = Math.min(aw, q0 + p.ow1());
        // zero what conv1 does not write: the border rows, and the border columns of the rows it does
        Arrays.fill(a, 0, r0 * aw * c1, 0f);
        Arrays.fill(a, r1 * aw * c1, ah * aw * c1, 0f);
        int xs = sample * cin * h * w;
        for (int ar = r0; ar < r1; ar++) {
            Arrays.fill(a, ar * aw * c1, (ar * aw + q0) * c1, 0f);
            Arrays.fill(a, (ar * aw + q1) * c1, (ar + 1) * aw * c1, 0f);
            int i = ar - r0;
            // four pixels at a time: four independent FMA chains hide the FMA latency
            int aq = q0;
            for (; aq + 4 <= q1; aq += 4) {
                for (int u = 0; u < 4; u++) receptiveField(x, xs, p, i, aq + u - q0, taps, u * nk);
                int ao = (ar * aw + aq) * c1;
                for (int q = 0; q < c1; q += L) {
                    FloatVector bias = b1 == null ? FloatVector.zero(FS) : FloatVector.fromArray(FS, b1, q);
                    FloatVector acc0 = bias, acc1 = bias, acc2 = bias, acc3 = bias;
                    for (int k = 0; k < nk; k++) {
                        FloatVector wv = FloatVector.fromArray(FS, w1t, k * c1 + q);
                        acc0 = FloatVector.broadcast(FS, taps[k]).fma(wv, acc0);
                        acc1 = FloatVector.broadcast(FS, taps[nk + k]).fma(wv, acc1);
                        acc2 = FloatVector.broadcast(FS, taps[2 * nk + k]).fma(wv, acc2);
                        acc3 = FloatVector.broadcast(FS, taps[3 * nk + k]).fma(wv, acc3);
                    }
                    acc0.max(0f).intoArray(a, ao + q);
                    acc1.max(0f).intoArray(a, ao + c1 + q);
                    acc2.max(0f).intoArray(a, ao + 2 * c1 + q);
                    acc3.max(0f).intoArray(a, ao + 3 * c1 + q);
                }
            }
            for (; aq < q1; aq++) {
                receptiveField(x, xs, p, i, aq - q0, taps, 0);
                int ao = (ar * aw + aq) * c1;
                for (int q = 0; q < c1; q += L) {
                    FloatVector acc = b1 == null ? FloatVector.zero(FS) : FloatVector.fromArray(FS, b1, q);
                    for (int k = 0; k < nk; k++) acc = FloatVector.broadcast(FS, taps[k]).fma(FloatVector.fromArray(FS, w1t, k * c1 + q), acc);
                    acc.max(0f).intoArray(a, ao + q);
                }
            }
        }
    }

    /** The inputs conv1's output pixel (i, j) reads, channel-major, zeros where they fall into its padding. */
    private static void receptiveField(float[] x, int xs, Pair p, int i, int j, float[] taps, int to) {
        int h = p.h(), w = p.w(), kh = p.k1h(), kw = p.k1w();
        for (int ci = 0, k = to; ci < p.cin(); ci++) {
            for (int r = 0; r < kh; r++) {
                int xr = i + r - p.p1h(), xo = xs + (ci * h + xr) * w;
                boolean rowIn = xr >= 0 && xr < h;
                for (int c = 0; c < kw; c++, k++) {
                    int xc = j + c - p.p1w();
                    taps[k] = rowIn && xc >= 0 && xc < w ? x[xo + xc] : 0f;
                }
            }
        }
    }

    /** w1 (c1, cin, kh, kw) as (cin, kh, kw, c1): the output channels contiguous, for the lanes. */
    private static float[] transposeConv1(float[] w1, Pair p) {
        int c1 = p.c1(), taps = p.cin() * p.k1h() * p.k1w();
        float[] t = new float[taps * c1];
        for (int o = 0; o < c1; o++) {
            for (int k = 0; k < taps; k++) t[k * c1 + o] = w1[o * taps + k];
        }
        return t;
    }

    /** U^T[xi] (c1 x c2, output channels contiguous) with U[xi] = (G g G^T)[xi], xi = 6 * row + column. */
    static float[] transformFilters(float[] w2, int c2, int c1) {
        double[][] gm = {{0.25, 0, 0}, {-1.0 / 6, -1.0 / 6, -1.0 / 6}, {-1.0 / 6, 1.0 / 6, -1.0 / 6},
                {1.0 / 24, 1.0 / 12, 1.0 / 6}, {1.0 / 24, -1.0 / 12, 1.0 / 6}, {0, 0, 1}};
        float[] ut = new float[36 * c1 * c2];
        double[] gg = new double[18];
        for (int o = 0; o < c2; o++) {
            for (int c = 0; c < c1; c++) {
                int wo = (o * c1 + c) * 9;
                for (int r = 0; r < 6; r++) {
                    for (int k = 0; k < 3; k++) {
                        gg[r * 3 + k] = gm[r][0] * w2[wo + k] + gm[r][1] * w2[wo + 3 + k] + gm[r][2] * w2[wo + 6 + k];
                    }
                }
                for (int r = 0; r < 6; r++) {
                    for (int s = 0; s < 6; s++) {
                        double u = gg[r * 3] * gm[s][0] + gg[r * 3 + 1] * gm[s][1] + gg[r * 3 + 2] * gm[s][2];
                        ut[((r * 6 + s) * c1 + c) * c2 + o] = (float) u;
                    }
                }
            }
        }
        return ut;
    }

    /**
     * V[xi] = (B^T d B)[xi] of one tile for every channel: the 6x6 patch starts at {@code a[ao]}, rows {@code ars}
     * apart; V[xi] row t is at {@code v[vo + xi * vs]}.
     */
    private static void inputTile(float[] a, int ao, int ars, int c1, float[] v, int vo, int vs, float[] col) {
        for (int c = 0; c < c1; c += L) {
            // B^T down each column of the patch, into col (row-major 6 x 6 vectors)
            for (int j = 0; j < 6; j++) {
                int o = ao + j * c1 + c;
                FloatVector d0 = FloatVector.fromArray(FS, a, o), d1 = FloatVector.fromArray(FS, a, o + ars);
                FloatVector d2 = FloatVector.fromArray(FS, a, o + 2 * ars), d3 = FloatVector.fromArray(FS, a, o + 3 * ars);
                FloatVector d4 = FloatVector.fromArray(FS, a, o + 4 * ars), d5 = FloatVector.fromArray(FS, a, o + 5 * ars);
                FloatVector t1 = d4.sub(d2.mul(4f)), t2 = d3.sub(d1.mul(4f)), t3 = d4.sub(d2), t4 = d3.sub(d1).mul(2f);
                d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(col, j * L);
                t1.add(t2).intoArray(col, (6 + j) * L);
                t1.sub(t2).intoArray(col, (12 + j) * L);
                t3.add(t4).intoArray(col, (18 + j) * L);
                t3.sub(t4).intoArray(col, (24 + j) * L);
                d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(col, (30 + j) * L);
            }
            // then B along each row of that
            for (int r = 0; r < 6; r++) {
                int o = 6 * r * L;
                FloatVector d0 = FloatVector.fromArray(FS, col, o), d1 = FloatVector.fromArray(FS, col, o + L);
                FloatVector d2 = FloatVector.fromArray(FS, col, o + 2 * L), d3 = FloatVector.fromArray(FS, col, o + 3 * L);
                FloatVector d4 = FloatVector.fromArray(FS, col, o + 4 * L), d5 = FloatVector.fromArray(FS, col, o + 5 * L);
                FloatVector t1 = d4.sub(d2.mul(4f)), t2 = d3.sub(d1.mul(4f)), t3 = d4.sub(d2), t4 = d3.sub(d1).mul(2f);
                int at = vo + c + 6 * r * vs;
                d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(v, at);
                t1.add(t2).intoArray(v, at + vs);
                t1.sub(t2).intoArray(v, at + 2 * vs);
                t3.add(t4).intoArray(v, at + 3 * vs);
                t3.sub(t4).intoArray(v, at + 4 * vs);
                d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(v, at + 5 * vs);
            }
        }
    }

    /**
     * The same 8 x 2 register tile as {@code WinogradConv}'s weight-gradient kernel, kept as its own copy on purpose:
     * sharing one method (with a store-or-add switch) measured 22.5 instead of 18 ms for cnn-infer-b256 after the
     * training workloads had run, because the JIT compiles a shared kernel for whichever caller warmed it up first.
     *
     * M[t0 + r, co:co+2L] = sum over p of V[t0 + r, p] * U^T[p, co:co+2L] for r &lt; MR: V rows {@code lda} apart
     * from {@code v[vi]}, U^T rows {@code ldb} apart from {@code u[ui]}, M rows {@code ldm} apart from {@code m[mi]}.
     */
    private static void kernel(int depth, float[] v, int vi, int lda, float[] u, int ui, int ldb, float[] m, int mi, int ldm) {
        FloatVector c00 = FloatVector.zero(FS), c01 = FloatVector.zero(FS);
        FloatVector c10 = FloatVector.zero(FS), c11 = FloatVector.zero(FS);
        FloatVector c20 = FloatVector.zero(FS), c21 = FloatVector.zero(FS);
        FloatVector c30 = FloatVector.zero(FS), c31 = FloatVector.zero(FS);
        FloatVector c40 = FloatVector.zero(FS), c41 = FloatVector.zero(FS);
        FloatVector c50 = FloatVector.zero(FS), c51 = FloatVector.zero(FS);
        FloatVector c60 = FloatVector.zero(FS), c61 = FloatVector.zero(FS);
        FloatVector c70 = FloatVector.zero(FS), c71 = FloatVector.zero(FS);
        for (int q = 0; q < depth; q++) {
            int bi = ui + q * ldb, ai = vi + q;
            FloatVector b0 = FloatVector.fromArray(FS, u, bi), b1 = FloatVector.fromArray(FS, u, bi + L);
            FloatVector av = FloatVector.broadcast(FS, v[ai]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(FS, v[ai + lda]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(FS, v[ai + 2 * lda]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(FS, v[ai + 3 * lda]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(FS, v[ai + 4 * lda]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(FS, v[ai + 5 * lda]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(FS, v[ai + 6 * lda]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(FS, v[ai + 7 * lda]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        c00.intoArray(m, mi);
        c01.intoArray(m, mi + L);
        c10.intoArray(m, mi + ldm);
        c11.intoArray(m, mi + ldm + L);
        c20.intoArray(m, mi + 2 * ldm);
        c21.intoArray(m, mi + 2 * ldm + L);
        c30.intoArray(m, mi + 3 * ldm);
        c31.intoArray(m, mi + 3 * ldm + L);
        c40.intoArray(m, mi + 4 * ldm);
        c41.intoArray(m, mi + 4 * ldm + L);
        c50.intoArray(m, mi + 5 * ldm);
        c51.intoArray(m, mi + 5 * ldm + L);
        c60.intoArray(m, mi + 6 * ldm);
        c61.intoArray(m, mi + 6 * ldm + L);
        c70.intoArray(m, mi + 7 * ldm);
        c71.intoArray(m, mi + 7 * ldm + L);
    }

    /**
     * One tile's 16 channels {@code co..}: Y = A^T M A + bias from M[xi] at {@code m[mo + xi * ms]}, relu, then the
     * max of each 2x2 window into {@code pooled} from {@code po} (pooled row 2 ty + i, column 2 tx + j, channels
     * contiguous).
     */
    private static void outputTile(float[] m, int mo, int ms, float[] b2, int co, float[] pooled, int po, int ty, int tx, int ph,
                                   int pw, int c2, float[] s) {
        // A^T down each column of M, into s (4 x 6 vectors)
        for (int j = 0; j < 6; j++) {
            int o = mo + j * ms;
            FloatVector m0 = FloatVector.fromArray(FS, m, o), m1 = FloatVector.fromArray(FS, m, o + 6 * ms);
            FloatVector m2 = FloatVector.fromArray(FS, m, o + 12 * ms), m3 = FloatVector.fromArray(FS, m, o + 18 * ms);
            FloatVector m4 = FloatVector.fromArray(FS, m, o + 24 * ms), m5 = FloatVector.fromArray(FS, m, o + 30 * ms);
            FloatVector a = m1.add(m2), b = m1.sub(m2), c = m3.add(m4), d = m3.sub(m4);
            m0.add(a).add(c).intoArray(s, j * L);
            b.add(d.mul(2f)).intoArray(s, (6 + j) * L);
            a.add(c.mul(4f)).intoArray(s, (12 + j) * L);
            b.add(d.mul(8f)).add(m5).intoArray(s, (18 + j) * L);
        }
        // then A along each row, and relu(max of each 2x2 window + bias): rounding is monotonic, so adding the bias
        // and applying relu after the max gives the same value as before it
        FloatVector bias = b2 == null ? FloatVector.zero(FS) : FloatVector.fromArray(FS, b2, co);
        for (int i = 0; i < 2; i++) {
            int py = 2 * ty + i;
            if (py >= ph) break;
            FloatVector top0, top1, top2, top3, bot0, bot1, bot2, bot3;
            {
                int o = 12 * i * L;
                FloatVector m0 = FloatVector.fromArray(FS, s, o), m1 = FloatVector.fromArray(FS, s, o + L);
                FloatVector m2 = FloatVector.fromArray(FS, s, o + 2 * L), m3 = FloatVector.fromArray(FS, s, o + 3 * L);
                FloatVector m4 = FloatVector.fromArray(FS, s, o + 4 * L), m5 = FloatVector.fromArray(FS, s, o + 5 * L);
                FloatVector a = m1.add(m2), b = m1.sub(m2), c = m3.add(m4), d = m3.sub(m4);
                top0 = m0.add(a).add(c);
                top1 = b.add(d.mul(2f));
                top2 = a.add(c.mul(4f));
                top3 = b.add(d.mul(8f)).add(m5);
            }
            {
                int o = (12 * i + 6) * L;
                FloatVector m0 = FloatVector.fromArray(FS, s, o), m1 = FloatVector.fromArray(FS, s, o + L);
                FloatVector m2 = FloatVector.fromArray(FS, s, o + 2 * L), m3 = FloatVector.fromArray(FS, s, o + 3 * L);
                FloatVector m4 = FloatVector.fromArray(FS, s, o + 4 * L), m5 = FloatVector.fromArray(FS, s, o + 5 * L);
                FloatVector a = m1.add(m2), b = m1.sub(m2), c = m3.add(m4), d = m3.sub(m4);
                bot0 = m0.add(a).add(c);
                bot1 = b.add(d.mul(2f));
                bot2 = a.add(c.mul(4f));
                bot3 = b.add(d.mul(8f)).add(m5);
            }
            int at = po + (py * pw + 2 * tx) * c2 + co;
            top0.max(top1).max(bot0.max(bot1)).add(bias).max(0f).intoArray(pooled, at);
            if (2 * tx + 1 < pw) top2.max(top3).max(bot2.max(bot3)).add(bias).max(0f).intoArray(pooled, at + c2);
        }
    }

    private static float[] buffer(float[][] work, int slot, int size) {
        if (work[slot].length < size) work[slot] = new float[size];
        return work[slot];
    }
}
