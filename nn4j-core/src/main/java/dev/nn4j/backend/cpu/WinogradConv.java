package dev.nn4j.backend.cpu;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * 3x3 stride-1 2-D convolution by Winograd's minimal filtering F(2x2, 3x3) (Lavin and Gray, 2016): every 2x2
 * output tile is {@code A^T [(G g G^T) . (B^T d B)] A} for its 4x4 input patch d, so a tile costs 16 multiplies
 * per (input, output) channel pair instead of 36, and the 16 element-wise products summed over input channels
 * are 16 independent GEMMs {@code M[xi] = U[xi] (C_out x C_in) * V[xi] (C_in x tiles)} with an 8 x 2-vector register tile.
 * <p>
 * Work items are (sample, block of tile rows); each pads its input rows into a scratch image, transforms them into
 * V (vectorized over 16 tiles of a tile row), runs the 16 GEMMs and transforms M back into the output rows it owns.
 * Rounding differs from the direct sum by a few ulps of the partial sums (the transforms have coefficients
 * 1/2 and 1); {@link ConvReference} stays the oracle in the tests.
 */
public final class WinogradConv {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int L = FS.length();
    /** GEMM register tile: MR output channels x NR tiles (two vectors); U is packed by {@link ConvGemm#packA}. */
    private static final int MR = ConvGemm.MR, NR = 2 * L;
    /**
     * Tiles per work item to aim for (F(2x2), F(4x4)): bigger items read the transformed filters U fewer times,
     * smaller ones keep V and M closer to L1; these measured best on Zen 4 for the bench and CNN shapes (whole 24 x 24
     * and 26 x 26 planes per item with F(2x2)).
     */
    private static final int TILES_PER_ITEM = Integer.getInteger("nn4j.winograd.tiles", 256);
    private static final int TILES_PER_ITEM_F4 = Integer.getInteger("nn4j.winograd.tiles4", 64);
    private static final FloatVector EVEN, ODD, ZIP_LO, ZIP_HI;
    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0], new float[0], new float[0]});

    static {
        float[] even = new float[L], odd = new float[L], lo = new float[L], hi = new float[L];
        for (int l = 0; l < L; l++) {
            even[l] = 2 * l;
            odd[l] = 2 * l + 1;
            // interleave (a, b): lane l of the low half is a[l/2] or b[l/2]; b's lanes are numbered L..2L-1
            lo[l] = (l & 1) == 0 ? l / 2 : L + l / 2;
            hi[l] = (l & 1) == 0 ? L / 2 + l / 2 : L + L / 2 + l / 2;
        }
        EVEN = FloatVector.fromArray(FS, even, 0);
        ODD = FloatVector.fromArray(FS, odd, 0);
        ZIP_LO = FloatVector.fromArray(FS, lo, 0);
        ZIP_HI = FloatVector.fromArray(FS, hi, 0);
    }

    private WinogradConv() {}

    /**
     * Whether this path handles {@code g} and pays off: a 2-D 3x3 kernel, stride 1, dilation 1, one group, enough
     * channels for the GEMMs, and 16-lane vectors or wider (the transforms use two-vector permutes).
     */
    public static boolean supports(ConvGeometry g) {
        int[] k = g.kernel(), s = g.stride(), d = g.dilation();
        return Gemm.USE_VECTOR_API && L >= 8 && g.groups() == 1 && k[0] == 1 && g.in()[0] == 1 && g.out()[0] == 1
                && k[1] == 3 && k[2] == 3 && s[1] == 1 && s[2] == 1 && d[1] == 1 && d[2] == 1
                && g.padding()[1] <= 2 && g.padding()[2] <= 2
                && g.inChannels() >= 8 && g.outChannels() >= 8 && g.out()[1] >= 2 && g.out()[2] >= 2;
    }

    /** {@code y = conv(x, w) + bias} for a geometry that {@link #supports}; bias may be null. */
    public static void forward(float[] x, float[] w, float[] bias, float[] y, ConvGeometry g) {
        int cin = g.inChannels(), cout = g.outChannels(), m = tileSize(g);
        float[][] u = m == 4 ? WinogradF4.transformFilters(w, cout, cin, false) : transformFilters(w, cout, cin, false);
        run(x, u, bias, y, g, m);
    }

    /**
     * {@code y = maxPool2d(relu(conv(x, w) + bias), 2)} in one pass for a geometry that {@link #supports}: each 2x2
     * output tile of F(2x2, 3x3) is one pooling window, so the conv output never leaves registers. {@code y} is
     * (N, C_out, OH / 2, OW / 2) (floor, as PyTorch's max_pool2d). Values equal the unfused ops exactly: the same
     * tile arithmetic, then relu and max (NaN propagates through both).
     */
    public static void forwardReluMaxPool2x2(float[] x, float[] w, float[] bias, float[] y, ConvGeometry g) {
        float[][] u = transformFilters(w, g.outChannels(), g.inChannels(), false);
        int n = g.batch(), oh = g.out()[1], ow = g.out()[2];
        int th = (oh + 1) / 2, tw = (ow + 1) / 2;
        int rowsPerItem = rowsPerItem(n, th, tw, TILES_PER_ITEM, 1);
        int blocks = (th + rowsPerItem - 1) / rowsPerItem;
        Parallel.forRange(n * blocks, 1, (s, e) -> {
            for (int it = s; it < e; it++) {
                int sample = it / blocks, b = it % blocks;
                int ty0 = b * rowsPerItem, ty1 = Math.min(th, ty0 + rowsPerItem);
                itemPooled(x, u, bias, y, g, sample, ty0, ty1, tw);
            }
        });
    }

    /** As {@link #item} with the relu + 2x2 max-pool epilogue: pooled row ty, column tx is tile (ty, tx). */
    private static void itemPooled(float[] x, float[][] u, float[] bias, float[] y, ConvGeometry g, int sample, int ty0, int ty1,
                                   int tw) {
        int cin = g.inChannels(), cout = g.outChannels(), ph2 = g.out()[1] / 2, pw2 = g.out()[2] / 2;
        int rows = ty1 - ty0, tiles = rows * tw;
        int ld = roundUp(tiles + L, NR), coutPad = roundUp(cout, MR);
        float[][] work = WORK.get();
        float[] v = buffer(work, 1, 16 * cin * ld), m = buffer(work, 2, 16 * coutPad * ld);
        transformInput(x, g, sample, ty0, rows, tw, v, ld, work);
        int yPlane = ph2 * pw2, yBase = sample * cout * yPlane;
        if (tw == pw2 && ty1 <= ph2) {
            // every tile of the item is a whole pooling window and pooled outputs follow the tile order: run the 16
            // GEMMs per register tile into an L1 scratch and pool from there, so M never goes out to L2
            float[] sc = buffer(work, 3, 16 * MR * NR);
            int base = ty0 * pw2;
            for (int i = 0; i < coutPad; i += MR) {
                for (int j = 0; j * NR < tiles; j++) {
                    for (int xi = 0; xi < 16; xi++) {
                        kernel(cin, u[xi], i * cin, v, xi * cin * ld + j * NR, ld, sc, xi * MR * NR, NR);
                    }
                    for (int r = 0; r < MR && i + r < cout; r++) {
                        float b = bias == null ? 0f : bias[i + r];
                        for (int h = 0; h < NR && j * NR + h < tiles; h += L) {
                            int t = j * NR + h;
                            pooledTile(sc, r * NR + h, MR * NR, b, y, yBase + (i + r) * yPlane + base + t, Math.min(L, tiles - t));
                        }
                    }
                }
            }
            return;
        }
        gemms(u, v, m, cin, coutPad, ld, tiles);
        for (int k = 0; k < cout; k++) {
            float b = bias == null ? 0f : bias[k];
            for (int r = 0; r < rows && ty0 + r < ph2; r++) {
                int at = yBase + k * yPlane + (ty0 + r) * pw2;
                for (int tx = 0; tx < pw2; tx += L) {
                    pooledTile(m, k * ld + r * tw + tx, coutPad * ld, b, y, at + tx, Math.min(L, pw2 - tx));
                }
            }
        }
    }

    /** 16 pooled outputs: max over each tile's 2x2 outputs of A^T M A + bias, then relu; {@code valid} of them stored. */
    private static void pooledTile(float[] m, int mo, int ms, float bias, float[] y, int at, int valid) {
        FloatVector m0 = FloatVector.fromArray(FS, m, mo), m1 = FloatVector.fromArray(FS, m, mo + 4 * ms);
        FloatVector m2 = FloatVector.fromArray(FS, m, mo + 8 * ms), m3 = FloatVector.fromArray(FS, m, mo + 12 * ms);
        FloatVector t00 = m0.add(m1).add(m2), t10 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(FS, m, mo + ms);
        m1 = FloatVector.fromArray(FS, m, mo + 5 * ms);
        m2 = FloatVector.fromArray(FS, m, mo + 9 * ms);
        m3 = FloatVector.fromArray(FS, m, mo + 13 * ms);
        FloatVector t01 = m0.add(m1).add(m2), t11 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(FS, m, mo + 2 * ms);
        m1 = FloatVector.fromArray(FS, m, mo + 6 * ms);
        m2 = FloatVector.fromArray(FS, m, mo + 10 * ms);
        m3 = FloatVector.fromArray(FS, m, mo + 14 * ms);
        FloatVector t02 = m0.add(m1).add(m2), t12 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(FS, m, mo + 3 * ms);
        m1 = FloatVector.fromArray(FS, m, mo + 7 * ms);
        m2 = FloatVector.fromArray(FS, m, mo + 11 * ms);
        m3 = FloatVector.fromArray(FS, m, mo + 15 * ms);
        FloatVector t03 = m0.add(m1).add(m2), t13 = m1.sub(m2).sub(m3);
        FloatVector y00 = t00.add(t01).add(t02).add(bias), y01 = t01.sub(t02).sub(t03).add(bias);
        FloatVector y10 = t10.add(t11).add(t12).add(bias), y11 = t11.sub(t12).sub(t13).add(bias);
        FloatVector pooled = y00.max(y01).max(y10.max(y11)).max(0f);
        if (valid == L) pooled.intoArray(y, at);
        else pooled.intoArray(y, at, FS.indexInRange(0, valid));
    }

    /** {@code nn4j.winograd=2} keeps every conv on F(2x2, 3x3) (smaller rounding errors than F(4x4, 3x3)). */
    static final boolean ONLY_F2 = "2".equals(System.getProperty("nn4j.winograd"));

    /**
     * The output tile size: F(4x4, 3x3) (2.25 multiplies per output and channel pair) for 32 or more input channels,
     * where its larger rounding errors stay well inside float32 tolerances relative to the sums' size, and outputs at
     * least 29 wide and 8 tall, where its transforms fill their vectors (narrower rows leave lanes idle and measured
     * slower than F(2x2)); F(2x2, 3x3) (4 per output) otherwise.
     */
    static int tileSize(ConvGeometry g) {
        return !ONLY_F2 && L == 16 && g.out()[1] >= 8 && g.out()[2] >= 29 && g.inChannels() >= 32 ? 4 : 2;
    }

    /**
     * {@code dx = conv_backward_input(dy, w)} for a geometry that {@link #supports}: the full correlation of dy with
     * the 180-degree rotated, channel-transposed kernel, i.e. a forward conv with padding {@code 2 - p}.
     */
    public static void backwardInput(float[] dy, float[] w, float[] dx, ConvGeometry g) {
        int[] pad = g.padding();
        ConvGeometry t = new ConvGeometry(g.batch(), g.outChannels(), g.inChannels(), 1, g.out().clone(), g.kernel().clone(),
                g.in().clone(), g.stride().clone(), new int[] {0, 2 - pad[1], 2 - pad[2]}, g.dilation().clone());
        int m = tileSize(t);
        float[][] u = m == 4 ? WinogradF4.transformFilters(w, g.outChannels(), g.inChannels(), true)
                : transformFilters(w, g.outChannels(), g.inChannels(), true);
        run(dy, u, null, dx, t, m);
    }

    /**
     * {@code dw = conv_backward_weight(x, dy)} for a geometry that {@link #supports}, as the adjoint of the forward:
     * {@code dU[xi][k][c] = sum over tiles of (A dY A^T)[xi][k][t] * V[xi][c][t]} (16 GEMMs over all tiles of all
     * samples, one partial sum per thread chunk, added in a fixed order), then {@code dw[k][c] = G^T dU[k][c] G}.
     */
    public static void backwardWeight(float[] x, float[] dy, float[] dw, ConvGeometry g) {
        int n = g.batch(), cin = g.inChannels(), cout = g.outChannels(), oh = g.out()[1], ow = g.out()[2];
        int th = (oh + 1) / 2, tw = (ow + 1) / 2;
        int rowsPerItem = rowsPerItem(n, th, tw, TILES_PER_ITEM, 1);
        int blocks = (th + rowsPerItem - 1) / rowsPerItem;
        // channel counts that fill the register tile: V is transposed to tile-major ([xi][t][c], 16 x 16 blocks in
        // registers) so that dU = W' V^T runs without packing; otherwise sgemm packs both operands
        boolean direct = Transpose16.AVAILABLE && cin % L == 0 && cout % MR == 0;
        java.util.TreeMap<Integer, float[]> partials = new java.util.TreeMap<>();
        Parallel.forRange(n * blocks, 1, (s, e) -> {
            float[] acc = new float[16 * cout * cin];
            for (int it = s; it < e; it++) {
                int sample = it / blocks, b = it % blocks;
                int ty0 = b * rowsPerItem, rows = Math.min(th, ty0 + rowsPerItem) - ty0, tiles = rows * tw;
                int ld = roundUp(tiles + L, NR);
                float[][] work = WORK.get();
                float[] v = buffer(work, 1, 16 * cin * ld), wq = buffer(work, 2, 16 * cout * ld);
                transformInput(x, g, sample, ty0, rows, tw, v, ld, work);
                transformGrad(dy, g, sample, ty0, rows, tw, wq, ld, work);
                if (direct) {
                    int tp = roundUp(tiles, L);
                    float[] vt = buffer(work, 3, 16 * tp * cin);
                    for (int xi = 0; xi < 16; xi++) {
                        for (int c0 = 0; c0 < cin; c0 += L) {
                            for (int t0 = 0; t0 < tiles; t0 += L) {
                                Transpose16.transpose(v, (xi * cin + c0) * ld + t0, ld, vt, (xi * tp + t0) * cin + c0, cin);
                            }
                        }
                        for (int k0 = 0; k0 < cout; k0 += MR) {
                            for (int c0 = 0; c0 < cin; c0 += NR) {
                                kernelWeight(tiles, wq, (xi * cout + k0) * ld, ld, vt, xi * tp * cin + c0, cin, acc,
                                        (xi * cout + k0) * cin + c0, cin - c0 >= NR);
                            }
                        }
                    }
                } else {
                    for (int xi = 0; xi < 16; xi++) {
                        Gemm.sgemm(false, true, cout, cin, tiles, 1f, wq, xi * cout * ld, ld, v, xi * cin * ld, ld, 1f, acc,
                                xi * cout * cin, cin);
                    }
                }
            }
            synchronized (partials) {
                partials.put(s, acc);
            }
        });
        float[] du = null;
        for (float[] p : partials.values()) {
            if (du == null) {
                du = p;
            } else {
                for (int i = 0; i < du.length; i++) du[i] += p[i];
            }
        }
        // dw = G^T dU G, G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]]
        int plane = cout * cin;
        float[] z = new float[12];
        for (int kc = 0; kc < plane; kc++) {
            int at = kc;
            for (int j = 0; j < 4; j++) {
                float s0 = du[j * plane + at], s1 = du[(4 + j) * plane + at], s2 = du[(8 + j) * plane + at], s3 = du[(12 + j) * plane + at];
                z[j] = s0 + 0.5f * (s1 + s2);
                z[4 + j] = 0.5f * (s1 - s2);
                z[8 + j] = 0.5f * (s1 + s2) + s3;
            }
            for (int a = 0; a < 3; a++) {
                float z0 = z[4 * a], z1 = z[4 * a + 1], z2 = z[4 * a + 2], z3 = z[4 * a + 3];
                dw[kc * 9 + 3 * a] = z0 + 0.5f * (z1 + z2);
                dw[kc * 9 + 3 * a + 1] = 0.5f * (z1 - z2);
                dw[kc * 9 + 3 * a + 2] = 0.5f * (z1 + z2) + z3;
            }
        }
    }

    /**
     * dU[xi][k0:k0+MR][c0:c0+NR] += W'[xi][k0:k0+MR][0:depth] * V^T[xi][0:depth][c0:c0+NR] (one vector when not
     * {@code wide}): A rows ({@code v} here) read in place {@code ld} apart, B rows ({@code w}) {@code ldw} apart, the
     * sums added into acc (rows {@code ldw} apart). 8 x 2 accumulators stay in registers over the whole depth.
     */
    private static void kernelWeight(int depth, float[] v, int vi, int ld, float[] w, int wi, int ldw, float[] acc, int ai,
                                     boolean wide) {
        if (!wide) {
            kernelWeightHalf(depth, v, vi, ld, w, wi, ldw, acc, ai);
            return;
        }
        FloatVector c00 = FloatVector.zero(FS), c01 = FloatVector.zero(FS);
        FloatVector c10 = FloatVector.zero(FS), c11 = FloatVector.zero(FS);
        FloatVector c20 = FloatVector.zero(FS), c21 = FloatVector.zero(FS);
        FloatVector c30 = FloatVector.zero(FS), c31 = FloatVector.zero(FS);
        FloatVector c40 = FloatVector.zero(FS), c41 = FloatVector.zero(FS);
        FloatVector c50 = FloatVector.zero(FS), c51 = FloatVector.zero(FS);
        FloatVector c60 = FloatVector.zero(FS), c61 = FloatVector.zero(FS);
        FloatVector c70 = FloatVector.zero(FS), c71 = FloatVector.zero(FS);
        for (int p = 0; p < depth; p++) {
            int bi = wi + p * ldw, a = vi + p;
            FloatVector b0 = FloatVector.fromArray(FS, w, bi), b1 = FloatVector.fromArray(FS, w, bi + L);
            FloatVector av = FloatVector.broadcast(FS, v[a]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(FS, v[a + ld]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(FS, v[a + 2 * ld]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(FS, v[a + 3 * ld]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(FS, v[a + 4 * ld]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(FS, v[a + 5 * ld]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(FS, v[a + 6 * ld]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(FS, v[a + 7 * ld]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        addInto(c00, acc, ai);
        addInto(c01, acc, ai + L);
        addInto(c10, acc, ai + ldw);
        addInto(c11, acc, ai + ldw + L);
        addInto(c20, acc, ai + 2 * ldw);
        addInto(c21, acc, ai + 2 * ldw + L);
        addInto(c30, acc, ai + 3 * ldw);
        addInto(c31, acc, ai + 3 * ldw + L);
        addInto(c40, acc, ai + 4 * ldw);
        addInto(c41, acc, ai + 4 * ldw + L);
        addInto(c50, acc, ai + 5 * ldw);
        addInto(c51, acc, ai + 5 * ldw + L);
        addInto(c60, acc, ai + 6 * ldw);
        addInto(c61, acc, ai + 6 * ldw + L);
        addInto(c70, acc, ai + 7 * ldw);
        addInto(c71, acc, ai + 7 * ldw + L);
    }

    private static void kernelWeightHalf(int depth, float[] v, int vi, int ld, float[] w, int wi, int ldw, float[] acc, int ai) {
        FloatVector c0 = FloatVector.zero(FS), c1 = FloatVector.zero(FS), c2 = FloatVector.zero(FS), c3 = FloatVector.zero(FS);
        FloatVector c4 = FloatVector.zero(FS), c5 = FloatVector.zero(FS), c6 = FloatVector.zero(FS), c7 = FloatVector.zero(FS);
        for (int p = 0; p < depth; p++) {
            int a = vi + p;
            FloatVector b = FloatVector.fromArray(FS, w, wi + p * ldw);
            c0 = FloatVector.broadcast(FS, v[a]).fma(b, c0);
            c1 = FloatVector.broadcast(FS, v[a + ld]).fma(b, c1);
            c2 = FloatVector.broadcast(FS, v[a + 2 * ld]).fma(b, c2);
            c3 = FloatVector.broadcast(FS, v[a + 3 * ld]).fma(b, c3);
            c4 = FloatVector.broadcast(FS, v[a + 4 * ld]).fma(b, c4);
            c5 = FloatVector.broadcast(FS, v[a + 5 * ld]).fma(b, c5);
            c6 = FloatVector.broadcast(FS, v[a + 6 * ld]).fma(b, c6);
            c7 = FloatVector.broadcast(FS, v[a + 7 * ld]).fma(b, c7);
        }
        addInto(c0, acc, ai);
        addInto(c1, acc, ai + ldw);
        addInto(c2, acc, ai + 2 * ldw);
        addInto(c3, acc, ai + 3 * ldw);
        addInto(c4, acc, ai + 4 * ldw);
        addInto(c5, acc, ai + 5 * ldw);
        addInto(c6, acc, ai + 6 * ldw);
        addInto(c7, acc, ai + 7 * ldw);
    }

    private static void addInto(FloatVector x, float[] a, int at) {
        x.add(FloatVector.fromArray(FS, a, at)).intoArray(a, at);
    }

    /**
     * W'[xi][k][t] = (A dY A^T)[xi] for the 2x2 output-gradient tiles of tile rows [ty0, ty0 + rows) of one sample
     * (zero past the output's edges), A = [[1, 0], [1, 1], [1, -1], [0, -1]].
     */
    private static void transformGrad(float[] dy, ConvGeometry g, int sample, int ty0, int rows, int tw, float[] wq, int ld,
                                      float[][] work) {
        int cout = g.outChannels(), oh = g.out()[1], ow = g.out()[2];
        int pr = 2 * rows, pc = 2 * ((tw - 1) / L * L) + 2 * L;
        float[] buf = buffer(work, 0, cout * pr * pc);
        int yBase = sample * cout * oh * ow;
        for (int k = 0; k < cout; k++) {
            for (int r = 0, o = k * pr * pc; r < pr; r++, o += pc) {
                int oy = 2 * ty0 + r;
                if (oy >= oh) {
                    Arrays.fill(buf, o, o + pc, 0f);
                } else {
                    System.arraycopy(dy, yBase + (k * oh + oy) * ow, buf, o, ow);
                    Arrays.fill(buf, o + ow, o + pc, 0f);
                }
            }
        }
        int ws = cout * ld;
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cout; k++) {
                for (int tx = 0; tx < tw; tx += L) {
                    int o = (k * pr + 2 * r) * pc + 2 * tx, wo = k * ld + r * tw + tx;
                    FloatVector a0 = FloatVector.fromArray(FS, buf, o), a1 = FloatVector.fromArray(FS, buf, o + L);
                    FloatVector b0 = FloatVector.fromArray(FS, buf, o + pc), b1 = FloatVector.fromArray(FS, buf, o + pc + L);
                    FloatVector d00 = EVEN.selectFrom(a0, a1), d01 = ODD.selectFrom(a0, a1);
                    FloatVector d10 = EVEN.selectFrom(b0, b1), d11 = ODD.selectFrom(b0, b1);
                    // A dY: rows (d0, d0 + d1, d0 - d1, -d1) per column j
                    FloatVector q00 = d00, q01 = d01, q10 = d00.add(d10), q11 = d01.add(d11);
                    FloatVector q20 = d00.sub(d10), q21 = d01.sub(d11), q30 = d10.neg(), q31 = d11.neg();
                    // (A dY) A^T: columns (q0, q0 + q1, q0 - q1, -q1); xi = 4 * row + column
                    // columns (q0, q0 + q1, q0 - q1, -q1) per row, stored in place (a helper would box the vectors)
                    q00.intoArray(wq, wo);
                    q00.add(q01).intoArray(wq, wo + ws);
                    q00.sub(q01).intoArray(wq, wo + 2 * ws);
                    q01.neg().intoArray(wq, wo + 3 * ws);
                    q10.intoArray(wq, wo + 4 * ws);
                    q10.add(q11).intoArray(wq, wo + 5 * ws);
                    q10.sub(q11).intoArray(wq, wo + 6 * ws);
                    q11.neg().intoArray(wq, wo + 7 * ws);
                    q20.intoArray(wq, wo + 8 * ws);
                    q20.add(q21).intoArray(wq, wo + 9 * ws);
                    q20.sub(q21).intoArray(wq, wo + 10 * ws);
                    q21.neg().intoArray(wq, wo + 11 * ws);
                    q30.intoArray(wq, wo + 12 * ws);
                    q30.add(q31).intoArray(wq, wo + 13 * ws);
                    q30.sub(q31).intoArray(wq, wo + 14 * ws);
                    q31.neg().intoArray(wq, wo + 15 * ws);
                }
            }
        }
    }

    /**
     * U[xi] = (G g G^T)[xi] packed as the A operand (C_out x C_in) of 16 GEMMs. With {@code backward}, the kernel
     * is read as its rotated transpose: element (o, c) of the new conv is w[c, o] rotated by 180 degrees.
     */
    static float[][] transformFilters(float[] w, int wOut, int wIn, boolean backward) {
        int co = backward ? wIn : wOut, ci = backward ? wOut : wIn;
        float[] u = new float[16 * co * ci];
        for (int o = 0; o < co; o++) {
            for (int c = 0; c < ci; c++) {
                int base = backward ? (c * wIn + o) * 9 : (o * wIn + c) * 9;
                float[] k = new float[9];
                for (int i = 0; i < 9; i++) k[i] = w[base + (backward ? 8 - i : i)];
                // G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]]; t = G k (4x3), then t G^T (4x4)
                float[] t = new float[12];
                for (int j = 0; j < 3; j++) {
                    float k0 = k[j], k1 = k[3 + j], k2 = k[6 + j];
                    t[j] = k0;
                    t[3 + j] = 0.5f * (k0 + k1 + k2);
                    t[6 + j] = 0.5f * (k0 - k1 + k2);
                    t[9 + j] = k2;
                }
                for (int i = 0; i < 4; i++) {
                    float t0 = t[3 * i], t1 = t[3 * i + 1], t2 = t[3 * i + 2];
                    float[] row = {t0, 0.5f * (t0 + t1 + t2), 0.5f * (t0 - t1 + t2), t2};
                    for (int j = 0; j < 4; j++) u[((4 * i + j) * co + o) * ci + c] = row[j];
                }
            }
        }
        float[][] packed = new float[16][];
        for (int xi = 0; xi < 16; xi++) {
            packed[xi] = new float[ConvGemm.packedASize(co, ci)];
            ConvGemm.packA(u, xi * co * ci, ci, 1, co, ci, packed[xi]);
        }
        return packed;
    }

    /** The forward conv with ts x ts output tiles (2 or 4), u the transformed filters. */
    private static void run(float[] x, float[][] u, float[] bias, float[] y, ConvGeometry g, int ts) {
        int n = g.batch(), oh = g.out()[1], ow = g.out()[2];
        int th = (oh + ts - 1) / ts, tw = (ow + ts - 1) / ts;
        // F(4x4) items: whole lane groups of tile rows, about a third of the tiles (V and M are 36 / 16 times larger)
        int group = ts == 4 ? WinogradF4.groupRows(tw) : 1, target = ts == 4 ? TILES_PER_ITEM_F4 : TILES_PER_ITEM;
        int rowsPerItem = rowsPerItem(n, th, tw, target, group);
        int blocks = (th + rowsPerItem - 1) / rowsPerItem;
        Parallel.forRange(n * blocks, 1, (s, e) -> {
            for (int it = s; it < e; it++) {
                int sample = it / blocks, b = it % blocks;
                int ty0 = b * rowsPerItem, ty1 = Math.min(th, ty0 + rowsPerItem);
                if (ts == 4) itemF4(x, u, bias, y, g, sample, ty0, ty1, tw);
                else item(x, u, bias, y, g, sample, ty0, ty1, tw);
            }
        });
    }

    /** Tile rows [ty0, ty1) of one sample with F(4x4, 3x3). */
    private static void itemF4(float[] x, float[][] u, float[] bias, float[] y, ConvGeometry g, int sample, int ty0, int ty1, int tw) {
        int cin = g.inChannels(), cout = g.outChannels(), h = g.in()[1], w = g.in()[2], oh = g.out()[1], ow = g.out()[2];
        int ph = g.padding()[1], pw = g.padding()[2];
        int rows = ty1 - ty0, tiles = rows * tw, group = WinogradF4.groupRows(tw);
        int ld = roundUp(tiles + L, NR), coutPad = roundUp(cout, MR);
        float[][] work = WORK.get();
        float[] v = buffer(work, 1, 36 * cin * ld), m = buffer(work, 2, 36 * coutPad * ld), scratch = buffer(work, 3, 36 * L);
        // zero-padded input rows: 4 per tile row of whole groups + 2, and the columns the group's vectors read
        int groups = (rows + group - 1) / group, last = (tw - 1) / L * L;
        int pr = 4 * groups * group + 2, pc = roundUp(group > 1 ? 4 * L / group + 4 : 4 * last + 4 * L + 4, L);
        float[] img = buffer(work, 0, cin * pr * pc);
        padRows(x, sample * cin * h * w, cin, h, w, 4 * ty0 - ph, pw, img, pr, pc);
        for (int r = 0; r < rows; r += group) {
            for (int c = 0; c < cin; c++) {
                for (int tx = 0; tx < tw; tx += L) {
                    WinogradF4.inputTile(img, (c * pr + 4 * r) * pc + 4 * tx, pc, group, v, c * ld + r * tw + tx, cin * ld, scratch);
                }
            }
        }
        gemms(u, v, m, cin, coutPad, ld, tiles);
        int yBase = sample * cout * oh * ow;
        for (int r = 0; r < rows; r += group) {
            int oy = 4 * (ty0 + r), validRows = Math.min(oh - oy, 4 * (rows - r));
            for (int k = 0; k < cout; k++) {
                float b = bias == null ? 0f : bias[k];
                for (int tx = 0; tx < tw; tx += L) {
                    WinogradF4.outputTile(m, k * ld + r * tw + tx, coutPad * ld, group, b, y,
                            yBase + (k * oh + oy) * ow + 4 * tx, ow, validRows, ow - 4 * tx, scratch);
                }
            }
        }
    }

    /**
     * Rows [iy0, iy0 + pr) of each of the {@code channels} input planes at {@code xBase}, zero-padded: padded column j
     * holds input column j - pw, whole vectors of {@code pc} columns (masked loads read zero outside the input).
     */
    private static void padRows(float[] x, int xBase, int channels, int h, int w, int iy0, int pw, float[] img, int pr, int pc) {
        FloatVector zero = FloatVector.zero(FS);
        for (int c = 0; c < channels; c++) {
            for (int r = 0, o = c * pr * pc; r < pr; r++, o += pc) {
                int iy = iy0 + r;
                if (iy < 0 || iy >= h) {
                    for (int j = 0; j < pc; j += L) zero.intoArray(img, o + j);
                } else {
                    int src = xBase + (c * h + iy) * w - pw;
                    for (int j = 0; j < pc; j += L) {
                        FloatVector.fromArray(FS, x, src + j, FS.indexInRange(j - pw, w)).intoArray(img, o + j);
                    }
                }
            }
        }
    }

    /**
     * V[xi][c][t] = (B^T d B)[xi] for the input patches of tile rows [ty0, ty0 + rows) of one sample, t counted from
     * the first tile of the block, rows {@code ld} apart.
     */
    private static void transformInput(float[] x, ConvGeometry g, int sample, int ty0, int rows, int tw, float[] v, int ld,
                                       float[][] work) {
        int cin = g.inChannels(), h = g.in()[1], w = g.in()[2], ph = g.padding()[1], pw = g.padding()[2];
        int last = (tw - 1) / L * L, xBase = sample * cin * h * w;
        int lastRead = xBase + ((cin - 1) * h + 2 * (ty0 + rows - 1) + 3) * w + 2 * last + 2 + 2 * L;
        if (ph == 0 && pw == 0 && 2 * (ty0 + rows) + 2 <= h && lastRead <= x.length) {
            // no padding: the tile vectors read the input rows in place (lanes past a row's tiles read the next row and
            // are dropped), every read inside the array
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cin; c++) {
                    int row = xBase + (c * h + 2 * (ty0 + r)) * w;
                    for (int tx = 0; tx < tw; tx += L) inputTile(x, row + 2 * tx, w, v, c * ld + r * tw + tx, cin * ld);
                }
            }
            return;
        }
        // zero-padded input rows of the block: 2 * rows + 2 rows, and the columns the tile vectors read (whole vectors)
        int pr = 2 * rows + 2, pc = roundUp(Math.max(2 * tw + 2, 2 * last + 2 + 2 * L), L);
        float[] img = buffer(work, 0, cin * pr * pc);
        padRows(x, xBase, cin, h, w, 2 * ty0 - ph, pw, img, pr, pc);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cin; c++) {
                for (int tx = 0; tx < tw; tx += L) inputTile(img, (c * pr + 2 * r) * pc + 2 * tx, pc, v, c * ld + r * tw + tx, cin * ld);
            }
        }
    }

    /** Tile rows [ty0, ty1) of one sample. */
    private static void item(float[] x, float[][] u, float[] bias, float[] y, ConvGeometry g, int sample, int ty0, int ty1, int tw) {
        int cin = g.inChannels(), cout = g.outChannels(), h = g.in()[1], w = g.in()[2], oh = g.out()[1], ow = g.out()[2];
        int ph = g.padding()[1], pw = g.padding()[2];
        int rows = ty1 - ty0, tiles = rows * tw;
        // V and M rows hold whole NR-column panels plus the lanes a tile row's last vector spills over
        int ld = roundUp(tiles + L, NR), coutPad = roundUp(cout, MR);
        float[][] work = WORK.get();
        float[] v = buffer(work, 1, 16 * cin * ld), m = buffer(work, 2, 16 * coutPad * ld);
        transformInput(x, g, sample, ty0, rows, tw, v, ld, work);
        gemms(u, v, m, cin, coutPad, ld, tiles);
        int yPlane = oh * ow, yBase = sample * cout * yPlane;
        int rowEnd = Math.min(oh, 2 * ty1);
        float[] tmp = new float[2 * L];
        for (int k = 0; k < cout; k++) {
            float b = bias == null ? 0f : bias[k];
            int limit = yBase + k * yPlane + rowEnd * ow;   // this item's rows of plane k end here
            for (int r = 0; r < rows; r++) {
                int oy = 2 * (ty0 + r);
                // last chunk first: its extra lanes spill into the next output row, which chunk 0 then overwrites
                for (int tx = (tw - 1) / L * L; tx >= 0; tx -= L) {
                    outputTile(m, k * ld + r * tw + tx, coutPad * ld, b, y, yBase + (k * oh + oy) * ow + 2 * tx,
                            oy + 1 < oh ? ow : -1, Math.min(2 * L, ow - 2 * tx), limit, tmp);
                }
            }
        }
    }

    /** M[xi] = U[xi] * V[xi] for every xi < u.length, over the first {@code tiles} columns (a last half panel: one vector). */
    private static void gemms(float[][] u, float[] v, float[] m, int cin, int coutPad, int ld, int tiles) {
        int full = tiles / NR, half = tiles - full * NR > L ? 0 : tiles - full * NR > 0 ? 1 : 0;
        int panels = half == 1 ? full : (tiles + NR - 1) / NR;
        for (int xi = 0; xi < u.length; xi++) {
            float[] ap = u[xi];
            int vb = xi * cin * ld, mb = xi * coutPad * ld;
            for (int j = 0; j < panels; j++) {
                for (int i = 0; i < coutPad; i += MR) kernel(cin, ap, i * cin, v, vb + j * NR, ld, m, mb + i * ld + j * NR, ld);
            }
            if (half == 1) {
                for (int i = 0; i < coutPad; i += MR) kernelHalf(cin, ap, i * cin, v, vb + full * NR, ld, m, mb + i * ld + full * NR, ld);
            }
        }
    }

    /** {@link #kernel} for a panel of one vector (the last L or fewer columns). */
    private static void kernelHalf(int depth, float[] ap, int ai, float[] v, int vi, int ld, float[] m, int mi, int ldm) {
        FloatVector c0 = FloatVector.zero(FS), c1 = FloatVector.zero(FS), c2 = FloatVector.zero(FS), c3 = FloatVector.zero(FS);
        FloatVector c4 = FloatVector.zero(FS), c5 = FloatVector.zero(FS), c6 = FloatVector.zero(FS), c7 = FloatVector.zero(FS);
        for (int p = 0; p < depth; p++) {
            int a = ai + p * MR;
            FloatVector b = FloatVector.fromArray(FS, v, vi + p * ld);
            c0 = FloatVector.broadcast(FS, ap[a]).fma(b, c0);
            c1 = FloatVector.broadcast(FS, ap[a + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(FS, ap[a + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(FS, ap[a + 3]).fma(b, c3);
            c4 = FloatVector.broadcast(FS, ap[a + 4]).fma(b, c4);
            c5 = FloatVector.broadcast(FS, ap[a + 5]).fma(b, c5);
            c6 = FloatVector.broadcast(FS, ap[a + 6]).fma(b, c6);
            c7 = FloatVector.broadcast(FS, ap[a + 7]).fma(b, c7);
        }
        c0.intoArray(m, mi);
        c1.intoArray(m, mi + ldm);
        c2.intoArray(m, mi + 2 * ldm);
        c3.intoArray(m, mi + 3 * ldm);
        c4.intoArray(m, mi + 4 * ldm);
        c5.intoArray(m, mi + 5 * ldm);
        c6.intoArray(m, mi + 6 * ldm);
        c7.intoArray(m, mi + 7 * ldm);
    }

    /**
     * M[i0:i0+MR, j0:j0+NR] = U[i0:i0+MR, :] * V[:, j0:j0+NR] for one xi: U packed in MR-row panels (element (r, p)
     * at {@code ap[ai + p * MR + r]}), V read in place, row p at {@code v[vi + p * ld]}, M rows {@code ld} apart.
     * 8 x 2 accumulators stay in registers.
     */
    private static void kernel(int depth, float[] ap, int ai, float[] v, int vi, int ld, float[] m, int mi, int ldm) {
        FloatVector c00 = FloatVector.zero(FS), c01 = FloatVector.zero(FS);
        FloatVector c10 = FloatVector.zero(FS), c11 = FloatVector.zero(FS);
        FloatVector c20 = FloatVector.zero(FS), c21 = FloatVector.zero(FS);
        FloatVector c30 = FloatVector.zero(FS), c31 = FloatVector.zero(FS);
        FloatVector c40 = FloatVector.zero(FS), c41 = FloatVector.zero(FS);
        FloatVector c50 = FloatVector.zero(FS), c51 = FloatVector.zero(FS);
        FloatVector c60 = FloatVector.zero(FS), c61 = FloatVector.zero(FS);
        FloatVector c70 = FloatVector.zero(FS), c71 = FloatVector.zero(FS);
        for (int p = 0; p < depth; p++) {
            int bi = vi + p * ld, a = ai + p * MR;
            FloatVector b0 = FloatVector.fromArray(FS, v, bi), b1 = FloatVector.fromArray(FS, v, bi + L);
            FloatVector av = FloatVector.broadcast(FS, ap[a]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(FS, ap[a + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(FS, ap[a + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(FS, ap[a + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(FS, ap[a + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(FS, ap[a + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(FS, ap[a + 6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(FS, ap[a + 7]);
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

    /** V[xi] at {@code v[vo + xi * vs + t]} for 16 tiles t along a tile row; the patch rows start at {@code img[io]}. */
    private static void inputTile(float[] img, int io, int pc, float[] v, int vo, int vs) {
        // d B for each patch row i: columns (d0 - d2, d1 + d2, d2 - d1, d1 - d3), over 16 tiles at once
        FloatVector a0 = FloatVector.fromArray(FS, img, io), a1 = FloatVector.fromArray(FS, img, io + L);
        FloatVector b0 = FloatVector.fromArray(FS, img, io + 2), b1 = FloatVector.fromArray(FS, img, io + 2 + L);
        FloatVector d0 = EVEN.selectFrom(a0, a1), d1 = ODD.selectFrom(a0, a1), d2 = EVEN.selectFrom(b0, b1), d3 = ODD.selectFrom(b0, b1);
        FloatVector s00 = d0.sub(d2), s01 = d1.add(d2), s02 = d2.sub(d1), s03 = d1.sub(d3);
        io += pc;
        a0 = FloatVector.fromArray(FS, img, io);
        a1 = FloatVector.fromArray(FS, img, io + L);
        b0 = FloatVector.fromArray(FS, img, io + 2);
        b1 = FloatVector.fromArray(FS, img, io + 2 + L);
        d0 = EVEN.selectFrom(a0, a1);
        d1 = ODD.selectFrom(a0, a1);
        d2 = EVEN.selectFrom(b0, b1);
        d3 = ODD.selectFrom(b0, b1);
        FloatVector s10 = d0.sub(d2), s11 = d1.add(d2), s12 = d2.sub(d1), s13 = d1.sub(d3);
        io += pc;
        a0 = FloatVector.fromArray(FS, img, io);
        a1 = FloatVector.fromArray(FS, img, io + L);
        b0 = FloatVector.fromArray(FS, img, io + 2);
        b1 = FloatVector.fromArray(FS, img, io + 2 + L);
        d0 = EVEN.selectFrom(a0, a1);
        d1 = ODD.selectFrom(a0, a1);
        d2 = EVEN.selectFrom(b0, b1);
        d3 = ODD.selectFrom(b0, b1);
        FloatVector s20 = d0.sub(d2), s21 = d1.add(d2), s22 = d2.sub(d1), s23 = d1.sub(d3);
        io += pc;
        a0 = FloatVector.fromArray(FS, img, io);
        a1 = FloatVector.fromArray(FS, img, io + L);
        b0 = FloatVector.fromArray(FS, img, io + 2);
        b1 = FloatVector.fromArray(FS, img, io + 2 + L);
        d0 = EVEN.selectFrom(a0, a1);
        d1 = ODD.selectFrom(a0, a1);
        d2 = EVEN.selectFrom(b0, b1);
        d3 = ODD.selectFrom(b0, b1);
        FloatVector s30 = d0.sub(d2), s31 = d1.add(d2), s32 = d2.sub(d1), s33 = d1.sub(d3);
        // B^T (d B): rows (s0 - s2, s1 + s2, s2 - s1, s1 - s3); xi = 4 * row + column
        s00.sub(s20).intoArray(v, vo);
        s01.sub(s21).intoArray(v, vo + vs);
        s02.sub(s22).intoArray(v, vo + 2 * vs);
        s03.sub(s23).intoArray(v, vo + 3 * vs);
        s10.add(s20).intoArray(v, vo + 4 * vs);
        s11.add(s21).intoArray(v, vo + 5 * vs);
        s12.add(s22).intoArray(v, vo + 6 * vs);
        s13.add(s23).intoArray(v, vo + 7 * vs);
        s20.sub(s10).intoArray(v, vo + 8 * vs);
        s21.sub(s11).intoArray(v, vo + 9 * vs);
        s22.sub(s12).intoArray(v, vo + 10 * vs);
        s23.sub(s13).intoArray(v, vo + 11 * vs);
        s10.sub(s30).intoArray(v, vo + 12 * vs);
        s11.sub(s31).intoArray(v, vo + 13 * vs);
        s12.sub(s32).intoArray(v, vo + 14 * vs);
        s13.sub(s33).intoArray(v, vo + 15 * vs);
    }

    /**
     * Y = A^T M A + bias for 16 tiles along a tile row, A^T = [[1, 1, 1, 0], [0, 1, -1, -1]]: the two output rows
     * at {@code y[yo]} and {@code y[yo + ld1]} ({@code ld1 < 0}: the second row is past the output), {@code valid}
     * columns of each. Whole vectors are stored when the extra lanes land before {@code limit} (on rows this item
     * writes later); the rest goes through {@code tmp}.
     */
    private static void outputTile(float[] m, int mo, int ms, float bias, float[] y, int yo, int ld1, int valid, int limit,
                                   float[] tmp) {
        // A^T M: row 0 = M0 + M1 + M2, row 1 = M1 - M2 - M3 (Mi = row i of the 4x4 tile, one vector per column)
        FloatVector t00, t01, t02, t03, t10, t11, t12, t13;
        FloatVector m0 = FloatVector.fromArray(FS, m, mo), m1 = FloatVector.fromArray(FS, m, mo + 4 * ms);
        FloatVector m2 = FloatVector.fromArray(FS, m, mo + 8 * ms), m3 = FloatVector.fromArray(FS, m, mo + 12 * ms);
        t00 = m0.add(m1).add(m2);
        t10 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(FS, m, mo + ms);
        m1 = FloatVector.fromArray(FS, m, mo + 5 * ms);
        m2 = FloatVector.fromArray(FS, m, mo + 9 * ms);
        m3 = FloatVector.fromArray(FS, m, mo + 13 * ms);
        t01 = m0.add(m1).add(m2);
        t11 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(FS, m, mo + 2 * ms);
        m1 = FloatVector.fromArray(FS, m, mo + 6 * ms);
        m2 = FloatVector.fromArray(FS, m, mo + 10 * ms);
        m3 = FloatVector.fromArray(FS, m, mo + 14 * ms);
        t02 = m0.add(m1).add(m2);
        t12 = m1.sub(m2).sub(m3);
        m0 = FloatVector.fromArray(FS, m, mo + 3 * ms);
        m1 = FloatVector.fromArray(FS, m, mo + 7 * ms);
        m2 = FloatVector.fromArray(FS, m, mo + 11 * ms);
        m3 = FloatVector.fromArray(FS, m, mo + 15 * ms);
        t03 = m0.add(m1).add(m2);
        t13 = m1.sub(m2).sub(m3);
        // (A^T M) A: even column = t0 + t1 + t2, odd column = t1 - t2 - t3; interleaved into output columns
        // rows interleaved in place (a helper taking the vectors would box them unless inlined)
        FloatVector e0 = t00.add(t01).add(t02).add(bias), o0 = t01.sub(t02).sub(t03).add(bias);
        FloatVector lo = ZIP_LO.selectFrom(e0, o0), hi = ZIP_HI.selectFrom(e0, o0);
        if (yo + 2 * L <= limit) {
            lo.intoArray(y, yo);
            hi.intoArray(y, yo + L);
        } else {
            lo.intoArray(tmp, 0);
            hi.intoArray(tmp, L);
            System.arraycopy(tmp, 0, y, yo, valid);
        }
        if (ld1 < 0) return;
        FloatVector e1 = t10.add(t11).add(t12).add(bias), o1 = t11.sub(t12).sub(t13).add(bias);
        lo = ZIP_LO.selectFrom(e1, o1);
        hi = ZIP_HI.selectFrom(e1, o1);
        int at = yo + ld1;
        if (at + 2 * L <= limit) {
            lo.intoArray(y, at);
            hi.intoArray(y, at + L);
        } else {
            lo.intoArray(tmp, 0);
            hi.intoArray(tmp, L);
            System.arraycopy(tmp, 0, y, at, valid);
        }
    }

    /**
     * Tile rows per work item: about {@code target} tiles, a multiple of {@code group}, the rows split evenly over the
     * items of a sample, and at least two items per thread over the batch.
     */
    private static int rowsPerItem(int batch, int th, int tw, int target, int group) {
        int rows = Math.max(group, Math.min(th, Math.round((float) target / tw / group) * group));
        int blocks = Math.max((th + rows - 1) / rows, (2 * Parallel.numThreads() + batch - 1) / batch);
        return Math.max(group, roundUp((th + blocks - 1) / blocks, group));
    }

    private static int roundUp(int a, int b) {
        return (a + b - 1) / b * b;
    }

    private static float[] buffer(float[][] work, int slot, int size) {
        if (work[slot].length < size) work[slot] = new float[size];
        return work[slot];
    }
}
