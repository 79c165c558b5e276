package dev.nn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.io.SafeTensors;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run stopped by SIGTERM (what Ctrl-C and {@code kill} send) at various moments, including while it
 * writes a checkpoint, leaves a complete checkpoint (model, optimizer, metrics of the same epoch) and no temporary
 * file; {@code eval} and {@code --resume} accept it. Runs {@code nn4j train} in a child JVM on a tiny generated data set.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TrainInterruptTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void fixtures() throws IOException {
        System.setProperty("java.awt.headless", "true");
        data = CliErrorsTest.tinyFashionMnist(tmp.resolve("data"), 40, 20);
    }

    private static Process startTraining(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", data.toString(), "--model", "mlp", "--epochs", "500", "--batch-size", "8",
                "--threads", "1", "--no-progress", "--out", out.toString());
        return new ProcessBuilder(cmd).redirectOutput(out.resolveSibling(out.getFileName() + ".stdout").toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".stderr").toFile()).start();
    }

    @Test
    void sigtermLeavesACompleteCheckpoint() throws Exception {
        long[] delaysMs = {0, 120};
        for (int i = 0; i < delaysMs.length; i++) {
            Path out = tmp.resolve("run" + i);
            Process p = startTraining(out);
            Path model = out.resolve("model.safetensors");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(model) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
            String early = p.isAlive() ? "" : read(out, ".stderr");
            assertTrue(Files.exists(model), () -> "no first checkpoint: " + early);
            Thread.sleep(delaysMs[i]);
            p.destroy();   // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run stops after SIGTERM");
            String stderr = read(out, ".stderr");
            assertTrue(stderr.contains("interrupted; the last complete checkpoint is in"), stderr);

            // model and optimizer state are complete files of the same epoch, and nothing half-written is left
            var ckpt = SafeTensors.read(model);
            var opt = SafeTensors.read(out.resolve("optimizer.safetensors"));
            String epoch = ckpt.metadata().get("epoch");
            assertEquals(epoch, opt.metadata().get("epoch"), "model and optimizer checkpoints belong to the same epoch");
            try (Stream<Path> files = Files.list(out)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertFalse(names.stream().anyMatch(n -> n.endsWith(".tmp")), "temporary files left: " + names);
            }
            List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
            assertTrue(metrics.size() - 1 >= Integer.parseInt(epoch), "metrics.csv has every checkpointed epoch: " + metrics);

            // the checkpoint is usable
            var eval = CliErrorsTest.cli("eval", "--checkpoint", model.toString(), "--data", data.toString());
            assertEquals(0, eval.code(), eval.err());
            if (i == 0) {
                int next = Integer.parseInt(epoch) + 1;
                var resumed = CliErrorsTest.cli("train", "--data", data.toString(), "--model", "mlp", "--batch-size", "8",
                        "--epochs", String.valueOf(next), "--no-progress", "--resume", out.toString());
                assertEquals(0, resumed.code(), resumed.err());
                assertTrue(resumed.out().contains("after epoch " + epoch), resumed.out());
                assertEquals(String.valueOf(next), SafeTensors.read(model).metadata().get("epoch"));
            }
        }
    }

    private static String read(Path out, String suffix) throws IOException {
        File f = out.resolveSibling(out.getFileName() + suffix).toFile();
        return f.exists() ? Files.readString(f.toPath()) : "";
    }
}
