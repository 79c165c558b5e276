package dev.nn4j;

import dev.nn4j.backend.cpu.Parallel;

/** Global settings, as {@code torch.manual_seed} and {@code torch.set_num_threads}. */
public final class Nn4j {
    private Nn4j() {}

    /** Reseeds the default generator. */
    public static void manualSeed(long seed) {
        Generator.getDefault().manualSeed(seed);
    }

    /** Number of threads the CPU kernels use (default: all available cores). */
    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    public static int getNumThreads() {
        return Parallel.numThreads();
    }
}
