package dev.nn4j.cli;

import dev.nn4j.cli.train.Checkpoint;
import dev.nn4j.cli.train.Evaluation;
import dev.nn4j.cli.train.Models;
import dev.nn4j.data.DatasetNotFoundException;
import dev.nn4j.data.MnistDataset;
import dev.nn4j.io.SafeTensors;
import dev.nn4j.nn.Module;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nn4j eval}: accuracy of a checkpoint written by `nn4j train` on the Fashion-MNIST test set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpoint on the Fashion-MNIST test set: per-class and overall accuracy.")
public final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, description = "model.safetensors written by nn4j train, or its folder")
    Path checkpoint;

    @Option(names = "--data", description = "folder with the Fashion-MNIST IDX files")
    Path data;

    @Option(names = "--threads", description = "CPU threads for the kernels (default: all cores)")
    Integer threads;

    /** Builds the model a checkpoint names and loads its weights (strict). */
    static Loaded load(Path checkpoint) {
        if (Files.isDirectory(checkpoint)) checkpoint = checkpoint.resolve("model.safetensors");   // a run's output folder
        if (!Files.isRegularFile(checkpoint)) throw new CliException("--checkpoint: no such file: " + checkpoint, Main.EXIT_USAGE, null);
        SafeTensors.Contents c = Checkpoint.loadModel(checkpoint);
        String kind = c.metadata().get("model");
        Module model;
        try {
            model = Models.build(kind);
        } catch (CliException e) {
            throw new CliException(checkpoint + ": " + e.getMessage(), Main.EXIT_USAGE, e);
        }
        try {
            model.loadStateDict(c.tensors(), true);
        } catch (RuntimeException e) {
            throw new CliException(checkpoint + ": the weights do not fit a '" + kind + "' model: " + e.getMessage(), Main.EXIT_USAGE, e);
        }
        model.eval();
        float mean = number(checkpoint, c.metadata(), "normalize_mean", "0");
        float std = number(checkpoint, c.metadata(), "normalize_std", "1");
        String[] classes = c.metadata().getOrDefault("classes", String.join(",", MnistDataset.FASHION_CLASSES)).split(",");
        return new Loaded(model, mean, std, classes);
    }

    private static float number(Path checkpoint, java.util.Map<String, String> metadata, String key, String def) {
        String v = metadata.getOrDefault(key, def);
        try {
            return Float.parseFloat(v);
        } catch (NumberFormatException e) {
            throw new CliException(checkpoint + ": metadata " + key + " is not a number: '" + v + "'", Main.EXIT_USAGE, e);
        }
    }

    record Loaded(Module model, float mean, float std, String[] classes) {}

    @Override
    public Integer call() {
        if (threads != null) {
            if (threads <= 0) throw new ParameterException(spec.commandLine(), "--threads must be a positive number, got " + threads);
            dev.nn4j.Nn4j.setNumThreads(threads);
        }
        Loaded l = load(checkpoint);
        MnistDataset test;
        try {
            test = MnistDataset.fashionMnist(data, TrainCommand.cacheDir(), false, l.mean(), l.std());
        } catch (DatasetNotFoundException | IllegalArgumentException e) {   // missing or malformed IDX files
            throw new CliException(e.getMessage(), Main.EXIT_USAGE, e);
        }
        Evaluation ev = Evaluation.run(l.model(), test, l.classes().length, 1000);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-12s %8s %8s%n", "class", "correct", "accuracy");
        long[][] cm = ev.confusion();
        for (int c = 0; c < l.classes().length; c++) {
            long total = 0;
            for (long v : cm[c]) total += v;
            out.printf(Locale.ROOT, "%-12s %8d %7.2f%%%n", l.classes()[c], cm[c][c], total == 0 ? 0 : 100.0 * cm[c][c] / total);
        }
        out.printf(Locale.ROOT, "test loss: %.4f%n", ev.loss());
        out.printf(Locale.ROOT, "test accuracy: %.2f%%%n", 100 * ev.accuracy());
        out.flush();
        return 0;
    }
}
