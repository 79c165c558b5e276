package dev.nn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Tensor;
import dev.nn4j.io.SafeTensors;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn4j train / eval / predict} end to end on a tiny Fashion-MNIST-shaped data set generated here (so the tests
 * never need the real one): every file written, eval reproducing train's accuracy, {@code --resume} continuing
 * exactly where training stopped, predict on a PNG, and a CNN smoke run.
 */
class TrainIntegrationTest {
    @TempDir
    static Path tmp;
    static Path data;
    /** The uninterrupted 2-epoch MLP run, shared by the tests that inspect its output. */
    static Run twoEpochs;
    static Path twoEpochsOut;

    record Run(int code, String out, String err) {
        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainOnce() throws IOException {
        System.setProperty("java.awt.headless", "true");
        data = generate(tmp.resolve("data"), 512, 256);
        twoEpochsOut = tmp.resolve("mlp-2");
        twoEpochs = train(twoEpochsOut, "--model", "mlp", "--epochs", "2");
    }

    static Run train(Path out, String... extra) {
        String[] base = {"train", "--data", data.toString(), "--out", out.toString(), "--no-progress", "--seed", "1", "--threads", "2"};
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Run r = cli(args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + "\nstdout: " + r.out() + "\nstderr: " + r.err());
        return r;
    }

    // ------------------------------------------------------------------ fixture

