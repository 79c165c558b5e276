package dev.nn4j.bench.jmh;

import dev.nn4j.Nn4j;
import dev.nn4j.bench.Workloads;
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

/** The five workloads of {@code ./nn4j bench}, under JMH. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class WorkloadBench {
    @Param({"matmul-1024", "conv2d-b64-c64-32x32-k3", "mlp-train-step-b128", "cnn-train-step-b64", "cnn-infer-b256"})
    public String workload;

    @Param({"0"})
    public int threads;

    private Runnable step;

    @Setup
    public void setUp() {
        if (threads > 0) Nn4j.setNumThreads(threads);
        step = Workloads.all().get(workload).prepare();
    }

    @Benchmark
    public void run() {
        step.run();
    }
}
