package dev.nn4j.examples;

import dev.nn4j.Autograd;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.io.SafeTensors;
import dev.nn4j.nn.BatchNorm2d;
import dev.nn4j.nn.Conv2d;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.IncompatibleKeys;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.MaxPool2d;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.functional.Conv;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loading weights exported from PyTorch. In Python:
 * <pre>
 *   model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
 *                         nn.Flatten(), nn.Linear(144, 16), nn.ReLU(), nn.Linear(16, 3))
 *   ...train...
 *   safetensors.torch.save_file(model.state_dict(), "small_cnn.safetensors")
 * </pre>
 * In Java, build the same layers in the same order: nn4j's state-dict keys ({@code 0.weight},
 * {@code 1.running_mean}, {@code 1.num_batches_tracked}, ...) and tensor layouts are PyTorch's, so
 * {@code loadStateDict} takes the file as it is. The shipped files come from
 * {@code tools/golden/examples_pytorch_weights.py}, which also stores an input batch and PyTorch's output for it.
 */
public final class PyTorchWeights {
    private PyTorchWeights() {}

    /** The model of the Python script, module for module (the indices are the state-dict prefixes). */
    public static Sequential smallCnn() {
        return new Sequential(
                new Conv2d(1, 4, 3, Conv.opts().padding(1)), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(4 * 6 * 6, 16), new ReLU(), new Linear(16, 3));
    }

    /** nn4j's output next to PyTorch's, and the keys report of the (strict) load. */
    public record Result(Tensor output, Tensor pytorchOutput, IncompatibleKeys keys, Map<String, Tensor> stateDict) {
        public double maxAbsDifference() {
            return output.sub(pytorchOutput).abs().max().item();
        }
    }

    /** Loads {@code weights} into {@link #smallCnn()}, runs it in eval mode on the stored input, compares. */
    public static Result run(Path weights, Path inputOutput) {
        Sequential model = smallCnn();
        IncompatibleKeys keys = model.loadStateDict(Nn4j.load(weights), true);   // strict: every key must match
        model.eval();                                                            // batch norm uses the running stats
        Map<String, Tensor> io = Nn4j.load(inputOutput);
        Tensor out;
        try (var g = Autograd.noGrad()) {
            out = model.call(io.get("input"));
        }
        return new Result(out, io.get("output"), keys, model.stateDict());
    }

    /** Runs on the files shipped with the examples. */
    public static Result run() {
        return run(ExampleResources.path("small_cnn.safetensors"), ExampleResources.path("small_cnn_io.safetensors"));
    }

    public static void main(String[] args) {
        Path weights = ExampleResources.path("small_cnn.safetensors");
        System.out.println("keys in " + weights.getFileName() + ": " + SafeTensors.read(weights).tensors().keySet());
        Result r = run();
        System.out.println("load: " + r.keys());
        System.out.println("nn4j output:\n" + r.output());
        System.out.println("PyTorch output:\n" + r.pytorchOutput());
        System.out.printf("max |nn4j - PyTorch| = %.3g%n", r.maxAbsDifference());
    }
}
