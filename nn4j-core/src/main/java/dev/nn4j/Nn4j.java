package dev.nn4j;

import dev.nn4j.backend.cpu.Parallel;
import dev.nn4j.io.SafeTensors;
import java.nio.file.Path;
import java.util.Map;

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

    /** Writes a state dict as safetensors, atomically (a crash mid-save leaves the previous file intact). */
    public static void save(Map<String, Tensor> stateDict, Path path) {
        SafeTensors.write(path, stateDict, Map.of());
    }

    /** Reads a safetensors state dict (tensors in file order); the file is validated before anything is allocated. */
    public static Map<String, Tensor> load(Path path) {
        return SafeTensors.read(path).tensors();
    }
}
