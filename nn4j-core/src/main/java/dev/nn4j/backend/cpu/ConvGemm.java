package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The serial, packed float32 GEMM behind the conv kernels: {@code C[m x n] (+)= A[m x k] * B[k x n]}.
 * <p>
 * Unlike {@link Gemm#sgemm}, it never splits work over threads (the conv kernels already run one sample
 * per thread), A is packed once per call and reused for every sample, and B is produced panel by panel
 * by a {@link PanelPacker}, so the conv forward packs straight from the image (implicit im2col) and
 * never writes the im2col matrix. Layouts follow Goto/BLIS: A in {@code MR}-row panels, B in
 * {@code NR}-column panels, both zero-padded; an {@code MR x NR} register tile accumulates with fma.
 */
final class ConvGemm {
    static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    static final int FL = FS.length();
    /** Register tile: 8 rows x 2 vectors = 16 accumulators (AVX-512 has 32 vector registers). */
    static final int MR = 8;
    static final int NR = 2 * FL;
    /** Depth of a packed block (split evenly, so there is no thin tail block) and columns per B block. */
    static final int KC = Integer.getInteger("nn4j.conv.kc", 192);
    static final int NC = roundUp(Integer.getInteger("nn4j.conv.nc", 256), NR);

    private static final ThreadLocal<float[][]> WORK = ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[MR * NR], new float[0]});

    private ConvGemm() {}

    /** Writes rows {@code [p0, p0 + kc)} x columns {@code [j0, j0 + nr)} of B into {@code bp[dst + p * NR + col]}, zero for {@code col >= nr}. */
    @FunctionalInterface
    interface PanelPacker {
        void pack(int p0, int kc, int j0, int nr, float[] bp, int dst);
    }

    /** Size of the packed form of an {@code m x k} A. */
    static int packedASize(int m, int k) {
        return roundUp(m, MR) * k;
    }

    /** Packs A ({@code m x k}, element (i, p) at {@code a[off + i * rs + p * cs]}) into {@code ap[i0 * k + p * MR + r]}. */
    static void packA(float[] a, int off, int rs, int cs, int m, int k, float[] ap) {
        for (int i0 = 0; i0 < m; i0 += MR) {
            int mr = Math.min(MR, m - i0), base = i0 * k;
            for (int r = 0; r < MR; r++) {
                if (r < mr) {
                    int src = off + (i0 + r) * rs;
                    for (int p = 0; p < k; p++) ap[base + p * MR + r] = a[src + p * cs];
                } else {
                    for (int p = 0; p < k; p++) ap[base + p * MR + r] = 0f;
                }
            }
        }
    }

    /** A packer for a plain row-major B: element (p, j) at {@code b[off + p * ld + j]}. */
    static PanelPacker matrix(float[] b, int off, int ld) {
        return (p0, kc, j0, nr, bp, dst) -> {
            int src = off + p0 * ld + j0;
            for (int p = 0; p < kc; p++, src += ld, dst += NR) {
                System.arraycopy(b, src, bp, dst, nr);
                for (int col = nr; col < NR; col++) bp[dst + col] = 0f;
            }
        };
    }

    /** A packer for a B stored transposed: element (p, j) at {@code bt[off + j * ld + p]}. */
    static PanelPacker transposed(float[] bt, int off, int ld) {
        return (p0, kc, j0, nr, bp, dst) -> {
            // one packed row at a time: sequential writes, NR read streams that each stay in one cache line for 16 rows
            int s0 = off + j0 * ld + p0;
            for (int p = 0; p < kc; p++, dst += NR) {
                for (int col = 0, s = s0 + p; col < nr; col++, s += ld) bp[dst + col] = bt[s];
                for (int col = nr; col < NR; col++) bp[dst + col] = 0f;
            }
        };
    }

    /**
     * {@code C = A * B} (or {@code C += A * B} when {@code accumulate}) on the calling thread, where C is
     * {@code m x n} at {@code c[offC + i * ldc + j]} and {@code ap} is A packed by {@link #packA}.
     */
    static void gemm(int m, int n, int k, float[] ap, PanelPacker packer, float[] c, int offC, int ldc, boolean accumulate) {
        run(m, n, k, ap, 0, 0, packer, c, offC, ldc, accumulate);
    }

    /**
     * As {@link #gemm}, but A is read in place from row-major storage, element (i, p) at
     * {@code a[offA + i * lda + p]}: for an A used only once, where packing would cost as much as it saves.
     */
    static void gemmRowMajorA(int m, int n, int k, float[] a, int offA, int lda, PanelPacker packer,
                              float[] c, int offC, int ldc, boolean accumulate) {
        run(m, n, k, a, offA, lda, packer, c, offC, ldc, accumulate);
    }

    /** {@code lda == 0}: A packed; otherwise row-major at {@code offA} with leading dimension {@code lda}. */
    private static void run(int m, int n, int k, float[] a, int offA, int lda, PanelPacker packer,
                            float[] c, int offC, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) for (int i = 0; i < m; i++) java.util.Arrays.fill(c, offC + i * ldc, offC + i * ldc + n, 0f);
            return;
        }
        int kBlocks = ceilDiv(k, KC), kcMax = ceilDiv(k, kBlocks);
        float[][] work = WORK.get();
        int need = kcMax * Math.min(NC, roundUp(n, NR)) + FL;  // slack for packers that overrun by a vector
        if (work[0].length < need) work[0] = new float[need];
        if (lda != 0 && m % MR != 0 && work[2].length < MR * kcMax) work[2] = new float[MR * kcMax];
        float[] bp = work[0], tile = work[1], edge = work[2];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int kb = 0; kb < kBlocks; kb++) {
                int pc = (int) ((long) k * kb / kBlocks), kc = (int) ((long) k * (kb + 1) / kBlocks) - pc;
                for (int jr = 0; jr < nc; jr += NR) packer.pack(pc, kc, jc + jr, Math.min(NR, nc - jr), bp, jr * kc);
                boolean add = accumulate || kb > 0;
                for (int ir = 0; ir < m; ir += MR) {
                    int mr = Math.min(MR, m - ir);
                    // where the kernel reads A(ir + r, pc + p): ab + r * rs + p * ps
                    float[] ab;
                    int ai, rs, ps;
                    if (lda == 0) {
                        ab = a;
                        ai = ir * k + pc * MR;
                        rs = 1;
                        ps = MR;
                    } else if (mr == MR) {
                        ab = a;
                        ai = offA + ir * lda + pc;
                        rs = lda;
                        ps = 1;
                    } else {
                        // the last rows of a row-major A: pack them, zero-padded to MR rows
                        packA(a, offA + ir * lda + pc, lda, 1, mr, kc, edge);
                        ab = edge;
                        ai = 0;
                        rs = 1;
                        ps = MR;
                    }
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr), ci = offC + ir * ldc + jc + jr;
                        if (mr == MR && nr == NR) {
                            kernel(kc, ab, ai, rs, ps, bp, jr * kc, c, ci, ldc, add);
                        } else {
                            kernel(kc, ab, ai, rs, ps, bp, jr * kc, tile, 0, NR, false);
                            for (int r = 0; r < mr; r++) {
                                int cr = ci + r * ldc, tr = r * NR;
                                if (add) {
                                    for (int col = 0; col < nr; col++) c[cr + col] += tile[tr + col];
                                } else {
                                    System.arraycopy(tile, tr, c, cr, nr);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The register tile: {@code C[0:MR, 0:NR] (+)= Apanel * Bpanel} over kc steps. A(r, p) is read at {@code ap[ai + r * rs + p * ps]}. Kept free of
     * helpers and branches in the loop so that C2 keeps all 16 accumulators in registers.
     */
    private static void kernel(int kc, float[] ap, int ai, int rs, int ps, float[] bp, int bi, float[] c, int ci, int ldc, boolean add) {
        int r1 = rs, r2 = 2 * rs, r3 = 3 * rs, r4 = 4 * rs, r5 = 5 * rs, r6 = 6 * rs, r7 = 7 * rs;
        FloatVector c00 = FloatVector.zero(FS), c01 = FloatVector.zero(FS);
        FloatVector c10 = FloatVector.zero(FS), c11 = FloatVector.zero(FS);
        FloatVector c20 = FloatVector.zero(FS), c21 = FloatVector.zero(FS);
        FloatVector c30 = FloatVector.zero(FS), c31 = FloatVector.zero(FS);
        FloatVector c40 = FloatVector.zero(FS), c41 = FloatVector.zero(FS);
        FloatVector c50 = FloatVector.zero(FS), c51 = FloatVector.zero(FS);
        FloatVector c60 = FloatVector.zero(FS), c61 = FloatVector.zero(FS);
        FloatVector c70 = FloatVector.zero(FS), c71 = FloatVector.zero(FS);
        for (int p = 0; p < kc; p++, ai += ps, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(FS, bp, bi);
            FloatVector b1 = FloatVector.fromArray(FS, bp, bi + FL);
            FloatVector av = FloatVector.broadcast(FS, ap[ai]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(FS, ap[ai + r1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(FS, ap[ai + r2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(FS, ap[ai + r3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
            av = FloatVector.broadcast(FS, ap[ai + r4]);
            c40 = av.fma(b0, c40);
            c41 = av.fma(b1, c41);
            av = FloatVector.broadcast(FS, ap[ai + r5]);
            c50 = av.fma(b0, c50);
            c51 = av.fma(b1, c51);
            av = FloatVector.broadcast(FS, ap[ai + r6]);
            c60 = av.fma(b0, c60);
            c61 = av.fma(b1, c61);
            av = FloatVector.broadcast(FS, ap[ai + r7]);
            c70 = av.fma(b0, c70);
            c71 = av.fma(b1, c71);
        }
        if (add) {
            c00 = c00.add(FloatVector.fromArray(FS, c, ci));
            c01 = c01.add(FloatVector.fromArray(FS, c, ci + FL));
            c10 = c10.add(FloatVector.fromArray(FS, c, ci + ldc));
            c11 = c11.add(FloatVector.fromArray(FS, c, ci + ldc + FL));
            c20 = c20.add(FloatVector.fromArray(FS, c, ci + 2 * ldc));
            c21 = c21.add(FloatVector.fromArray(FS, c, ci + 2 * ldc + FL));
            c30 = c30.add(FloatVector.fromArray(FS, c, ci + 3 * ldc));
            c31 = c31.add(FloatVector.fromArray(FS, c, ci + 3 * ldc + FL));
            c40 = c40.add(FloatVector.fromArray(FS, c, ci + 4 * ldc));
            c41 = c41.add(FloatVector.fromArray(FS, c, ci + 4 * ldc + FL));
            c50 = c50.add(FloatVector.fromArray(FS, c, ci + 5 * ldc));
            c51 = c51.add(FloatVector.fromArray(FS, c, ci + 5 * ldc + FL));
            c60 = c60.add(FloatVector.fromArray(FS, c, ci + 6 * ldc));
            c61 = c61.add(FloatVector.fromArray(FS, c, ci + 6 * ldc + FL));
            c70 = c70.add(FloatVector.fromArray(FS, c, ci + 7 * ldc));
            c71 = c71.add(FloatVector.fromArray(FS, c, ci + 7 * ldc + FL));
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + FL);
        c10.intoArray(c, ci + ldc);
        c11.intoArray(c, ci + ldc + FL);
        c20.intoArray(c, ci + 2 * ldc);
        c21.intoArray(c, ci + 2 * ldc + FL);
        c30.intoArray(c, ci + 3 * ldc);
        c31.intoArray(c, ci + 3 * ldc + FL);
        c40.intoArray(c, ci + 4 * ldc);
        c41.intoArray(c, ci + 4 * ldc + FL);
        c50.intoArray(c, ci + 5 * ldc);
        c51.intoArray(c, ci + 5 * ldc + FL);
        c60.intoArray(c, ci + 6 * ldc);
        c61.intoArray(c, ci + 6 * ldc + FL);
        c70.intoArray(c, ci + 7 * ldc);
        c71.intoArray(c, ci + 7 * ldc + FL);
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static int roundUp(int a, int b) {
        return ceilDiv(a, b) * b;
    }
}
