package dev.nn4j.bench;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import dev.nn4j.nn.Conv2d;
import dev.nn4j.nn.Dropout;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.MaxPool2d;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.F;
import dev.nn4j.optim.Adam;
import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.SGD;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fixed workloads of {@code ./nn4j bench}, the JMH benchmarks and {@code bench/compare_pytorch.py} (which
 * builds the same ones in PyTorch). Each is float32 with standard-normal inputs from a seeded generator;
 * {@link Workload#prepare()} builds the inputs, model and optimizer once and returns the step to time.
 */
public final class Workloads {
    private Workloads() {}

    /** One named workload: {@code prepare()} allocates everything, the returned step is what gets timed. */
    public record Workload(String name, String description, Supplier<Runnable> factory) {
        public Runnable prepare() {
            return factory.get();
        }
    }

    /** Seed of every input and initial weight, so runs are repeatable. */
    public static final long SEED = 1234;

    /** The five workloads, in the order {@code ./nn4j bench} prints them. */
    public static Map<String, Workload> all() {
        Map<String, Workload> m = new LinkedHashMap<>();
        add(m, new Workload("matmul-1024", "(1024x1024) @ (1024x1024)", Workloads::matmul));
        add(m, new Workload("conv2d-b64-c64-32x32-k3", "conv2d forward, input (64,64,32,32), weight (64,64,3,3), padding 1, no bias",
                Workloads::conv2d));
        add(m, new Workload("mlp-train-step-b128", "SGD(momentum 0.9) step of 784-512-256-10 MLP on (128,1,28,28)",
                Workloads::mlpTrainStep));
        add(m, new Workload("cnn-train-step-b64", "Adam step of the MNIST CNN (dropouts in training mode) on (64,1,28,28)",
                Workloads::cnnTrainStep));
        add(m, new Workload("cnn-infer-b256", "the MNIST CNN in eval mode under noGrad on (256,1,28,28)",
                Workloads::cnnInfer));
        return m;
    }

    private static void add(Map<String, Workload> m, Workload w) {
        m.put(w.name(), w);
    }

    static Runnable matmul() {
        Generator g = new Generator(SEED);
        Tensor a = Tensor.randn(g, 1024, 1024), b = Tensor.randn(g, 1024, 1024);
        return () -> a.matmul(b);
    }

    static Runnable conv2d() {
        Generator g = new Generator(SEED);
        Tensor x = Tensor.randn(g, 64, 64, 32, 32), w = Tensor.randn(g, 64, 64, 3, 3);
        Conv opts = Conv.opts().padding(1);
        return () -> F.conv2d(x, w, null, opts);
    }

    /** Flatten, Linear(784,512), ReLU, Linear(512,256), ReLU, Linear(256,10). */
    public static Sequential mlp() {
        return new Sequential(new Flatten(), new Linear(784, 512), new ReLU(), new Linear(512, 256), new ReLU(),
                new Linear(256, 10));
    }

    static Runnable mlpTrainStep() {
        Generator g = new Generator(SEED);
        dev.nn4j.Nn4j.manualSeed(SEED);
        Module model = mlp();
        Tensor x = Tensor.randn(g, 128, 1, 28, 28);
        Tensor y = Tensor.randint(0, 10, g, 128);
        Optimizer opt = new SGD(model.parameters(), SGD.options().lr(0.01).momentum(0.9));
        return trainStep(model, opt, x, y);
    }

    /**
     * The CNN of the MNIST example: Conv2d(1,32,3), ReLU, Conv2d(32,64,3), ReLU, MaxPool2d(2), Dropout(0.25), Flatten,
     * Linear(9216,128), ReLU, Dropout(0.5), Linear(128,10).
     */
    public static Sequential cnn() {
        return new Sequential(new Conv2d(1, 32, 3), new ReLU(), new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
                new Dropout(0.25), new Flatten(), new Linear(9216, 128), new ReLU(), new Dropout(0.5), new Linear(128, 10));
    }

    static Runnable cnnTrainStep() {
        Generator g = new Generator(SEED);
        dev.nn4j.Nn4j.manualSeed(SEED);
        Module model = cnn();
        model.train();
        Tensor x = Tensor.randn(g, 64, 1, 28, 28);
        Tensor y = Tensor.randint(0, 10, g, 64);
        Optimizer opt = new Adam(model.parameters(), Adam.options().lr(1e-3));
        return trainStep(model, opt, x, y);
    }

    static Runnable cnnInfer() {
        Generator g = new Generator(SEED);
        dev.nn4j.Nn4j.manualSeed(SEED);
        Module model = cnn();
        model.eval();
        Tensor x = Tensor.randn(g, 256, 1, 28, 28);
        return () -> {
            try (var ng = Autograd.noGrad()) {
                model.call(x);
            }
        };
    }

    /** zeroGrad, forward, cross-entropy, backward, optimizer step. */
    static Runnable trainStep(Module model, Optimizer opt, Tensor x, Tensor y) {
        return () -> {
            opt.zeroGrad();
            Tensor loss = F.crossEntropy(model.call(x), y);
            loss.backward();
            opt.step();
        };
    }

    /** Time and memory of {@link #cnnEpoch}: wall seconds, steps, peak heap in use (MiB), peak resident set (MiB, -1 if unknown). */
    public record EpochStats(double seconds, int steps, double peakHeapMiB, double peakRssMiB) {}

    /**
     * One training epoch of the CNN ({@link #cnnTrainStep}'s model and Adam step) over {@code samples} random
     * (1, 28, 28) images in batches of 64, the data held as one tensor as an MNIST loader would. Peak heap is the
     * largest heap in use the JVM saw during the epoch (pool peaks, after a GC before the start); peak RSS is the
     * process high-water mark (VmHWM, including the JVM itself).
     */
    public static EpochStats cnnEpoch(int samples) {
        Generator g = new Generator(SEED);
        dev.nn4j.Nn4j.manualSeed(SEED);
        Module model = cnn();
        model.train();
        Tensor data = Tensor.randn(g, samples, 1, 28, 28), labels = Tensor.randint(0, 10, g, samples);
        Optimizer opt = new Adam(model.parameters(), Adam.options().lr(1e-3));
        System.gc();
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long t0 = System.nanoTime();
        int steps = 0;
        for (int start = 0; start < samples; start += 64, steps++) {
            int n = Math.min(64, samples - start);
            trainStep(model, opt, data.narrow(0, start, n), labels.narrow(0, start, n)).run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return new EpochStats(seconds, steps, peak / 1048576.0, peakRssMiB());
    }

    private static double peakRssMiB() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: no high-water mark
        }
        return -1;
    }

    /** The names in {@link #all()} order. */
    public static List<String> names() {
        return List.copyOf(all().keySet());
    }
}
