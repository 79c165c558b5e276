package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Gemm} against its scalar twin {@link GemmReference}, over shapes that hit every edge of the blocking. */
class GemmTest {
    private static final int[] SIZES = {1, 2, 3, 5, 7, 13, 17, 31, 33, 65, 97, 130};
    /** Depth that needs three KC blocks; width whose packed B (300 deep) needs two B blocks. */
    private static final int DEEP = 2 * Gemm.KC + 17, WIDE = Gemm.B_BLOCK / 300 + 100;
    private static final boolean[][] TRANS = {{false, false}, {true, false}, {false, true}, {true, true}};

    /** One call: shape, transposes, scalars and storage padding. */
    private record Case(boolean tA, boolean tB, int m, int n, int k, double alpha, double beta,
                        int padA, int padB, int padC, int offA, int offB, int offC, boolean nanC) {
        int lda() { return (tA ? m : k) + padA; }
        int ldb() { return (tB ? k : n) + padB; }
        int ldc() { return n + padC; }
        int aLen() { return offA + (tA ? k : m) * lda() + 3; }
        int bLen() { return offB + (tB ? n : k) * ldb() + 3; }
        int cLen() { return offC + m * ldc() + 3; }
    }

    // ---- oracle sanity: the reference itself, on numbers worked by hand ----------------------------------

    @Test
    void referenceMatchesHandComputedProduct() {
        // A = [1 2 3; 4 5 6], B = [7 8; 9 10; 11 12]; A*B = [58 64; 139 154]
        float[] a = {1, 2, 3, 4, 5, 6}, b = {7, 8, 9, 10, 11, 12};
        float[] c = {1, 1, 1, 1};
        GemmReference.sgemm(false, false, 2, 2, 3, 2f, a, 0, 3, b, 0, 2, 0.5f, c, 0, 2);
        assertArrayEquals(new float[] {116.5f, 128.5f, 278.5f, 308.5f}, c);
        // Same product from transposed storage: At = [1 4; 2 5; 3 6], Bt = [7 9 11; 8 10 12]
        double[] at = {1, 4, 2, 5, 3, 6}, bt = {7, 9, 11, 8, 10, 12};
        double[] d = new double[4];
        GemmReference.dgemm(true, true, 2, 2, 3, 1.0, at, 0, 2, bt, 0, 3, 0.0, d, 0, 2);
        assertArrayEquals(new double[] {58, 64, 139, 154}, d);
    }

    // ---- sgemm --------------------------------------------------------------------------------------------

    @Test
    void sgemmMatchesReferenceOverOddSizesAndAllTransposes() {
        Random rnd = new Random(42);
        for (boolean[] t : TRANS) {
            for (int m : SIZES) {
                for (int n : SIZES) {
                    int k = SIZES[rnd.nextInt(SIZES.length)];
                    checkS(randomCase(rnd, t[0], t[1], m, n, k));
                }
            }
        }
    }

    @Test
    void sgemmMatchesReferenceOnLargeShapes() {
        Random rnd = new Random(7);
        for (boolean[] t : TRANS) {
            checkS(randomCase(rnd, t[0], t[1], 300, 301, 299)); // several MR/NR tiles and MC blocks, threads
            checkS(randomCase(rnd, t[0], t[1], 9, 40, DEEP));    // deep: three KC blocks
            checkS(randomCase(rnd, t[0], t[1], 3, WIDE, 300));   // wide: two packed-B blocks
            checkS(randomCase(rnd, t[0], t[1], 400, 5, 70));    // tall and thin: split over M
            checkS(randomCase(rnd, t[0], t[1], 5, 500, 70));    // short and wide: split over N
            checkS(randomCase(rnd, t[0], t[1], 6, 2100, 1100)); // few rows, B too big to cache: streamed
            checkS(randomCase(rnd, t[0], t[1], 700, 9, 600));   // few columns: dot products
        }
    }

    @Test
    void sgemmScalarsAndBeta() {
        for (double beta : new double[] {0, 1, 0.5, -2}) {
            for (double alpha : new double[] {1, -0.75, 0}) {
                for (int[] s : new int[][] {{4, 5, 6}, {65, 97, 33}, {130, 31, 300}}) {
                    checkS(new Case(false, false, s[0], s[1], s[2], alpha, beta, 2, 1, 3, 5, 2, 7, false));
                    checkS(new Case(true, true, s[0], s[1], s[2], alpha, beta, 0, 3, 0, 0, 1, 0, false));
                }
            }
        }
        // beta == 0 must ignore NaN garbage in C, on the small and the blocked path
        for (int[] s : new int[][] {{3, 3, 3}, {97, 65, 130}}) {
            for (boolean[] t : TRANS) {
                checkS(new Case(t[0], t[1], s[0], s[1], s[2], 1.5, 0, 1, 2, 3, 4, 5, 6, true));
            }
        }
    }

