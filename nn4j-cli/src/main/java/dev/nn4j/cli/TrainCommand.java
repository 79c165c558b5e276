package dev.nn4j.cli;

import dev.nn4j.Nn4j;
import dev.nn4j.cli.train.Checkpoint;
import dev.nn4j.cli.train.Models;
import dev.nn4j.cli.train.Trainer;
import dev.nn4j.data.DatasetNotFoundException;
import dev.nn4j.data.MnistDataset;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nn4j train}: trains a classifier on Fashion-MNIST and writes its checkpoint, metrics and plots. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a classifier on Fashion-MNIST.",
            "After every epoch, writes model.safetensors, optimizer.safetensors,",
            "metrics.csv, curves.png and confusion.png to the output folder.",
            "cnn: PyTorch's MNIST example CNN, Adam lr 1e-3, batch 64, 3 epochs.",
            "mlp: 784-512-256-10 MLP, SGD lr 0.05 momentum 0.9, batch 128, 3 epochs."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "cnn or mlp (default: cnn; with --resume, the checkpoint's)")
    String model;

    @Option(names = "--epochs", description = "number of epochs (default: 3)")
    Integer epochs;

    @Option(names = "--batch-size", description = "mini-batch size (default: 64 for cnn, 128 for mlp; with --resume, the checkpoint's)")
    Integer batchSize;

    @Option(names = "--lr", description = "learning rate (default: 1e-3 for cnn, 0.05 for mlp; with --resume, the checkpoint's)")
    Double lr;

    @Option(names = "--seed", description = "random seed for initialization, shuffling and dropout (default: 0; with --resume, the checkpoint's)")
    Long seed;

    @Option(names = "--threads", description = "CPU threads for the kernels (default: all cores)")
    Integer threads;

    @Option(names = "--data", description = "folder with the Fashion-MNIST IDX files (default: /usr/share/datasets/fashion-mnist, then the cache)")
    Path data;

    @Option(names = "--out", description = "output folder (default: runs/<timestamp>)")
    Path out;

    @Option(names = "--resume", description = "continue from a checkpoint (model.safetensors or its folder)")
    Path resume;

    @Option(names = "--no-progress", description = "no progress bar (for logs)")
    boolean noProgress;

    @Override
    public Integer call() {
        // A resumed run continues with the checkpoint's settings unless told otherwise: the same model, batch size,
        // learning rate and seed give exactly the run that was not interrupted.
        Map<String, String> ckpt = resume != null ? resumedSettings(resume) : Map.of();
        Models.Spec m;
        try {
            m = Models.spec(model != null ? model : ckpt.getOrDefault("model", "cnn"));
        } catch (CliException e) {
            throw new ParameterException(spec.commandLine(), "--model: " + e.getMessage());
        }
        int ep = epochs != null ? epochs : m.epochs();
        int bs = batchSize != null ? batchSize : ckpt.containsKey("batch_size") ? (int) number(ckpt, "batch_size") : m.batchSize();
        double rate = lr != null ? lr : ckpt.containsKey("lr") ? number(ckpt, "lr") : m.lr();
        long seedValue = seed != null ? seed : ckpt.containsKey("seed") ? (long) number(ckpt, "seed") : 0;
        if (ep <= 0) throw new ParameterException(spec.commandLine(), "--epochs must be a positive number, got " + ep);
        if (bs <= 0) throw new ParameterException(spec.commandLine(), "--batch-size must be a positive number, got " + bs);
        if (!(rate > 0) || Double.isInfinite(rate)) throw new ParameterException(spec.commandLine(), "--lr must be a positive number, got " + rate);
        if (threads != null) {
            if (threads <= 0) throw new ParameterException(spec.commandLine(), "--threads must be a positive number, got " + threads);
            Nn4j.setNumThreads(threads);
        }
        Path outDir = out != null ? out : resume != null ? resumeFolder(resume)
                : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        MnistDataset train, test;
        try {
            train = MnistDataset.fashionMnist(data, cacheDir(), true, Trainer.MEAN, Trainer.STD);
            test = MnistDataset.fashionMnist(data, cacheDir(), false, Trainer.MEAN, Trainer.STD);
        } catch (DatasetNotFoundException | IllegalArgumentException e) {   // missing or malformed IDX files
            throw new CliException(e.getMessage(), Main.EXIT_USAGE, e);
        }
        PrintWriter pw = spec.commandLine().getOut();
        pw.printf("training %s on Fashion-MNIST (%d train, %d test images) for %d epoch%s, batch %d, lr %s, %d threads -> %s%n",
                m.name(), train.size(), test.size(), ep, ep == 1 ? "" : "s", bs, rate, Nn4j.getNumThreads(), outDir);
        pw.flush();
        new Trainer(new Trainer.Settings(m.name(), ep, bs, rate, seedValue, outDir, resume, !noProgress), pw).run(train, test);
        return 0;
    }

    /** The settings recorded in the checkpoint to resume from; empty when there is none (the Trainer reports that). */
    private static Map<String, String> resumedSettings(Path resume) {
        Path file = Files.isDirectory(resume) ? resume.resolve("model.safetensors") : resume;
        if (!Files.isRegularFile(file)) return Map.of();
        return Checkpoint.loadModel(file).metadata();
    }

    private static double number(Map<String, String> md, String key) {
        try {
            return Double.parseDouble(md.get(key));
        } catch (NumberFormatException e) {
            throw new CliException("--resume: the checkpoint's " + key + " is not a number: '" + md.get(key) + "'");
        }
    }

    private static Path resumeFolder(Path resume) {
        Path p = resume.toAbsolutePath();
        return java.nio.file.Files.isDirectory(p) ? p : p.getParent();
    }

    /** Where downloaded data sets are kept ($XDG_CACHE_HOME/nn4j or ~/.cache/nn4j). */
    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("nn4j").resolve("fashion-mnist");
    }

}
