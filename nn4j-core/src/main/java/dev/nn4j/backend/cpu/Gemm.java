package dev.nn4j.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Row-major GEMM, BLAS-style: {@code C[m x n] = alpha * op(A) * op(B) + beta * C}.
 * <p>
 * {@code op(A)} is {@code m x k}: element {@code (i,p)} is {@code a[offA + i*lda + p]}, or
 * {@code a[offA + p*lda + i]} when {@code transA}. {@code op(B)} is {@code k x n}, laid out the same way with
 * {@code ldb}. {@code C(i,j)} is {@code c[offC + i*ldc + j]}. When {@code beta == 0}, C is overwritten and never
 * read, so garbage (NaN) in it is ignored.
 * <p>
 * Three paths, chosen by shape:
 * <ul>
 * <li><b>Packed</b> (the general case): Goto/BLIS-style. B is packed into {@code KC x NR} column panels, A (times
 * alpha) into {@code MR x KC} row panels, both zero-padded, so transposes and edges cost nothing in the
 * micro-kernel: an {@code MR x NR} = 6 x 2-vector register tile that accumulates with {@code fma}. C is split over
 * {@link Parallel} threads along M or N. On the 2-core Zen 4 it was tuned on: ~105 GFLOPS per core on 1024^3.
 * <li><b>Skinny</b> (C has at most {@code SKINNY} = 16 rows or columns: matrix-vector products, small-batch linear
 * layers, classifier heads): the big matrix is streamed once, unpacked, through dot-product or row-update
 * kernels; these shapes are bound by memory bandwidth.
 * <li><b>Small</b> (under 32^3 multiply-adds): direct loops, no packing.
 * </ul>
 * Packing buffers are per thread and kept between calls (at most {@code KC * MC} floats for A and
 * {@code B_BLOCK} = 4 MiB for B), so a training loop does not allocate per call. {@link GemmReference} is the
 * scalar twin: the test oracle, and the whole implementation when {@link #USE_VECTOR_API} is false. {@code dgemm}
 * has the packed and small paths with {@code DoubleVector}.
 */
public final class Gemm {
    /** System property {@code nn4j.vector} (default true); false forces the scalar twin. */
    public static final boolean USE_VECTOR_API = Boolean.parseBoolean(System.getProperty("nn4j.vector", "true"));

    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();
    /** Register tile: MR rows x NR columns (NR = 2 vectors). */
    static final int MR = 6;
    static final int NR = 2 * FL;
    /**
     * Cache blocks. KC is the most depth steps per packed block (k is split into equal blocks of at most KC),
     * MC the rows of packed A per block, and B_BLOCK the most floats of packed B (kc x nc) per block. A deep KC
     * measured best on Zen 4 (1 MiB L2): the kernel streams B panels from L2 at full speed, C is read and written
     * once per depth block, and packing A reads whole rows instead of short strips of them; 1280 keeps common
     * conv depths (576, 1152) in one block. 256 costs 5-15% on 1024^3 and tall im2col shapes.
     */
    static final int KC = Integer.getInteger("nn4j.gemm.kc", 1280);
    static final int MC = roundUp(Integer.getInteger("nn4j.gemm.mc", 96), MR);
    static final int B_BLOCK = Integer.getInteger("nn4j.gemm.bblock", 1 << 20);
    /** Below this many multiply-adds, packing costs more than it saves. */
    private static final long SMALL_WORK = 32L * 32 * 32;
    /** Minimum multiply-adds per thread before splitting work. */
    private static final long MIN_WORK_PER_THREAD = 64L * 64 * 64;

    /** Per-thread buffers, kept between calls: packed A, packed B (or skinny-path scratch), and the C tile. */
    private static final ThreadLocal<float[][]> F_WORK =
            ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0], new float[MR * NR]});

    private Gemm() {}

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in float32; see the class comment for the layout.
     *
     * @throws IllegalArgumentException for negative sizes or leading dimensions that are too small
     * @throws IndexOutOfBoundsException when a matrix does not fit in its array
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                             float[] a, int offA, int lda, float[] b, int offB, int ldb,
                             float beta, float[] c, int offC, int ldc) {
        checkArgs("sgemm", transA, transB, m, n, k, a.length, offA, lda, b.length, offB, ldb, c.length, offC, ldc);
        if (m == 0 || n == 0) return;
        if (!USE_VECTOR_API) {
            GemmReference.sgemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        if (k == 0 || alpha == 0f) {
            scaleC(m, n, beta, c, offC, ldc);
            return;
        }
        long work = (long) m * n * k;
        if ((m <= SKINNY || n <= SKINNY)
                && sgemmSkinny(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc)) {
            return;
        }
        if (work < SMALL_WORK) {
            sgemmSmall(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        forBlocks(m, n, work, MR, NR, (i0, i1, j0, j1) -> sgemmBlocked(transA, transB, i0, i1, j0, j1, k,
                alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc));
    }

    /** A rectangle of C, rows [i0, i1) x columns [j0, j1), computed by one thread. */
    @FunctionalInterface
    private interface BlockBody {
        void run(int i0, int i1, int j0, int j1);
    }

    /**
     * Splits C over {@link Parallel} threads along M or N, on tile boundaries. Splitting M makes every thread
     * pack all of B (k x n) and splitting N makes every thread pack all of A (m x k), so split the larger side.
     */
    private static void forBlocks(int m, int n, long work, int mr, int nr, BlockBody body) {
        int mTiles = ceilDiv(m, mr), nTiles = ceilDiv(n, nr);
        int threads = (int) Math.min(Parallel.numThreads(), Math.max(1, work / MIN_WORK_PER_THREAD));
        boolean splitM = m >= n ? mTiles >= threads || mTiles >= nTiles : nTiles < threads && mTiles > nTiles;
        int tiles = splitM ? mTiles : nTiles;
        int chunks = Math.min(threads, tiles);
        if (chunks <= 1) {
            body.run(0, m, 0, n);
            return;
        }
        Parallel.forRange(chunks, 1, (s, e) -> {
            for (int t = s; t < e; t++) {
                int lo = (int) ((long) tiles * t / chunks), hi = (int) ((long) tiles * (t + 1) / chunks);
                if (splitM) {
                    body.run(lo * mr, Math.min(m, hi * mr), 0, n);
                } else {
                    body.run(0, m, lo * nr, Math.min(n, hi * nr));
                }
            }
        });
    }

    // ---- float32: packed, blocked path -------------------------------------------------------------------

    /** Computes the C block rows [i0, i1) x columns [j0, j1) on the calling thread. */
    private static void sgemmBlocked(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                                     float alpha, float[] a, int offA, int lda, float[] b, int offB, int ldb,
                                     float beta, float[] c, int offC, int ldc) {
        int kBlocks = ceilDiv(k, KC);
        int kcMax = ceilDiv(k, kBlocks);
        // Equal blocks: columns so that kc x nc fits B_BLOCK, rows of at most MC, so no block is a sliver.
        int ncStep = blockStep(j1 - j0, Math.max(NR, B_BLOCK / kcMax / NR * NR), NR);
        int mcStep = blockStep(i1 - i0, MC, MR);
        float[][] work = F_WORK.get();
        if (work[0].length < kcMax * mcStep) work[0] = new float[kcMax * mcStep];
        if (work[1].length < kcMax * ncStep) work[1] = new float[kcMax * ncStep];
        float[] ap = work[0], bp = work[1], tile = work[2];
        for (int jc = j0; jc < j1; jc += ncStep) {
            int nc = Math.min(ncStep, j1 - jc);
            for (int kb = 0; kb < kBlocks; kb++) {
                int pc = (int) ((long) k * kb / kBlocks);
                int kc = (int) ((long) k * (kb + 1) / kBlocks) - pc;
                packB(transB, b, offB, ldb, pc, kc, jc, nc, bp);
                // The first depth block applies beta; later ones accumulate.
                int mode = kb > 0 || beta == 1f ? ADD : beta == 0f ? SET : SCALE;
                for (int ic = i0; ic < i1; ic += mcStep) {
                    int mc = Math.min(mcStep, i1 - ic);
                    packA(transA, a, offA, lda, ic, mc, pc, kc, alpha, ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            kernel6x2(kc, ap, ir * kc, bp, jr * kc, tile);
                            updateC(tile, c, offC + (ic + ir) * ldc + jc + jr, ldc, Math.min(MR, mc - ir), nr,
                                    beta, mode);
                        }
                    }
                }
            }
        }
    }

    /** Packs alpha * op(A)[ic:ic+mc, pc:pc+kc] into MR-row panels: ap[ir*kc + p*MR + r], zero-padded. */
    private static void packA(boolean transA, float[] a, int offA, int lda, int ic, int mc, int pc, int kc,
                              float alpha, float[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = ir * kc;
            if (!transA && mr == MR) {
                // Six sequential read streams, one sequential write stream.
                int s0 = offA + (ic + ir) * lda + pc, s1 = s0 + lda, s2 = s1 + lda, s3 = s2 + lda, s4 = s3 + lda,
                        s5 = s4 + lda;
                for (int p = 0; p < kc; p++, dst += MR) {
                    ap[dst] = alpha * a[s0 + p];
                    ap[dst + 1] = alpha * a[s1 + p];
                    ap[dst + 2] = alpha * a[s2 + p];
                    ap[dst + 3] = alpha * a[s3 + p];
                    ap[dst + 4] = alpha * a[s4 + p];
                    ap[dst + 5] = alpha * a[s5 + p];
                }
            } else if (!transA) {
                for (int r = 0; r < MR; r++) {
                    if (r < mr) {
                        int src = offA + (ic + ir + r) * lda + pc;
                        for (int p = 0; p < kc; p++) ap[dst + p * MR + r] = alpha * a[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) ap[dst + p * MR + r] = 0f;
                    }
                }
            } else if (mr < MR) {
                int src = offA + pc * lda + ic + ir;
                for (int p = 0; p < kc; p++, src += lda, dst += MR) {
                    int r = 0;
                    for (; r < mr; r++) ap[dst + r] = alpha * a[src + r];
                    for (; r < MR; r++) ap[dst + r] = 0f;
                }
            }
        }
        if (transA) {
            // Full panels: read each stored row of A (a column of op(A)) once, contiguously across the block.
            int full = mc / MR * MR;
            for (int p = 0; p < kc; p++) {
                int src = offA + (pc + p) * lda + ic;
                for (int ir = 0, dst = p * MR; ir < full; ir += MR, dst += MR * kc) {
                    for (int r = 0; r < MR; r++) ap[dst + r] = alpha * a[src + ir + r];
                }
            }
        }
    }

    /** Packs op(B)[pc:pc+kc, jc:jc+nc] into NR-column panels: bp[jr*kc + p*NR + col], zero-padded. */
    private static void packB(boolean transB, float[] b, int offB, int ldb, int pc, int kc, int jc, int nc,
                              float[] bp) {
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            int dst = jr * kc;
            if (!transB) {
                int src = offB + pc * ldb + jc + jr;
                if (nr == NR) {
                    for (int p = 0; p < kc; p++, src += ldb, dst += NR) {
                        FloatVector.fromArray(FS, b, src).intoArray(bp, dst);
                        FloatVector.fromArray(FS, b, src + FL).intoArray(bp, dst + FL);
                    }
                } else {
                    for (int p = 0; p < kc; p++, src += ldb, dst += NR) {
                        int col = 0;
                        for (; col < nr; col++) bp[dst + col] = b[src + col];
                        for (; col < NR; col++) bp[dst + col] = 0f;
                    }
                }
            } else if (FL == 16 && nr == NR) {
                // Full panel: 16x16 register transposes, one per 16 columns x 16 depth steps.
                int p = 0;
                for (; p + 16 <= kc; p += 16) {
                    for (int h = 0; h < NR; h += 16) {
                        transpose16(b, offB + (jc + jr + h) * ldb + pc + p, ldb, bp, dst + p * NR + h, NR);
                    }
                }
                for (int col = 0; col < NR; col++) {
                    int src = offB + (jc + jr + col) * ldb + pc;
                    for (int q = p; q < kc; q++) bp[dst + q * NR + col] = b[src + q];
                }
            } else {
                for (int col = 0; col < NR; col++) {
                    if (col < nr) {
                        int src = offB + (jc + jr + col) * ldb + pc;
                        for (int p = 0; p < kc; p++) bp[dst + p * NR + col] = b[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) bp[dst + p * NR + col] = 0f;
                    }
                }
            }
        }
    }

    /** Index vectors for the 4 butterfly stages of {@link #transpose16}: lanes from the concatenation (x, y). */
    private static final FloatVector[] T16_LO = new FloatVector[4], T16_HI = new FloatVector[4];

    static {
        if (FL == 16) {
            for (int t = 0; t < 4; t++) {
                int s = 8 >> t;
                float[] lo = new float[16], hi = new float[16];
                for (int l = 0; l < 16; l++) {
                    lo[l] = (l & s) == 0 ? l : 16 + l - s;
                    hi[l] = (l & s) == 0 ? l + s : 16 + l;
                }
                T16_LO[t] = FloatVector.fromArray(FS, lo, 0);
                T16_HI[t] = FloatVector.fromArray(FS, hi, 0);
            }
        }
    }

    /**
     * dst[dOff + i*ds + j] = src[sOff + j*ss + i] for a 16x16 block (FL == 16 only): four stages that swap the
     * off-diagonal 8x8, 4x4, 2x2 and 1x1 sub-blocks of row pairs with two-vector permutes.
     */
    private static void transpose16(float[] src, int sOff, int ss, float[] dst, int dOff, int ds) {
        FloatVector v0 = FloatVector.fromArray(FS, src, sOff);
        FloatVector v1 = FloatVector.fromArray(FS, src, sOff + ss);
        FloatVector v2 = FloatVector.fromArray(FS, src, sOff + 2 * ss);
        FloatVector v3 = FloatVector.fromArray(FS, src, sOff + 3 * ss);
        FloatVector v4 = FloatVector.fromArray(FS, src, sOff + 4 * ss);
        FloatVector v5 = FloatVector.fromArray(FS, src, sOff + 5 * ss);
        FloatVector v6 = FloatVector.fromArray(FS, src, sOff + 6 * ss);
        FloatVector v7 = FloatVector.fromArray(FS, src, sOff + 7 * ss);
        FloatVector v8 = FloatVector.fromArray(FS, src, sOff + 8 * ss);
        FloatVector v9 = FloatVector.fromArray(FS, src, sOff + 9 * ss);
        FloatVector v10 = FloatVector.fromArray(FS, src, sOff + 10 * ss);
        FloatVector v11 = FloatVector.fromArray(FS, src, sOff + 11 * ss);
        FloatVector v12 = FloatVector.fromArray(FS, src, sOff + 12 * ss);
        FloatVector v13 = FloatVector.fromArray(FS, src, sOff + 13 * ss);
        FloatVector v14 = FloatVector.fromArray(FS, src, sOff + 14 * ss);
        FloatVector v15 = FloatVector.fromArray(FS, src, sOff + 15 * ss);
        FloatVector lo = T16_LO[0], hi = T16_HI[0], x;
        x = lo.selectFrom(v0, v8); v8 = hi.selectFrom(v0, v8); v0 = x;
        x = lo.selectFrom(v1, v9); v9 = hi.selectFrom(v1, v9); v1 = x;
        x = lo.selectFrom(v2, v10); v10 = hi.selectFrom(v2, v10); v2 = x;
        x = lo.selectFrom(v3, v11); v11 = hi.selectFrom(v3, v11); v3 = x;
        x = lo.selectFrom(v4, v12); v12 = hi.selectFrom(v4, v12); v4 = x;
        x = lo.selectFrom(v5, v13); v13 = hi.selectFrom(v5, v13); v5 = x;
        x = lo.selectFrom(v6, v14); v14 = hi.selectFrom(v6, v14); v6 = x;
        x = lo.selectFrom(v7, v15); v15 = hi.selectFrom(v7, v15); v7 = x;
        lo = T16_LO[1];
        hi = T16_HI[1];
        x = lo.selectFrom(v0, v4); v4 = hi.selectFrom(v0, v4); v0 = x;
        x = lo.selectFrom(v1, v5); v5 = hi.selectFrom(v1, v5); v1 = x;
        x = lo.selectFrom(v2, v6); v6 = hi.selectFrom(v2, v6); v2 = x;
        x = lo.selectFrom(v3, v7); v7 = hi.selectFrom(v3, v7); v3 = x;
        x = lo.selectFrom(v8, v12); v12 = hi.selectFrom(v8, v12); v8 = x;
        x = lo.selectFrom(v9, v13); v13 = hi.selectFrom(v9, v13); v9 = x;
        x = lo.selectFrom(v10, v14); v14 = hi.selectFrom(v10, v14); v10 = x;
        x = lo.selectFrom(v11, v15); v15 = hi.selectFrom(v11, v15); v11 = x;
        lo = T16_LO[2];
        hi = T16_HI[2];
        x = lo.selectFrom(v0, v2); v2 = hi.selectFrom(v0, v2); v0 = x;
        x = lo.selectFrom(v1, v3); v3 = hi.selectFrom(v1, v3); v1 = x;
        x = lo.selectFrom(v4, v6); v6 = hi.selectFrom(v4, v6); v4 = x;
        x = lo.selectFrom(v5, v7); v7 = hi.selectFrom(v5, v7); v5 = x;
        x = lo.selectFrom(v8, v10); v10 = hi.selectFrom(v8, v10); v8 = x;
        x = lo.selectFrom(v9, v11); v11 = hi.selectFrom(v9, v11); v9 = x;
        x = lo.selectFrom(v12, v14); v14 = hi.selectFrom(v12, v14); v12 = x;
        x = lo.selectFrom(v13, v15); v15 = hi.selectFrom(v13, v15); v13 = x;
        lo = T16_LO[3];
        hi = T16_HI[3];
        x = lo.selectFrom(v0, v1); v1 = hi.selectFrom(v0, v1); v0 = x;
        x = lo.selectFrom(v2, v3); v3 = hi.selectFrom(v2, v3); v2 = x;
        x = lo.selectFrom(v4, v5); v5 = hi.selectFrom(v4, v5); v4 = x;
        x = lo.selectFrom(v6, v7); v7 = hi.selectFrom(v6, v7); v6 = x;
        x = lo.selectFrom(v8, v9); v9 = hi.selectFrom(v8, v9); v8 = x;
        x = lo.selectFrom(v10, v11); v11 = hi.selectFrom(v10, v11); v10 = x;
        x = lo.selectFrom(v12, v13); v13 = hi.selectFrom(v12, v13); v12 = x;
        x = lo.selectFrom(v14, v15); v15 = hi.selectFrom(v14, v15); v14 = x;
        v0.intoArray(dst, dOff);
        v1.intoArray(dst, dOff + ds);
        v2.intoArray(dst, dOff + 2 * ds);
        v3.intoArray(dst, dOff + 3 * ds);
        v4.intoArray(dst, dOff + 4 * ds);
        v5.intoArray(dst, dOff + 5 * ds);
        v6.intoArray(dst, dOff + 6 * ds);
        v7.intoArray(dst, dOff + 7 * ds);
        v8.intoArray(dst, dOff + 8 * ds);
        v9.intoArray(dst, dOff + 9 * ds);
        v10.intoArray(dst, dOff + 10 * ds);
        v11.intoArray(dst, dOff + 11 * ds);
        v12.intoArray(dst, dOff + 12 * ds);
        v13.intoArray(dst, dOff + 13 * ds);
        v14.intoArray(dst, dOff + 14 * ds);
        v15.intoArray(dst, dOff + 15 * ds);
    }

    /**
     * The register tile: tile[r*NR + j] = sum over kc steps of Apanel * Bpanel, with 6 rows x 2 vectors of
     * accumulators. Kept small (no branches, no calls) so that C2 keeps the accumulators in registers: a vector
     * that escapes into a call that is not inlined gets boxed on every loop iteration. Writing to a scratch tile
     * instead of C keeps beta, edges and strides out of the kernel ({@link #updateC}).
     */
    private static void kernel6x2(int kc, float[] ap, int ai, float[] bp, int bi, float[] tile) {
        FloatVector c00 = FloatVector.zero(FS), c01 = FloatVector.zero(FS);
        FloatVector c10 = FloatVector.zero(FS), c11 = FloatVector.zero(FS);
        FloatVector c20 = FloatVector.zero(FS), c21 = FloatVector.zero(FS);
        FloatVector c30 = FloatVector.zero(FS), c31 = FloatVector.zero(FS);
        FloatVector c40 = FloatVector.zero(FS), c41 = FloatVector.zero(FS);
        FloatVector c50 = FloatVector.zero(FS), c51 = FloatVector.zero(FS);
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(FS, bp, bi);
            FloatVector b1 = FloatVector.fromArray(FS, bp, bi + FL);
            FloatVector av = FloatVector.broadcast(FS, ap[ai]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(FS, ap[ai + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(FS, ap[ai + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(FS, ap[ai + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(FS, ap[ai + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(FS, ap[ai + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, FL);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + FL);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + FL);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + FL);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + FL);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + FL);
    }

    private static final int SET = 0, ADD = 1, SCALE = 2;

    /** C[0:mr, 0:nr] = tile (SET), C + tile (ADD) or beta*C + tile (SCALE); SET never reads C. */
    private static void updateC(float[] tile, float[] c, int ci, int ldc, int mr, int nr, float beta, int mode) {
        if (nr == NR) {
            FloatVector vb = FloatVector.broadcast(FS, beta);
            for (int r = 0; r < mr; r++, ci += ldc) {
                for (int h = 0; h < NR; h += FL) {
                    FloatVector t = FloatVector.fromArray(FS, tile, r * NR + h);
                    if (mode == ADD) {
                        t = t.add(FloatVector.fromArray(FS, c, ci + h));
                    } else if (mode == SCALE) {
                        t = FloatVector.fromArray(FS, c, ci + h).fma(vb, t);
                    }
                    t.intoArray(c, ci + h);
                }
            }
        } else {
            for (int r = 0; r < mr; r++, ci += ldc) {
                for (int j = 0; j < nr; j++) {
                    float t = tile[r * NR + j];
                    c[ci + j] = mode == SET ? t : mode == ADD ? c[ci + j] + t : beta * c[ci + j] + t;
                }
            }
        }
    }

    // ---- float32: skinny products (few rows or few columns of C) ------------------------------------------

    /** Up to this many rows of C (or columns, for A times a few columns), stream the big matrix unpacked. */
    static final int SKINNY = Integer.getInteger("nn4j.gemm.skinny", 16);
    /** Minimum multiply-adds per thread for the memory-bound skinny products. */
    private static final int SKINNY_GRAIN = 1 << 18;
    /** Floats of B beyond which {@link #rowsTimesB} assumes B streams from memory rather than cache. */
    private static final long SKINNY_CACHED = 1L << 21;

    /**
     * Products where C has few rows (x * W^T, x * W) or few columns (W * y). Packing the big matrix would read
     * it once more than the product itself does, and most of a register tile would be padding, so stream the big
     * matrix once: dot products of contiguous rows ({@link #dots}), or rows of B scaled into rows of C
     * ({@link #rowsTimesB}). Returns false for shapes this path does not take.
     */
    private static boolean sgemmSkinny(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                       float[] a, int offA, int lda, float[] b, int offB, int ldb,
                                       float beta, float[] c, int offC, int ldc) {
        if (m <= SKINNY && transB) {
            // C(i, j) = dot(op(A) row i, stored B row j)
            float[] x = transA ? transposeCopy(a, offA, lda, k, m) : a;
            dots(x, transA ? 0 : offA, transA ? k : lda, m, b, offB, ldb, n, false, k, alpha, beta, c, offC, ldc);
        } else if (m <= SKINNY) {
            rowsTimesB(transA, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        } else if (n <= SKINNY && !transA) {
            // C(i, j) = dot(A row i, op(B) column j)
            float[] y = transB ? b : transposeCopy(b, offB, ldb, k, n);
            dots(a, offA, lda, m, y, transB ? offB : 0, transB ? ldb : k, n, true, k, alpha, beta, c, offC, ldc);
        } else if (n == 1) {
            // transA: stored A is k x m, so C's column is a sum of stored rows of A; accumulate it contiguously.
            float[] y = transB ? b : transposeCopy(b, offB, ldb, k, 1);
            int yo = transB ? offB : 0;
            float[] t = scratch(1, m);
            java.util.Arrays.fill(t, 0, m, 0f);
            Parallel.forRange(ceilDiv(m, FL), Math.max(1, SKINNY_GRAIN / k / FL), (v0, v1) -> {
                int i0 = v0 * FL, len = Math.min(m, v1 * FL) - i0;
                for (int p = 0; p < k; p++) axpy(y[yo + p], a, offA + p * lda + i0, t, i0, len);
                for (int i = i0; i < i0 + len; i++) {
                    int ci = offC + i * ldc;
                    float s = alpha * t[i];
                    c[ci] = beta == 0f ? s : s + beta * c[ci];
                }
            });
        } else {
            return false;
        }
        return true;
    }

    /** The calling thread's work buffer {@code which} (0 or 1), grown to at least {@code len} floats. */
    private static float[] scratch(int which, int len) {
        float[][] work = F_WORK.get();
        if (work[which].length < len) work[which] = new float[len];
        return work[which];
    }

    /** Copies stored {@code rows x cols} (leading dimension ld) transposed into scratch 0: out[j*rows + i]. */
    private static float[] transposeCopy(float[] src, int off, int ld, int rows, int cols) {
        float[] out = scratch(0, rows * cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) out[j * rows + i] = src[off + i * ld + j];
        }
        return out;
    }

    /**
     * C(i, j) = alpha * dot(x row i, y row j) + beta * C(i, j) for i < rows, j < cols, rows of length k, in
     * 2 x 4 blocks. The big side is the outer loop so it is read from memory once; {@code xOuter} says which
     * side that is, and the threads split it.
     */
    private static void dots(float[] x, int xo, int ldx, int rows, float[] y, int yo, int ldy, int cols,
                             boolean xOuter, int k, float alpha, float beta, float[] c, int offC, int ldc) {
        int units = xOuter ? ceilDiv(rows, 2) : ceilDiv(cols, 4);
        long perUnit = (long) k * (xOuter ? 2L * cols : 4L * rows);
        Parallel.forRange(units, (int) Math.max(1, SKINNY_GRAIN / perUnit), (u0, u1) -> {
            int i0 = xOuter ? 2 * u0 : 0, i1 = xOuter ? Math.min(rows, 2 * u1) : rows;
            int j0 = xOuter ? 0 : 4 * u0, j1 = xOuter ? cols : Math.min(cols, 4 * u1);
            if (xOuter) {
                for (int i = i0; i < i1; i += 2) {
                    for (int j = j0; j < j1; j += 4) {
                        dotTile(x, xo, ldx, i, i1, y, yo, ldy, j, j1, k, alpha, beta, c, offC, ldc);
                    }
                }
            } else {
                for (int j = j0; j < j1; j += 4) {
                    for (int i = i0; i < i1; i += 2) {
                        dotTile(x, xo, ldx, i, i1, y, yo, ldy, j, j1, k, alpha, beta, c, offC, ldc);
                    }
                }
            }
        });
    }

    /** The dots of x rows [i, min(i+2, i1)) with y rows [j, min(j+4, j1)). */
    private static void dotTile(float[] x, int xo, int ldx, int i, int i1, float[] y, int yo, int ldy, int j, int j1,
                                int k, float alpha, float beta, float[] c, int offC, int ldc) {
        int ci = offC + i * ldc + j;
        if (j + 4 <= j1 && i + 2 <= i1) {
            dot2x4(x, xo + i * ldx, ldx, y, yo + j * ldy, ldy, k, alpha, beta, c, ci, ldc);
        } else if (j + 4 <= j1) {
            dot1x4(x, xo + i * ldx, y, yo + j * ldy, ldy, k, alpha, beta, c, ci);
        } else {
            for (int ii = i; ii < Math.min(i + 2, i1); ii++) {
                for (int jj = j; jj < j1; jj++) {
                    int cij = offC + ii * ldc + jj;
                    c[cij] = blend(alpha * dot(x, xo + ii * ldx, y, yo + jj * ldy, k), beta, c[cij]);
                }
            }
        }
    }

    private static float blend(float s, float beta, float old) {
        return beta == 0f ? s : s + beta * old;
    }

    /** Eight dot products at once: x rows x0, x0+ldx against y rows y0 + q*ldy for q < 4. */
    private static void dot2x4(float[] x, int x0, int ldx, float[] y, int y0, int ldy, int k, float alpha,
                               float beta, float[] c, int ci, int ldc) {
        FloatVector s00 = FloatVector.zero(FS), s01 = FloatVector.zero(FS), s02 = FloatVector.zero(FS);
        FloatVector s03 = FloatVector.zero(FS), s10 = FloatVector.zero(FS), s11 = FloatVector.zero(FS);
        FloatVector s12 = FloatVector.zero(FS), s13 = FloatVector.zero(FS);
        int x1 = x0 + ldx, y1 = y0 + ldy, y2 = y1 + ldy, y3 = y2 + ldy;
        int upper = FS.loopBound(k);
        for (int p = 0; p < upper; p += FL) {
            FloatVector a0 = FloatVector.fromArray(FS, x, x0 + p), a1 = FloatVector.fromArray(FS, x, x1 + p);
            FloatVector bv = FloatVector.fromArray(FS, y, y0 + p);
            s00 = a0.fma(bv, s00);
            s10 = a1.fma(bv, s10);
            bv = FloatVector.fromArray(FS, y, y1 + p);
            s01 = a0.fma(bv, s01);
            s11 = a1.fma(bv, s11);
            bv = FloatVector.fromArray(FS, y, y2 + p);
            s02 = a0.fma(bv, s02);
            s12 = a1.fma(bv, s12);
            bv = FloatVector.fromArray(FS, y, y3 + p);
            s03 = a0.fma(bv, s03);
            s13 = a1.fma(bv, s13);
        }
        int t = k - upper;
        float r00 = ElementwiseKernels.addLanes(s00) + dotScalar(x, x0 + upper, y, y0 + upper, t);
        float r01 = ElementwiseKernels.addLanes(s01) + dotScalar(x, x0 + upper, y, y1 + upper, t);
        float r02 = ElementwiseKernels.addLanes(s02) + dotScalar(x, x0 + upper, y, y2 + upper, t);
        float r03 = ElementwiseKernels.addLanes(s03) + dotScalar(x, x0 + upper, y, y3 + upper, t);
        float r10 = ElementwiseKernels.addLanes(s10) + dotScalar(x, x1 + upper, y, y0 + upper, t);
        float r11 = ElementwiseKernels.addLanes(s11) + dotScalar(x, x1 + upper, y, y1 + upper, t);
        float r12 = ElementwiseKernels.addLanes(s12) + dotScalar(x, x1 + upper, y, y2 + upper, t);
        float r13 = ElementwiseKernels.addLanes(s13) + dotScalar(x, x1 + upper, y, y3 + upper, t);
        c[ci] = blend(alpha * r00, beta, c[ci]);
        c[ci + 1] = blend(alpha * r01, beta, c[ci + 1]);
        c[ci + 2] = blend(alpha * r02, beta, c[ci + 2]);
        c[ci + 3] = blend(alpha * r03, beta, c[ci + 3]);
        ci += ldc;
        c[ci] = blend(alpha * r10, beta, c[ci]);
        c[ci + 1] = blend(alpha * r11, beta, c[ci + 1]);
        c[ci + 2] = blend(alpha * r12, beta, c[ci + 2]);
        c[ci + 3] = blend(alpha * r13, beta, c[ci + 3]);
    }

    /** Four dot products at once: x row x0 against y rows y0 + q*ldy for q < 4. */
    private static void dot1x4(float[] x, int x0, float[] y, int y0, int ldy, int k, float alpha, float beta,
                               float[] c, int ci) {
        FloatVector s0 = FloatVector.zero(FS), s1 = FloatVector.zero(FS);
        FloatVector s2 = FloatVector.zero(FS), s3 = FloatVector.zero(FS);
        int y1 = y0 + ldy, y2 = y1 + ldy, y3 = y2 + ldy;
        int upper = FS.loopBound(k);
        for (int p = 0; p < upper; p += FL) {
            FloatVector a0 = FloatVector.fromArray(FS, x, x0 + p);
            s0 = a0.fma(FloatVector.fromArray(FS, y, y0 + p), s0);
            s1 = a0.fma(FloatVector.fromArray(FS, y, y1 + p), s1);
            s2 = a0.fma(FloatVector.fromArray(FS, y, y2 + p), s2);
            s3 = a0.fma(FloatVector.fromArray(FS, y, y3 + p), s3);
        }
        int t = k - upper;
        float r0 = ElementwiseKernels.addLanes(s0) + dotScalar(x, x0 + upper, y, y0 + upper, t);
        float r1 = ElementwiseKernels.addLanes(s1) + dotScalar(x, x0 + upper, y, y1 + upper, t);
        float r2 = ElementwiseKernels.addLanes(s2) + dotScalar(x, x0 + upper, y, y2 + upper, t);
        float r3 = ElementwiseKernels.addLanes(s3) + dotScalar(x, x0 + upper, y, y3 + upper, t);
        c[ci] = blend(alpha * r0, beta, c[ci]);
        c[ci + 1] = blend(alpha * r1, beta, c[ci + 1]);
        c[ci + 2] = blend(alpha * r2, beta, c[ci + 2]);
        c[ci + 3] = blend(alpha * r3, beta, c[ci + 3]);
    }

    /** sum of x[xo+p] * y[yo+p] over p < len. */
    static float dot(float[] x, int xo, float[] y, int yo, int len) {
        FloatVector s0 = FloatVector.zero(FS), s1 = FloatVector.zero(FS);
        int upper2 = len & -(2 * FL), upper = FS.loopBound(len), p = 0;
        for (; p < upper2; p += 2 * FL) {
            s0 = FloatVector.fromArray(FS, x, xo + p).fma(FloatVector.fromArray(FS, y, yo + p), s0);
            s1 = FloatVector.fromArray(FS, x, xo + p + FL).fma(FloatVector.fromArray(FS, y, yo + p + FL), s1);
        }
        for (; p < upper; p += FL) {
            s0 = FloatVector.fromArray(FS, x, xo + p).fma(FloatVector.fromArray(FS, y, yo + p), s0);
        }
        return ElementwiseKernels.addLanes(s0.add(s1)) + dotScalar(x, xo + p, y, yo + p, len - p);
    }

    /** Scalar twin of {@link #dot}. */
    static float dotScalar(float[] x, int xo, float[] y, int yo, int len) {
        float s = 0f;
        for (int p = 0; p < len; p++) s += x[xo + p] * y[yo + p];
        return s;
    }

    /** y[yo+j] += alpha * x[xo+j] for j < len. */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int len) {
        FloatVector av = FloatVector.broadcast(FS, alpha);
        int upper = FS.loopBound(len), j = 0;
        for (; j < upper; j += FL) {
            av.fma(FloatVector.fromArray(FS, x, xo + j), FloatVector.fromArray(FS, y, yo + j)).intoArray(y, yo + j);
        }
        axpyScalar(alpha, x, xo + j, y, yo + j, len - j);
    }

    /** Scalar twin of {@link #axpy}. */
    static void axpyScalar(float alpha, float[] x, int xo, float[] y, int yo, int len) {
        for (int j = 0; j < len; j++) y[yo + j] += alpha * x[xo + j];
    }

    /**
     * C = alpha * op(A) * B + beta * C for few rows (m <= SKINNY), B not transposed: each thread takes panels of
     * NR columns and streams B's rows through 4 x 2-vector (or 1 x 2-vector) accumulators, so B is read from
     * memory once. The last partial panel is copied, zero-padded, into scratch.
     */
    private static void rowsTimesB(boolean transA, int m, int n, int k, float alpha, float[] a, int offA, int lda,
                                   float[] b, int offB, int ldb, float beta, float[] c, int offC, int ldc) {
        int aRow = transA ? 1 : lda, aCol = transA ? lda : 1;   // A(i, p) = a[offA + i*aRow + p*aCol]
        int panels = ceilDiv(n, NR);
        // Depth blocks: within one, the panels walk along its rows of B together. A B too big for the caches
        // streams from memory, and short blocks keep those reads nearly sequential (one panel down all k rows
        // touches a new page per row: 3x slower on 4096 x 4096); a cached B prefers long blocks (fewer C updates).
        int kBlocks = ceilDiv(k, (long) k * n > SKINNY_CACHED ? 16 : 256);
        Parallel.forRange(panels, (int) Math.max(1, SKINNY_GRAIN / ((long) k * m * NR)), (q0, q1) -> {
            float[] tile = F_WORK.get()[2];
            for (int kb = 0; kb < kBlocks; kb++) {
                int p0 = (int) ((long) k * kb / kBlocks), kc = (int) ((long) k * (kb + 1) / kBlocks) - p0;
                int mode = kb > 0 || beta == 1f ? ADD : beta == 0f ? SET : SCALE;
                for (int q = q0; q < q1; q++) {
                    int j = q * NR, nr = Math.min(NR, n - j);
                    float[] bb = b;
                    int bo = offB + p0 * ldb + j, ld = ldb;
                    if (nr < NR) {
                        bb = scratch(1, kc * NR);
                        bo = 0;
                        ld = NR;
                        for (int p = 0; p < kc; p++) {
                            int col = 0;
                            for (; col < nr; col++) bb[p * NR + col] = b[offB + (p0 + p) * ldb + j + col];
                            for (; col < NR; col++) bb[p * NR + col] = 0f;
                        }
                    }
                    int i = 0;
                    for (; i + 4 <= m; i += 4) {
                        rows4x2(kc, alpha, a, offA + i * aRow + p0 * aCol, aRow, aCol, bb, bo, ld, tile);
                        updateC(tile, c, offC + i * ldc + j, ldc, 4, nr, beta, mode);
                    }
                    for (; i < m; i++) {
                        rows1x2(kc, alpha, a, offA + i * aRow + p0 * aCol, aCol, bb, bo, ld, tile);
                        updateC(tile, c, offC + i * ldc + j, ldc, 1, nr, beta, mode);
                    }
                }
            }
        });
    }

    /** tile rows 0..3 = sum over p of (alpha * A(r, p)) * B(p, 0:NR), B rows at bi + p*ldb. */
    private static void rows4x2(int k, float alpha, float[] a, int ai, int aRow, int aCol, float[] b, int bi, int ldb,
                                float[] tile) {
        FloatVector c00 = FloatVector.zero(FS), c01 = FloatVector.zero(FS);
        FloatVector c10 = FloatVector.zero(FS), c11 = FloatVector.zero(FS);
        FloatVector c20 = FloatVector.zero(FS), c21 = FloatVector.zero(FS);
        FloatVector c30 = FloatVector.zero(FS), c31 = FloatVector.zero(FS);
        for (int p = 0; p < k; p++, ai += aCol, bi += ldb) {
            FloatVector b0 = FloatVector.fromArray(FS, b, bi);
            FloatVector b1 = FloatVector.fromArray(FS, b, bi + FL);
            FloatVector av = FloatVector.broadcast(FS, alpha * a[ai]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(FS, alpha * a[ai + aRow]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(FS, alpha * a[ai + 2 * aRow]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(FS, alpha * a[ai + 3 * aRow]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, FL);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + FL);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + FL);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + FL);
    }

    /** tile row 0 = sum over p of (alpha * A(p)) * B(p, 0:NR), A at ai + p*aCol, B rows at bi + p*ldb. */
    private static void rows1x2(int k, float alpha, float[] a, int ai, int aCol, float[] b, int bi, int ldb,
                                float[] tile) {
        FloatVector c0 = FloatVector.zero(FS), c1 = FloatVector.zero(FS);
        for (int p = 0; p < k; p++, ai += aCol, bi += ldb) {
            FloatVector av = FloatVector.broadcast(FS, alpha * a[ai]);
            c0 = av.fma(FloatVector.fromArray(FS, b, bi), c0);
            c1 = av.fma(FloatVector.fromArray(FS, b, bi + FL), c1);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, FL);
    }

    // ---- float32: small problems and degenerate cases ----------------------------------------------------

    /** Direct loops without packing, for problems too small to amortize it. */
    private static void sgemmSmall(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                   float[] a, int offA, int lda, float[] b, int offB, int ldb,
                                   float beta, float[] c, int offC, int ldc) {
        scaleC(m, n, beta, c, offC, ldc);
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            if (!transB) {
                // C row i += (alpha * A(i,p)) * B row p
                int upper = FS.loopBound(n);
                for (int p = 0; p < k; p++) {
                    float aip = alpha * (transA ? a[offA + p * lda + i] : a[offA + i * lda + p]);
                    int bi = offB + p * ldb;
                    FloatVector av = FloatVector.broadcast(FS, aip);
                    int j = 0;
                    for (; j < upper; j += FL) {
                        av.fma(FloatVector.fromArray(FS, b, bi + j), FloatVector.fromArray(FS, c, ci + j))
                                .intoArray(c, ci + j);
                    }
                    for (; j < n; j++) c[ci + j] += aip * b[bi + j];
                }
            } else {
                for (int j = 0; j < n; j++) {
                    int bi = offB + j * ldb;
                    float sum = 0f;
                    if (!transA) {
                        int ai = offA + i * lda;
                        for (int p = 0; p < k; p++) sum += a[ai + p] * b[bi + p];
                    } else {
                        for (int p = 0; p < k; p++) sum += a[offA + p * lda + i] * b[bi + p];
                    }
                    c[ci + j] += alpha * sum;
                }
            }
        }
    }

    /** C = beta * C, where beta == 0 overwrites with zeros (never reading C). */
    private static void scaleC(int m, int n, float beta, float[] c, int offC, int ldc) {
        if (beta == 1f) return;
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, ci, ci + n, 0f);
            } else {
                for (int j = ci; j < ci + n; j++) c[j] *= beta;
            }
        }
    }

    // ---- float64 ----------------------------------------------------------------------------------------

    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int DL = DS.length();
    /** float64 register tile: MR rows x DNR columns (2 vectors). */
    static final int DNR = 2 * DL;
    private static final int DKC = KC / 2;

    private static final ThreadLocal<double[][]> D_WORK =
            ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0], new double[MR * DNR]});

    /**
     * {@code C = alpha * op(A) * op(B) + beta * C} in float64; same layout and structure as {@link #sgemm}
     * (packed panels, a 6 x 2-vector register tile), without the float-only transpose of B.
     *
     * @throws IllegalArgumentException for negative sizes or leading dimensions that are too small
     * @throws IndexOutOfBoundsException when a matrix does not fit in its array
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                             double[] a, int offA, int lda, double[] b, int offB, int ldb,
                             double beta, double[] c, int offC, int ldc) {
        checkArgs("dgemm", transA, transB, m, n, k, a.length, offA, lda, b.length, offB, ldb, c.length, offC, ldc);
        if (m == 0 || n == 0) return;
        if (!USE_VECTOR_API) {
            GemmReference.dgemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        if (k == 0 || alpha == 0.0) {
            scaleC(m, n, beta, c, offC, ldc);
            return;
        }
        long work = (long) m * n * k;
        if (work < SMALL_WORK) {
            dgemmSmall(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        forBlocks(m, n, work, MR, DNR, (i0, i1, j0, j1) -> dgemmBlocked(transA, transB, i0, i1, j0, j1, k,
                alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc));
    }

    private static void dgemmBlocked(boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                                     double alpha, double[] a, int offA, int lda, double[] b, int offB, int ldb,
                                     double beta, double[] c, int offC, int ldc) {
        int kBlocks = ceilDiv(k, DKC);
        int kcMax = ceilDiv(k, kBlocks);
        int ncStep = blockStep(j1 - j0, Math.max(DNR, B_BLOCK / 2 / kcMax / DNR * DNR), DNR);
        int mcStep = blockStep(i1 - i0, MC, MR);
        double[][] work = D_WORK.get();
        if (work[0].length < kcMax * mcStep) work[0] = new double[kcMax * mcStep];
        if (work[1].length < kcMax * ncStep) work[1] = new double[kcMax * ncStep];
        double[] ap = work[0], bp = work[1], tile = work[2];
        for (int jc = j0; jc < j1; jc += ncStep) {
            int nc = Math.min(ncStep, j1 - jc);
            for (int kb = 0; kb < kBlocks; kb++) {
                int pc = (int) ((long) k * kb / kBlocks);
                int kc = (int) ((long) k * (kb + 1) / kBlocks) - pc;
                packB(transB, b, offB, ldb, pc, kc, jc, nc, bp);
                int mode = kb > 0 || beta == 1.0 ? ADD : beta == 0.0 ? SET : SCALE;
                for (int ic = i0; ic < i1; ic += mcStep) {
                    int mc = Math.min(mcStep, i1 - ic);
                    packA(transA, a, offA, lda, ic, mc, pc, kc, alpha, ap);
                    for (int jr = 0; jr < nc; jr += DNR) {
                        int nr = Math.min(DNR, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            kernel6x2(kc, ap, ir * kc, bp, jr * kc, tile);
                            updateC(tile, c, offC + (ic + ir) * ldc + jc + jr, ldc, Math.min(MR, mc - ir), nr,
                                    beta, mode);
                        }
                    }
                }
            }
        }
    }

    /** float64 twin of {@link #packA(boolean, float[], int, int, int, int, int, int, float, float[])}. */
    private static void packA(boolean transA, double[] a, int offA, int lda, int ic, int mc, int pc, int kc,
                              double alpha, double[] ap) {
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            int dst = ir * kc;
            for (int p = 0; p < kc; p++, dst += MR) {
                int r = 0;
                if (!transA) {
                    int src = offA + (ic + ir) * lda + pc + p;
                    for (; r < mr; r++) ap[dst + r] = alpha * a[src + r * lda];
                } else {
                    int src = offA + (pc + p) * lda + ic + ir;
                    for (; r < mr; r++) ap[dst + r] = alpha * a[src + r];
                }
                for (; r < MR; r++) ap[dst + r] = 0.0;
            }
        }
    }

    /** float64 twin of {@link #packB(boolean, float[], int, int, int, int, int, int, float[])}. */
    private static void packB(boolean transB, double[] b, int offB, int ldb, int pc, int kc, int jc, int nc,
                              double[] bp) {
        for (int jr = 0; jr < nc; jr += DNR) {
            int nr = Math.min(DNR, nc - jr);
            int dst = jr * kc;
            if (!transB) {
                int src = offB + pc * ldb + jc + jr;
                for (int p = 0; p < kc; p++, src += ldb, dst += DNR) {
                    if (nr == DNR) {
                        DoubleVector.fromArray(DS, b, src).intoArray(bp, dst);
                        DoubleVector.fromArray(DS, b, src + DL).intoArray(bp, dst + DL);
                    } else {
                        int col = 0;
                        for (; col < nr; col++) bp[dst + col] = b[src + col];
                        for (; col < DNR; col++) bp[dst + col] = 0.0;
                    }
                }
            } else {
                for (int col = 0; col < DNR; col++) {
                    int src = offB + (jc + jr + col) * ldb + pc;
                    for (int p = 0; p < kc; p++) bp[dst + p * DNR + col] = col < nr ? b[src + p] : 0.0;
                }
            }
        }
    }

    /** float64 register tile; see {@link #kernel6x2(int, float[], int, float[], int, float[])}. */
    private static void kernel6x2(int kc, double[] ap, int ai, double[] bp, int bi, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(DS), c01 = DoubleVector.zero(DS);
        DoubleVector c10 = DoubleVector.zero(DS), c11 = DoubleVector.zero(DS);
        DoubleVector c20 = DoubleVector.zero(DS), c21 = DoubleVector.zero(DS);
        DoubleVector c30 = DoubleVector.zero(DS), c31 = DoubleVector.zero(DS);
        DoubleVector c40 = DoubleVector.zero(DS), c41 = DoubleVector.zero(DS);
        DoubleVector c50 = DoubleVector.zero(DS), c51 = DoubleVector.zero(DS);
        for (int p = 0; p < kc; p++, ai += MR, bi += DNR) {
            DoubleVector b0 = DoubleVector.fromArray(DS, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(DS, bp, bi + DL);
            DoubleVector av = DoubleVector.broadcast(DS, ap[ai]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = DoubleVector.broadcast(DS, ap[ai + 1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = DoubleVector.broadcast(DS, ap[ai + 2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = DoubleVector.broadcast(DS, ap[ai + 3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = DoubleVector.broadcast(DS, ap[ai + 4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = DoubleVector.broadcast(DS, ap[ai + 5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, DL);
        c10.intoArray(tile, DNR);
        c11.intoArray(tile, DNR + DL);
        c20.intoArray(tile, 2 * DNR);
        c21.intoArray(tile, 2 * DNR + DL);
        c30.intoArray(tile, 3 * DNR);
        c31.intoArray(tile, 3 * DNR + DL);
        c40.intoArray(tile, 4 * DNR);
        c41.intoArray(tile, 4 * DNR + DL);
        c50.intoArray(tile, 5 * DNR);
        c51.intoArray(tile, 5 * DNR + DL);
    }

    private static void updateC(double[] tile, double[] c, int ci, int ldc, int mr, int nr, double beta, int mode) {
        for (int r = 0; r < mr; r++, ci += ldc) {
            for (int j = 0; j < nr; j++) {
                double t = tile[r * DNR + j];
                c[ci + j] = mode == SET ? t : mode == ADD ? c[ci + j] + t : beta * c[ci + j] + t;
            }
        }
    }

    private static void dgemmSmall(boolean transA, boolean transB, int m, int n, int k, double alpha,
                                   double[] a, int offA, int lda, double[] b, int offB, int ldb,
                                   double beta, double[] c, int offC, int ldc) {
        scaleC(m, n, beta, c, offC, ldc);
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            for (int p = 0; p < k; p++) {
                double aip = alpha * (transA ? a[offA + p * lda + i] : a[offA + i * lda + p]);
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * (transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j]);
                }
            }
        }
    }

    private static void scaleC(int m, int n, double beta, double[] c, int offC, int ldc) {
        if (beta == 1.0) return;
        for (int i = 0; i < m; i++) {
            int ci = offC + i * ldc;
            if (beta == 0.0) {
                java.util.Arrays.fill(c, ci, ci + n, 0.0);
            } else {
                for (int j = ci; j < ci + n; j++) c[j] *= beta;
            }
        }
    }

    // ---- shared helpers ---------------------------------------------------------------------------------

    /** Checks sizes, leading dimensions and array bounds; names the op and shapes in the message (style R6). */
    static void checkArgs(String op, boolean transA, boolean transB, int m, int n, int k,
                          int aLen, int offA, int lda, int bLen, int offB, int ldb, int cLen, int offC, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException(op + ": negative size m=" + m + " n=" + n + " k=" + k);
        }
        checkMatrix(op, "A", transA ? k : m, transA ? m : k, aLen, offA, lda, m, n, k);
        checkMatrix(op, "B", transB ? n : k, transB ? k : n, bLen, offB, ldb, m, n, k);
        checkMatrix(op, "C", m, n, cLen, offC, ldc, m, n, k);
    }

    /** A stored matrix of {@code rows x cols} at {@code off} with row stride {@code ld}. */
    private static void checkMatrix(String op, String name, int rows, int cols, int len, int off, int ld,
                                    int m, int n, int k) {
        if (ld < cols) {
            throw new IllegalArgumentException(op + ": ld" + name.toLowerCase() + "=" + ld + " < " + cols
                    + " for " + name + " stored as " + rows + "x" + cols + " (m=" + m + " n=" + n + " k=" + k + ")");
        }
        if (rows == 0 || cols == 0) return;
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || last > len) {
            throw new IndexOutOfBoundsException(op + ": " + name + " stored as " + rows + "x" + cols + " at offset "
                    + off + " with ld=" + ld + " needs " + last + " elements, array has " + len
                    + " (m=" + m + " n=" + n + " k=" + k + ")");
        }
    }

    /** The step that splits {@code len} into equal blocks of at most {@code max}, a multiple of {@code unit}. */
    private static int blockStep(int len, int max, int unit) {
        return roundUp(ceilDiv(len, ceilDiv(len, max)), unit);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static int roundUp(int a, int b) {
        return ceilDiv(a, b) * b;
    }
}
