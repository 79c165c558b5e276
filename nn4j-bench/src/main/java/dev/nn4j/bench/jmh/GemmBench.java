package dev.nn4j.bench.jmh;

import dev.nn4j.Nn4j;
import dev.nn4j.backend.cpu.Gemm;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Gemm#sgemm} on the shapes nn4j's workloads produce, as {@code "m x n x k"} with the transposes
 * ({@code NN}, {@code NT}: B transposed as in {@code x @ W.T}, {@code TN}: A transposed as in {@code X.T @ dY}).
 * GFLOPS = 2*m*n*k / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GemmBench {
    /** m x n x k: the 1024 cube; MLP forward (128 x 512 x 784, weights transposed) and weight grad; conv2 as GEMM. */
    @Param({"1024x1024x1024:NN", "128x512x784:NT", "784x512x128:TN", "64x576x288:NN", "288x9216x64:NN"})
    public String shape;

    @Param({"0"})
    public int threads;

    private int m, n, k, lda, ldb;
    private boolean ta, tb;
    private float[] a, b, c;

    @Setup
    public void setUp() {
        if (threads > 0) Nn4j.setNumThreads(threads);
        String[] parts = shape.split(":");
        String[] dims = parts[0].split("x");
        m = Integer.parseInt(dims[0]);
        n = Integer.parseInt(dims[1]);
        k = Integer.parseInt(dims[2]);
        ta = parts[1].charAt(0) == 'T';
        tb = parts[1].charAt(1) == 'T';
        lda = ta ? m : k;
        ldb = tb ? k : n;
        Random r = new Random(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) r.nextGaussian();
    }

    @Benchmark
    public float[] sgemm() {
        Gemm.sgemm(ta, tb, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
        return c;
    }
}
