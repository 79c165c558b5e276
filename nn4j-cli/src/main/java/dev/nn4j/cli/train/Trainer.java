package dev.nn4j.cli.train;

import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.cli.CliException;
import dev.nn4j.data.DataLoader;
import dev.nn4j.data.Dataset;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.functional.F;
import dev.nn4j.optim.Adam;
import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.SGD;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The training loop of `nn4j train`: epochs of shuffled mini-batches with a progress bar, a test evaluation and a
 * checkpoint after each epoch. Every epoch's randomness (shuffle order, dropout masks) is seeded from
 * {@code seed + epoch}, so a run resumed from the checkpoint of epoch k continues exactly as the uninterrupted one.
 */
public final class Trainer {
    /** Everything a run needs; the data sets are passed in so tests can train on small generated data. */
    public record Settings(String model, int epochs, int batchSize, double lr, long seed, Path out, Path resume,
                           boolean progress) {}

    /** One epoch's results, as written to metrics.csv. */
    public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                               double seconds, double imagesPerSecond) {}

    public static final float MEAN = 0.2860f, STD = 0.3530f;
    private static final String[] CLASSES = dev.nn4j.data.MnistDataset.FASHION_CLASSES;

    private final Settings s;
    private final PrintWriter out;
    /** Held while a checkpoint is being written, so a shutdown (Ctrl-C, SIGTERM) waits for it to complete. */
    private final ReentrantLock saving = new ReentrantLock();

    public Trainer(Settings settings, PrintWriter out) {
        this.s = settings;
        this.out = out;
    }

    static Optimizer optimizer(Models.Spec spec, Module model, double lr) {
        return spec.optimizer().equals("adam")
                ? new Adam(model.parameters(), Adam.options().lr(lr))
                : new SGD(model.parameters(), SGD.options().lr(lr).momentum(spec.momentum()));
    }

    /** Trains and returns the history; the last epoch's test accuracy is the run's result. */
    public List<EpochMetrics> run(Dataset<Tensor[]> train, Dataset<Tensor[]> test) {
        Models.Spec spec = Models.spec(s.model());
        Nn4j.manualSeed(s.seed());
        Module model = Models.build(s.model());
        Optimizer opt = optimizer(spec, model, s.lr());
        List<EpochMetrics> history = new ArrayList<>();
        int start = 0;
        if (s.resume() != null) start = resume(model, opt, history);
        try {
            Files.createDirectories(s.out());
        } catch (IOException e) {
            throw new CliException("cannot create output folder " + s.out() + ": " + e.getMessage());
        }
        if (start >= s.epochs()) {
            throw new CliException("the checkpoint already has " + start + " epochs; pass --epochs greater than " + start + " to continue");
        }
        Thread hook = new Thread(() -> {
            saving.lock(); // wait for a checkpoint being written; the files on disk are then complete
            System.err.println("\nnn4j: interrupted; the last complete checkpoint is in " + s.out());
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Evaluation last = null;
            for (int epoch = start + 1; epoch <= s.epochs(); epoch++) {
                EpochMetrics m = epoch(model, opt, train, epoch);
                last = Evaluation.run(model, test, CLASSES.length, 1000);
                m = new EpochMetrics(epoch, m.trainLoss(), m.trainAccuracy(), last.loss(), last.accuracy(), m.seconds(), m.imagesPerSecond());
                history.add(m);
                out.printf(Locale.ROOT, "epoch %d/%d: train loss %.4f, train accuracy %.2f%%, test loss %.4f, test accuracy %.2f%% (%.1f s, %.0f images/s)%n",
                        epoch, s.epochs(), m.trainLoss(), 100 * m.trainAccuracy(), m.testLoss(), 100 * m.testAccuracy(), m.seconds(), m.imagesPerSecond());
                out.flush();
                save(model, opt, history, last);
            }
            out.printf(Locale.ROOT, "test accuracy: %.2f%%%n", 100 * last.accuracy());
            out.flush();
            return history;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it owns the exit
            }
        }
    }

    private EpochMetrics epoch(Module model, Optimizer opt, Dataset<Tensor[]> train, int epoch) {
        model.train();
        Nn4j.manualSeed(s.seed() * 1_000_003L + epoch);
        Generator shuffle = new Generator(s.seed() * 7_919L + epoch);
        DataLoader<Tensor[], Tensor[]> loader = DataLoader.builder(train).batchSize(s.batchSize()).shuffle(true)
                .generator(shuffle).numWorkers(1).build();
        double lossSum = 0;
        long correct = 0, seen = 0;
        long t0 = System.nanoTime();
        ProgressBar bar = s.progress() ? new ProgressBarBuilder().setTaskName(String.format("epoch %d/%d", epoch, s.epochs()))
                .setInitialMax(train.size()).setStyle(ProgressBarStyle.ASCII).setUnit(" img", 1).showSpeed()
                .setUpdateIntervalMillis(250).build() : null;
        try (var it = loader.iterator()) {
            while (it.hasNext()) {
                Tensor[] b = it.next();
                opt.zeroGrad();
                Tensor logits = model.call(b[0]);
                Tensor loss = F.crossEntropy(logits, b[1]);
                loss.backward();
                opt.step();
                int n = b[1].numel();
                double l = loss.item();
                if (!Double.isFinite(l)) {
                    throw new CliException("training diverged at epoch " + epoch + ": the loss became " + l + "; try a smaller --lr");
                }
                lossSum += l * n;
                correct += logits.argmax(1).eq(b[1]).sum().getLong();
                seen += n;
                if (bar != null) {
                    bar.stepBy(n);
                    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.2f%%", lossSum / seen, 100.0 * correct / seen));
                }
            }
        } finally {
            if (bar != null) bar.close();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new EpochMetrics(epoch, lossSum / Math.max(1, seen), (double) correct / Math.max(1, seen), 0, 0, secs, seen / secs);
    }

    private Map<String, String> metadata(int epochs) {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("format", "nn4j-checkpoint-1");
        md.put("model", s.model());
        md.put("dataset", "fashion-mnist");
        md.put("classes", String.join(",", CLASSES));
        md.put("normalize_mean", Float.toString(MEAN));
        md.put("normalize_std", Float.toString(STD));
        md.put("epoch", Integer.toString(epochs));
        md.put("batch_size", Integer.toString(s.batchSize()));
        md.put("lr", Double.toString(s.lr()));
        md.put("seed", Long.toString(s.seed()));
        return md;
    }

    private void save(Module model, Optimizer opt, List<EpochMetrics> history, Evaluation eval) {
        saving.lock();
        try {
            Map<String, String> md = metadata(history.get(history.size() - 1).epoch());
            Checkpoint.saveModel(s.out().resolve("model.safetensors"), model.stateDict(), md);
            Checkpoint.saveOptimizer(s.out().resolve("optimizer.safetensors"), opt, md);
            writeMetrics(s.out().resolve("metrics.csv"), history);
            Plots.curves(s.out().resolve("curves.png"), history);
            Plots.confusion(s.out().resolve("confusion.png"), eval.confusion(), CLASSES);
        } catch (IOException e) {
            throw new CliException("cannot write to " + s.out() + ": " + e.getMessage());
        } finally {
            saving.unlock();
        }
    }

    static void writeMetrics(Path file, List<EpochMetrics> history) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,images_per_second\n");
        for (EpochMetrics m : history) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f,%.1f%n", m.epoch(), m.trainLoss(), m.trainAccuracy(),
                    m.testLoss(), m.testAccuracy(), m.seconds(), m.imagesPerSecond()));
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, sb);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static List<EpochMetrics> readMetrics(Path file) throws IOException {
        List<EpochMetrics> l = new ArrayList<>();
        if (!Files.isRegularFile(file)) return l;
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String[] p = lines.get(i).split(",");
            if (p.length < 7) continue;
            l.add(new EpochMetrics(Integer.parseInt(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]),
                    Double.parseDouble(p[4]), Double.parseDouble(p[5]), Double.parseDouble(p[6])));
        }
        return l;
    }

    /** Loads model and optimizer state from a checkpoint (model.safetensors or its folder); returns the epochs done. */
    private int resume(Module model, Optimizer opt, List<EpochMetrics> history) {
        Path modelFile = Files.isDirectory(s.resume()) ? s.resume().resolve("model.safetensors") : s.resume();
        if (!Files.isRegularFile(modelFile)) throw new CliException("--resume: no checkpoint at " + modelFile, 2, null);
        var ckpt = Checkpoint.loadModel(modelFile);
        String kind = ckpt.metadata().get("model");
        if (!kind.equals(s.model())) {
            throw new CliException("--resume: " + modelFile + " holds a '" + kind + "' model but --model is '" + s.model() + "'", 2, null);
        }
        try {
            model.loadStateDict(ckpt.tensors(), true);
        } catch (RuntimeException e) {
            throw new CliException("--resume: " + modelFile + ": " + e.getMessage());
        }
        Path optFile = modelFile.resolveSibling("optimizer.safetensors");
        if (!Files.isRegularFile(optFile)) throw new CliException("--resume: the optimizer state " + optFile + " is missing");
        Checkpoint.loadOptimizer(optFile, opt);
        // the loaded param groups carry the old learning rate; an explicit --lr on the resumed run wins
        for (var g : opt.paramGroups()) g.setLr(s.lr());
        try {
            for (EpochMetrics m : readMetrics(modelFile.resolveSibling("metrics.csv"))) history.add(m);
        } catch (IOException | RuntimeException e) {
            throw new CliException("--resume: cannot read " + modelFile.resolveSibling("metrics.csv") + ": " + e.getMessage());
        }
        int done = Integer.parseInt(ckpt.metadata().getOrDefault("epoch", "0"));
        history.removeIf(m -> m.epoch() > done);
        out.println("resumed from " + modelFile + " after epoch " + done);
        return done;
    }
}