    /**
     * A Fashion-MNIST-shaped IDX set: class c is a bright 3-row band at rows 2c+1..2c+3, of random brightness and
     * random horizontal extent, over noise. The train split is gzip-compressed, the test split raw (both are read).
     */
    static Path generate(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(2024);
        for (String split : List.of("train", "t10k")) {
            int n = split.equals("train") ? train : test;
            byte[] pixels = new byte[n * 784], labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int c = rnd.nextInt(10);
                labels[i] = (byte) c;
                int from = rnd.nextInt(8), to = 20 + rnd.nextInt(8), bright = 150 + rnd.nextInt(105);
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        boolean band = y >= 2 * c + 1 && y <= 2 * c + 3 && x >= from && x < to;
                        pixels[i * 784 + y * 28 + x] = (byte) (band ? bright : rnd.nextInt(60));
                    }
                }
            }
            boolean gzip = split.equals("train");
            write(dir.resolve(split + "-images-idx3-ubyte" + (gzip ? ".gz" : "")), idx(new int[] {n, 28, 28}, pixels), gzip);
            write(dir.resolve(split + "-labels-idx1-ubyte" + (gzip ? ".gz" : "")), idx(new int[] {n}, labels), gzip);
        }
        return dir;
    }

    /** IDX: magic 0x00 0x00 0x08 (unsigned byte) ndims, the dims as big-endian ints, the data. */
    static byte[] idx(int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        b.putInt(0x0800 | dims.length);
        for (int d : dims) b.putInt(d);
        b.put(payload);
        return b.array();
    }

    static void write(Path file, byte[] bytes, boolean gzip) throws IOException {
        if (!gzip) {
            Files.write(file, bytes);
            return;
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }

    // ------------------------------------------------------------------ helpers

    static final Pattern ACCURACY = Pattern.compile("test accuracy: (\\d+\\.\\d\\d)%");

    static double accuracy(String line) {
        Matcher m = ACCURACY.matcher(line);
        assertTrue(m.matches(), "expected 'test accuracy: NN.NN%', got: " + line);
        return Double.parseDouble(m.group(1));
    }

    static void assertPng(Path file, int minWidth) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, file + " is not a PNG");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " does not decode");
        assertTrue(img.getWidth() >= minWidth && img.getHeight() >= 100, file + ": " + img.getWidth() + "x" + img.getHeight());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void trainPrintsItsAccuracyAndWritesEveryFile() throws IOException {
        String out = twoEpochs.out();
        assertTrue(out.startsWith("training mlp on Fashion-MNIST (512 train, 256 test images) for 2 epochs"), out);
        assertTrue(out.contains("epoch 1/2: train loss") && out.contains("epoch 2/2: train loss"), out);
        double acc = accuracy(twoEpochs.lastLine());
        assertTrue(acc > 50, "well above chance (10%): " + acc);
        assertEquals("", twoEpochs.err());

        SafeTensors.Contents model = SafeTensors.read(twoEpochsOut.resolve("model.safetensors"));
        assertEquals("mlp", model.metadata().get("model"));
        assertEquals("2", model.metadata().get("epoch"));
        assertEquals(List.of("1.weight", "1.bias", "3.weight", "3.bias", "5.weight", "5.bias"), List.copyOf(model.tensors().keySet()));
        assertArrayEquals(new int[] {512, 784}, model.tensors().get("1.weight").shape());

        SafeTensors.Contents opt = SafeTensors.read(twoEpochsOut.resolve("optimizer.safetensors"));
        assertEquals("SGD", opt.metadata().get("optimizer"));
        assertEquals(6, opt.tensors().size(), "one momentum buffer per parameter: " + opt.tensors().keySet());

        List<String> csv = Files.readAllLines(twoEpochsOut.resolve("metrics.csv"));
        assertEquals(3, csv.size(), "header + 2 epochs: " + csv);
        assertTrue(csv.get(0).startsWith("epoch,train_loss,train_accuracy,test_loss,test_accuracy"), csv.get(0));
        String[] last = csv.get(2).split(",");
        assertEquals("2", last[0]);
        assertEquals(acc, 100 * Double.parseDouble(last[4]), 0.006, "metrics.csv has the printed accuracy");

        assertPng(twoEpochsOut.resolve("curves.png"), 600);
        assertPng(twoEpochsOut.resolve("confusion.png"), 600);
        try (var files = Files.list(twoEpochsOut)) {
            assertEquals(List.of("confusion.png", "curves.png", "metrics.csv", "model.safetensors", "optimizer.safetensors"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "exactly these files, no temporary leftovers");
        }
    }

    @Test
    void evalReproducesTheTrainingAccuracy() {
        Run eval = cli("eval", "--checkpoint", twoEpochsOut.resolve("model.safetensors").toString(), "--data", data.toString());
        assertEquals(0, eval.code(), eval.err());
        assertEquals(twoEpochs.lastLine(), eval.lastLine());
        assertTrue(eval.out().contains("Ankle boot"), "per-class table: " + eval.out());
    }

    @Test
    void resumeContinuesExactlyWhereTrainingStopped() throws IOException {
        Path out = tmp.resolve("mlp-1-then-2");
        Run first = train(out, "--model", "mlp", "--epochs", "1");
        assertTrue(first.out().contains("epoch 1/1:"), first.out());
        // model, seed, batch size and learning rate come from the checkpoint: only the new epoch count is given
        Run resumed = cli("train", "--data", data.toString(), "--resume", out.toString(), "--epochs", "2", "--no-progress", "--threads", "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("resumed from " + out.resolve("model.safetensors") + " after epoch 1"), resumed.out());
        assertTrue(!resumed.out().contains("epoch 1/2:") && resumed.out().contains("epoch 2/2:"), resumed.out());
        assertEquals(twoEpochs.lastLine(), resumed.lastLine());

        Map<String, Tensor> a = SafeTensors.read(twoEpochsOut.resolve("model.safetensors")).tensors();
        Map<String, Tensor> b = SafeTensors.read(out.resolve("model.safetensors")).tensors();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertTrue(a.get(k).equal(b.get(k)), "resumed weights differ from an uninterrupted run: " + k);
        Map<String, Tensor> oa = SafeTensors.read(twoEpochsOut.resolve("optimizer.safetensors")).tensors();
        Map<String, Tensor> ob = SafeTensors.read(out.resolve("optimizer.safetensors")).tensors();
        for (String k : oa.keySet()) assertTrue(oa.get(k).equal(ob.get(k)), "optimizer state differs: " + k);

        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(3, csv.size(), "the resumed run keeps epoch 1's row: " + csv);
        assertEquals(Files.readAllLines(twoEpochsOut.resolve("metrics.csv")).get(2).split(",")[4], csv.get(2).split(",")[4]);
    }

    @Test
    void evalAndPredictTakeARunFolderAndRejectTheOptimizerFile() {
        Run eval = cli("eval", "--checkpoint", twoEpochsOut.toString(), "--data", data.toString());
        assertEquals(0, eval.code(), eval.err());
        assertEquals(twoEpochs.lastLine(), eval.lastLine());
        Run wrong = cli("eval", "--checkpoint", twoEpochsOut.resolve("optimizer.safetensors").toString(), "--data", data.toString());
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("holds the optimizer state, not the model"), wrong.err());
        Run top0 = cli("predict", "--checkpoint", twoEpochsOut.toString(), "--top", "0", twoEpochsOut.resolve("curves.png").toString());
        assertEquals(2, top0.code());
        assertTrue(top0.err().contains("--top must be a positive number, got 0"), top0.err());
    }

    @Test
    void predictPrintsTheTopClassesOfAnImage() throws IOException {
        // a picture of class 4 drawn like the training data (a band at rows 9..11), larger than 28x28
        BufferedImage img = new BufferedImage(56, 56, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 18; y < 24; y++) for (int x = 4; x < 48; x++) img.getRaster().setSample(x, y, 0, 230);
        Path png = tmp.resolve("band.png");
        ImageIO.write(img, "png", png.toFile());
        Run r = cli("predict", "--checkpoint", twoEpochsOut.resolve("model.safetensors").toString(), "--top", "2", png.toString());
        assertEquals(0, r.code(), r.err());
        Matcher m = Pattern.compile(Pattern.quote(png.toString()) + ": (.+) (\\d+\\.\\d)%, (.+) (\\d+\\.\\d)%").matcher(r.out().strip());
        assertTrue(m.matches(), r.out());
        assertTrue(Arrays.asList(dev.nn4j.data.MnistDataset.FASHION_CLASSES).contains(m.group(1)), r.out());
        assertTrue(Double.parseDouble(m.group(2)) >= Double.parseDouble(m.group(4)), "sorted by probability: " + r.out());
    }

    @Test
    void cnnTrainsForAnEpochOnTheTinySet() throws IOException {
        Path out = tmp.resolve("cnn-1");
        Run r = train(out, "--epochs", "1", "--batch-size", "32");
        assertTrue(r.out().startsWith("training cnn on Fashion-MNIST"), r.out());
        assertTrue(accuracy(r.lastLine()) > 20, r.out());
        assertEquals("cnn", SafeTensors.read(out.resolve("model.safetensors")).metadata().get("model"));
        assertEquals("Adam", SafeTensors.read(out.resolve("optimizer.safetensors")).metadata().get("optimizer"));
        Run eval = cli("eval", "--checkpoint", out.resolve("model.safetensors").toString(), "--data", data.toString());
        assertEquals(r.lastLine(), eval.lastLine());
    }
}
