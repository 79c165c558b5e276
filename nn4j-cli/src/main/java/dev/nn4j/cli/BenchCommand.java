package dev.nn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.nn4j.Nn4j;
import dev.nn4j.bench.Workloads;
import dev.nn4j.bench.Workloads.Workload;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nn4j bench}: times the fixed workloads of {@link Workloads} and prints {@code NAME MEDIAN_MS} per workload. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs fixed float32 workloads (warm-up first, then repeated timed runs) and prints one line per",
                "workload: NAME MEDIAN_MS. Workloads: matmul-1024, conv2d-b64-c64-32x32-k3, mlp-train-step-b128,",
                "cnn-train-step-b64, cnn-infer-b256."},
        footer = {"", "Example: ./nn4j bench --only matmul-1024,cnn-train-step-b64 --threads 2 --json bench.json",
                "bench/compare_pytorch.py runs the same workloads in PyTorch and prints the speed ratios."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Only these workloads (comma-separated).")
    List<String> only;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results (every run's time) as JSON.")
    Path json;

    @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "2000",
            description = "Warm-up time per workload before timing (default: ${DEFAULT-VALUE}); at least 3 runs.")
    long warmupMs;

    @Option(names = "--time-ms", paramLabel = "MS", defaultValue = "3000",
            description = "Timed runs continue until this much time has passed (default: ${DEFAULT-VALUE}) ...")
    long timeMs;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10",
            description = "... and at least N runs were timed (default: ${DEFAULT-VALUE}).")
    int minRuns;

    @Option(names = "--epoch", paramLabel = "SAMPLES", arity = "0..1", fallbackValue = "60000",
            description = "Instead of the workloads, train the CNN for one epoch of SAMPLES random images (default 60000, "
                    + "MNIST's size) and print its time, peak heap and peak resident memory.")
    Integer epoch;

    @Override
    public Integer call() throws IOException {
        if (epoch != null) {
            if (epoch < 1) throw new ParameterException(spec.commandLine(), "--epoch must be >= 1, got " + epoch);
            if (threads != null) Nn4j.setNumThreads(threads);
            Workloads.EpochStats st = Workloads.cnnEpoch(epoch);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("cnn-train-epoch samples=%d steps=%d seconds=%.1f ms/step=%.2f peak-heap-MiB=%.0f peak-rss-MiB=%.0f%n",
                    epoch, st.steps(), st.seconds(), 1000 * st.seconds() / st.steps(), st.peakHeapMiB(), st.peakRssMiB());
            out.flush();
            return 0;
        }
        Map<String, Workload> all = Workloads.all();
        List<Workload> selected = new ArrayList<>();
        if (only == null) {
            selected.addAll(all.values());
        } else {
            for (String name : only) {
                Workload w = all.get(name.trim());
                if (w == null) {
                    throw new ParameterException(spec.commandLine(), "unknown workload '" + name.trim() + "' (expected one of "
                            + String.join(", ", all.keySet()) + ")");
                }
                selected.add(w);
            }
        }
        if (threads != null) {
            if (threads < 1) throw new ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
            Nn4j.setNumThreads(threads);
        }
        if (minRuns < 1) throw new ParameterException(spec.commandLine(), "--runs must be >= 1, got " + minRuns);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Workload w : selected) {
            double[] times = time(w.prepare());
            double median = median(times);
            out.printf("%s %.3f%n", w.name(), median);
            out.flush();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", w.name());
            r.put("description", w.description());
            r.put("median_ms", median);
            r.put("min_ms", Arrays.stream(times).min().orElse(0));
            r.put("max_ms", Arrays.stream(times).max().orElse(0));
            r.put("runs_ms", times);
            results.add(r);
        }
        if (json != null) writeJson(results);
        return 0;
    }

    /** Warm-up (JIT, buffer pools), then timed runs; returns each run's milliseconds. */
    private double[] time(Runnable step) {
        long warmEnd = System.nanoTime() + warmupMs * 1_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) step.run();
        List<Double> times = new ArrayList<>();
        long end = System.nanoTime() + timeMs * 1_000_000L;
        while (times.size() < minRuns || System.nanoTime() < end) {
            long t0 = System.nanoTime();
            step.run();
            times.add((System.nanoTime() - t0) / 1e6);
            if (times.size() >= 1000) break;
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private void writeJson(List<Map<String, Object>> results) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("threads", Nn4j.getNumThreads());
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("java", Runtime.version().toString());
        doc.put("vm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        doc.put("vector_bits", jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize());
        doc.put("results", results);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), doc);
        } catch (IOException e) {
            throw new CliException("bench: cannot write " + json + ": " + e.getMessage(), Main.EXIT_FAILURE, e);
        }
    }
}