    @Test
    void sgemmWithZeroDepthScalesC() {
        for (double beta : new double[] {0, 1, 0.5}) {
            for (boolean nan : new boolean[] {false, true}) {
                if (nan && beta != 0) continue;
                checkS(new Case(false, false, 5, 7, 0, 2, beta, 0, 0, 2, 1, 1, 1, nan));
                checkS(new Case(true, true, 70, 70, 0, 2, beta, 0, 0, 2, 1, 1, 1, nan));
            }
        }
    }

    @Test
    void sgemmEmptyOutputTouchesNothing() {
        float[] c = {1, 2, 3};
        Gemm.sgemm(false, false, 0, 3, 4, 1f, new float[0], 0, 4, new float[12], 0, 3, 0f, c, 0, 3);
        Gemm.sgemm(false, false, 1, 0, 4, 1f, new float[4], 0, 4, new float[0], 0, 0, 0f, c, 0, 3);
        assertArrayEquals(new float[] {1, 2, 3}, c);
    }

    @Test
    void sgemmWithOtherThreadCounts() {
        int saved = Parallel.numThreads();
        try {
            Random rnd = new Random(11);
            for (int threads : new int[] {1, 3, 4}) {
                Parallel.setNumThreads(threads);
                for (boolean[] t : TRANS) {
                    checkS(randomCase(rnd, t[0], t[1], 130, 97, 65));
                    checkS(randomCase(rnd, t[0], t[1], 13, 260, 97));
                }
            }
        } finally {
            Parallel.setNumThreads(saved);
        }
    }

    @Test
    void sgemmRepeatedCallsReuseBuffersSafely() {
        // A big call grows the per-thread buffers; smaller calls after it must not see stale data.
        Random rnd = new Random(5);
        checkS(randomCase(rnd, false, false, 200, 300, 280));
        checkS(randomCase(rnd, true, false, 40, 50, 35));
        checkS(randomCase(rnd, false, true, 33, 31, 260));
    }

    // ---- dgemm --------------------------------------------------------------------------------------------

    @Test
    void dgemmMatchesReferenceOverOddSizesAndAllTransposes() {
        Random rnd = new Random(43);
        for (boolean[] t : TRANS) {
            for (int m : SIZES) {
                for (int n : SIZES) {
                    int k = SIZES[rnd.nextInt(SIZES.length)];
                    checkD(randomCase(rnd, t[0], t[1], m, n, k));
                }
            }
        }
    }

    @Test
    void dgemmMatchesReferenceOnLargeShapesAndScalars() {
        Random rnd = new Random(8);
        for (boolean[] t : TRANS) {
            checkD(randomCase(rnd, t[0], t[1], 300, 301, 299));
            checkD(randomCase(rnd, t[0], t[1], 9, 40, DEEP));
            checkD(randomCase(rnd, t[0], t[1], 3, WIDE, 300));
            checkD(new Case(t[0], t[1], 97, 65, 130, 1.5, 0, 1, 2, 3, 4, 5, 6, true));
            checkD(new Case(t[0], t[1], 65, 33, 0, 2, 0.5, 1, 2, 3, 4, 5, 6, false));
            checkD(new Case(t[0], t[1], 31, 17, 5, 0, 0.5, 1, 2, 3, 4, 5, 6, false));
        }
    }

    // ---- argument checks ----------------------------------------------------------------------------------

    @Test
    void badArgumentsAreRejectedWithShapesInTheMessage() {
        float[] a = new float[6], b = new float[6], c = new float[4];
        var e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, -1, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        assertTrue(e.getMessage().contains("sgemm") && e.getMessage().contains("m=-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2));
        assertTrue(e.getMessage().contains("lda=2"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, true, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2));
        var oob = assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 1, 3, b, 0, 2, 0f, c, 0, 2));
        assertTrue(oob.getMessage().contains("A stored as 2x3"), oob.getMessage());
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.sgemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 1, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> Gemm.dgemm(false, false, 2, 2, 3, 1, new double[5], 0, 3, new double[6], 0, 2, 0,
                        new double[4], 0, 2));
        assertThrows(IndexOutOfBoundsException.class,
                () -> GemmReference.sgemm(false, false, 2, 2, 3, 1f, a, -1, 3, b, 0, 2, 0f, c, 0, 2));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static Case randomCase(Random rnd, boolean tA, boolean tB, int m, int n, int k) {
        double[] alphas = {1, 0.5, -1.25}, betas = {0, 1, 0.5};
        return new Case(tA, tB, m, n, k, alphas[rnd.nextInt(3)], betas[rnd.nextInt(3)],
                rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(5), rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(5),
                rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(5), rnd.nextInt(4), rnd.nextInt(4), rnd.nextInt(4),
                rnd.nextInt(4) == 0);
    }

