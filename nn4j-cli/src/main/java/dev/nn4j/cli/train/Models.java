package dev.nn4j.cli.train;

import dev.nn4j.cli.CliException;
import dev.nn4j.nn.Conv2d;
import dev.nn4j.nn.Dropout;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.MaxPool2d;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import java.util.List;

/** The models `nn4j train` knows, with the optimizer settings each trains with by default. */
public final class Models {
    private Models() {}

    /** A model's defaults: optimizer ("adam" or "sgd"), learning rate, momentum, batch size, epochs. */
    public record Spec(String name, String optimizer, double lr, double momentum, int batchSize, int epochs) {}

    public static final List<Spec> SPECS = List.of(
            new Spec("cnn", "adam", 1e-3, 0, 64, 3),
            new Spec("mlp", "sgd", 0.05, 0.9, 128, 3));

    public static Spec spec(String name) {
        for (Spec s : SPECS) if (s.name().equals(name)) return s;
        throw new CliException("unknown model '" + name + "', expected one of: cnn, mlp", 2, null);
    }

    /** PyTorch's MNIST example CNN, or a 3-layer MLP; both for (N, 1, 28, 28) inputs and 10 classes. */
    public static Module build(String name) {
        return switch (spec(name).name()) {
            case "cnn" -> new Sequential(
                    new Conv2d(1, 32, 3), new ReLU(),
                    new Conv2d(32, 64, 3), new ReLU(),
                    new MaxPool2d(2), new Dropout(0.25),
                    new Flatten(),
                    new Linear(9216, 128), new ReLU(), new Dropout(0.5),
                    new Linear(128, 10));
            default -> new Sequential(
                    new Flatten(),
                    new Linear(784, 512), new ReLU(),
                    new Linear(512, 256), new ReLU(),
                    new Linear(256, 10));
        };
    }
}
