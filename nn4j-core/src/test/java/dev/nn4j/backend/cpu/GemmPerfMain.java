package dev.nn4j.backend.cpu;

import java.util.Arrays;
import java.util.Random;

/**
 * Manual GEMM throughput check (not a test, not run by Surefire). From nn4j-core after {@code mvn test-compile}:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes \
 *     dev.nn4j.backend.cpu.GemmPerfMain [threads...]
 * </pre>
 * Prints GFLOPS (2*m*n*k / best time) for 1024^3 in all transpose modes and for conv- and linear-like shapes.
 */
public final class GemmPerfMain {
    private GemmPerfMain() {}

    public static void main(String[] args) {
        int[] threadCounts = args.length == 0 ? new int[] {1, Parallel.numThreads()}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        // {m, n, k, transA, transB}
        int[][] shapes = {
            {1024, 1024, 1024, 0, 0},
            {1024, 1024, 1024, 1, 0},
            {1024, 1024, 1024, 0, 1},
            {1024, 1024, 1024, 1, 1},
            {64, 1024, 576, 0, 0},     // conv 3x3, 64 in -> 64 out, 32x32 output: W[64 x 576] * cols[576 x 1024]
            {128, 3136, 576, 0, 0},    // conv 3x3, 64 -> 128, 56x56
            {9216, 128, 1152, 0, 0},   // im2col rows-major: cols[9216 x 1152] * W^T[1152 x 128]
            {9216, 128, 1152, 0, 1},   // same with W stored [128 x 1152]
            {128, 1152, 3136, 0, 1},   // conv weight grad: dY[128 x 3136] * cols^T
            {1152, 3136, 128, 1, 0},   // conv input grad: W^T[1152 x 128] * dY[128 x 3136]
            {256, 1024, 1024, 0, 1},   // linear: x[256 x 1024] * W^T
            {1024, 1024, 256, 1, 0},   // linear weight grad: x^T * dy
            {2048, 2048, 2048, 0, 0},
            {1, 4096, 4096, 0, 1},     // vector x matrix (batch-1 linear), skinny path
            {8, 4096, 4096, 0, 1},     // batch-8 linear
            {256, 10, 512, 0, 1},      // classifier head: few columns
        };
        for (int t : threadCounts) {
            Parallel.setNumThreads(t);
            System.out.printf("threads=%d (species %s)%n", t, jdk.incubator.vector.FloatVector.SPECIES_PREFERRED);
            for (int[] s : shapes) run(s[0], s[1], s[2], s[3] == 1, s[4] == 1);
            runDouble(1024, 1024, 1024);
        }
    }

    private static void runDouble(int m, int n, int k) {
        Random rnd = new Random(1);
        double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextDouble() - 0.5;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextDouble() - 0.5;
        long best = Long.MAX_VALUE;
        for (int r = 0; r < 15; r++) {
            long t0 = System.nanoTime();
            Gemm.dgemm(false, false, m, n, k, 1.0, a, 0, k, b, 0, n, 0.0, c, 0, n);
            if (r >= 5) best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("  dgemm m=%5d n=%5d k=%5d NN  %8.1f GFLOPS  (%.3f ms)%n", m, n, k, 2.0 * m * n * k / best,
                best / 1e6);
    }

    private static void run(int m, int n, int k, boolean tA, boolean tB) {
        Random rnd = new Random(1);
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat() - 0.5f;
        for (int i = 0; i < b.length; i++) b[i] = rnd.nextFloat() - 0.5f;
        int lda = tA ? m : k, ldb = tB ? k : n;
        double flop = 2.0 * m * n * k;
        int reps = (int) Math.max(3, Math.min(100, 1e10 / flop));
        long best = Long.MAX_VALUE;
        // One warm-up round, then the best of four rounds: the best time is the least disturbed by other load.
        for (int w = 0; w < 5; w++) {
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                Gemm.sgemm(tA, tB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
                long dt = System.nanoTime() - t0;
                if (w > 0) best = Math.min(best, dt);
            }
        }
        System.out.printf("  m=%5d n=%5d k=%5d %s%s  %8.1f GFLOPS  (%.3f ms)%n", m, n, k, tA ? "T" : "N", tB ? "T" : "N",
                flop / best, best / 1e6);
    }
}