    private static void checkS(Case t) {
        Random rnd = new Random(t.hashCode());
        float[] a = new float[t.aLen()], b = new float[t.bLen()], c0 = new float[t.cLen()];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() * 2 - 1;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextFloat() * 2 - 1;
        for (int i = 0; i < c0.length; i++) c0[i] = rnd.nextFloat() * 2 - 1;
        boolean[] inC = insideC(t);
        if (t.nanC && t.beta == 0) {
            for (int i = 0; i < c0.length; i++) if (inC[i]) c0[i] = Float.NaN;
        }
        float[] want = c0.clone(), got = c0.clone();
        float alpha = (float) t.alpha, beta = (float) t.beta;
        GemmReference.sgemm(t.tA, t.tB, t.m, t.n, t.k, alpha, a, t.offA, t.lda(), b, t.offB, t.ldb(), beta,
                want, t.offC, t.ldc());
        Gemm.sgemm(t.tA, t.tB, t.m, t.n, t.k, alpha, a, t.offA, t.lda(), b, t.offB, t.ldb(), beta,
                got, t.offC, t.ldc());
        double[] ad = new double[a.length], bd = new double[b.length];
        for (int i = 0; i < a.length; i++) ad[i] = Math.abs(a[i]);
        for (int i = 0; i < b.length; i++) bd[i] = Math.abs(b[i]);
        for (int idx = 0; idx < got.length; idx++) {
            if (!inC[idx]) {
                if (Float.floatToRawIntBits(got[idx]) != Float.floatToRawIntBits(c0[idx])) {
                    fail(t + ": wrote outside C at index " + idx);
                }
                continue;
            }
            int i = (idx - t.offC) / t.ldc(), j = (idx - t.offC) % t.ldc();
            double scale = 1 + Math.abs(t.alpha) * absDot(t, ad, bd, i, j)
                    + (t.beta == 0 ? 0 : Math.abs(t.beta * c0[idx]));
            if (!(Math.abs(got[idx] - want[idx]) <= 1e-4 * scale)) {
                fail(t + ": C(" + i + "," + j + ") = " + got[idx] + ", reference " + want[idx]);
            }
        }
    }

    private static void checkD(Case t) {
        Random rnd = new Random(t.hashCode());
        double[] a = new double[t.aLen()], b = new double[t.bLen()], c0 = new double[t.cLen()];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble() * 2 - 1;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble() * 2 - 1;
        for (int i = 0; i < c0.length; i++) c0[i] = rnd.nextDouble() * 2 - 1;
        boolean[] inC = insideC(t);
        if (t.nanC && t.beta == 0) {
            for (int i = 0; i < c0.length; i++) if (inC[i]) c0[i] = Double.NaN;
        }
        double[] want = c0.clone(), got = c0.clone();
        GemmReference.dgemm(t.tA, t.tB, t.m, t.n, t.k, t.alpha, a, t.offA, t.lda(), b, t.offB, t.ldb(), t.beta,
                want, t.offC, t.ldc());
        Gemm.dgemm(t.tA, t.tB, t.m, t.n, t.k, t.alpha, a, t.offA, t.lda(), b, t.offB, t.ldb(), t.beta,
                got, t.offC, t.ldc());
        double[] ad = new double[a.length], bd = new double[b.length];
        for (int i = 0; i < a.length; i++) ad[i] = Math.abs(a[i]);
        for (int i = 0; i < b.length; i++) bd[i] = Math.abs(b[i]);
        for (int idx = 0; idx < got.length; idx++) {
            if (!inC[idx]) {
                if (Double.doubleToRawLongBits(got[idx]) != Double.doubleToRawLongBits(c0[idx])) {
                    fail(t + ": wrote outside C at index " + idx);
                }
                continue;
            }
            int i = (idx - t.offC) / t.ldc(), j = (idx - t.offC) % t.ldc();
            double scale = 1 + Math.abs(t.alpha) * absDot(t, ad, bd, i, j)
                    + (t.beta == 0 ? 0 : Math.abs(t.beta * c0[idx]));
            if (!(Math.abs(got[idx] - want[idx]) <= 1e-12 * scale)) {
                fail(t + ": C(" + i + "," + j + ") = " + got[idx] + ", reference " + want[idx]);
            }
        }
    }

    /** sum over p of |op(A)(i,p)| * |op(B)(p,j)|, the scale of the rounding error in C(i,j). */
    private static double absDot(Case t, double[] a, double[] b, int i, int j) {
        double s = 0;
        for (int p = 0; p < t.k; p++) {
            double av = t.tA ? a[t.offA + p * t.lda() + i] : a[t.offA + i * t.lda() + p];
            double bv = t.tB ? b[t.offB + j * t.ldb() + p] : b[t.offB + p * t.ldb() + j];
            s += av * bv;
        }
        return s;
    }

    private static boolean[] insideC(Case t) {
        boolean[] in = new boolean[t.cLen()];
        for (int i = 0; i < t.m; i++) {
            Arrays.fill(in, t.offC + i * t.ldc(), t.offC + i * t.ldc() + t.n, true);
        }
        return in;
    }
}
