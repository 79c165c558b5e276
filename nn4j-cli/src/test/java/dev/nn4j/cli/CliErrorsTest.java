package dev.nn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Tensor;
import dev.nn4j.cli.train.Checkpoint;
import dev.nn4j.cli.train.Models;
import dev.nn4j.io.SafeTensors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User errors of every subcommand: each prints exactly one line on stderr that names the culprit (the option,
 * the path, the file and line) with no stack trace, and exits 2 for a usage error (bad option, missing or
 * malformed input file) or 1 for a failure; {@code --debug} adds the stack trace. Data sets are tiny generated
 * IDX folders: no test needs the real Fashion-MNIST.
 */
class CliErrorsTest {
    @TempDir
    static Path tmp;
    static Path data, emptyDir, goodCheckpoint;

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Exit {@code code}, one line on stderr naming every fragment, no stack trace. */
    static Run assertError(int code, String[] args, String... fragments) {
        Run r = cli(args);
        String where = String.join(" ", args) + " -> exit " + r.code() + ", stderr: " + r.err();
        assertEquals(code, r.code(), where);
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), "exactly one line on stderr: " + where);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("internal error"), "no stack trace: " + where);
        for (String f : fragments) assertTrue(lines.get(0).contains(f), "stderr names '" + f + "': " + where);
        return r;
    }

    static String[] a(String... args) {
        return args;
    }

    // ------------------------------------------------------------------ fixtures

    /** An IDX file of unsigned bytes: magic 0x0000080N, the dims, the data. */
    static byte[] idx(int[] dims, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x800 | dims.length);
        for (int d : dims) b.putInt(d);
        b.put(payload);
        return b.array();
    }

    /** A Fashion-MNIST-shaped folder with {@code train} and {@code test} images of 28x28 and labels 0..9. */
    static Path tinyFashionMnist(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(1);
        for (String[] split : new String[][] {{"train", String.valueOf(train)}, {"t10k", String.valueOf(test)}}) {
            int n = Integer.parseInt(split[1]);
            byte[] pixels = new byte[n * 28 * 28], labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 10);
                // a bright band whose row depends on the class, over noise: learnable in a few steps
                for (int p = 0; p < 28 * 28; p++) pixels[i * 784 + p] = (byte) (rnd.nextInt(40) + (p / 28 / 3 == labels[i] ? 200 : 0));
            }
            Files.write(dir.resolve(split[0] + "-images-idx3-ubyte"), idx(new int[] {n, 28, 28}, pixels));
            Files.write(dir.resolve(split[0] + "-labels-idx1-ubyte"), idx(new int[] {n}, labels));
        }
        return dir;
    }

    static Map<String, String> metadata(String model) {
        Map<String, String> md = new LinkedHashMap<>();
        md.put("format", "nn4j-checkpoint-1");
        md.put("model", model);
        md.put("normalize_mean", "0.286");
        md.put("normalize_std", "0.353");
        md.put("epoch", "1");
        return md;
    }

    @BeforeAll
    static void fixtures() throws IOException {
        System.setProperty("java.awt.headless", "true");
        data = tinyFashionMnist(tmp.resolve("data"), 40, 20);
        emptyDir = Files.createDirectories(tmp.resolve("empty"));
        goodCheckpoint = tmp.resolve("good/model.safetensors");
        Checkpoint.saveModel(goodCheckpoint, Models.build("mlp").stateDict(), metadata("mlp"));
    }

    static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(tmp.resolve(name), bytes);
    }

    static byte[] safetensorsHeader(String json, long claimedLength) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN).putLong(claimedLength).put(h).array();
    }

    // ------------------------------------------------------------------ train

    @Test
    void trainOptionErrors() {
        String d = data.toString();
        assertError(2, a("train", "--data", "/no/such/dir"), "/no/such/dir");
        assertError(2, a("train", "--data", emptyDir.toString(), "--epochs", "1"), emptyDir.toString(), "train-images-idx3-ubyte");
        assertError(2, a("train", "--data", d, "--epochs", "-3"), "--epochs", "-3");
        assertError(2, a("train", "--data", d, "--epochs", "0"), "--epochs", "0");
        assertError(2, a("train", "--data", d, "--epochs", "three"), "--epochs", "three");
        assertError(2, a("train", "--data", d, "--model", "resnet"), "--model", "resnet", "cnn", "mlp");
        assertError(2, a("train", "--data", d, "--lr", "0"), "--lr", "0");
        assertError(2, a("train", "--data", d, "--lr", "-0.1"), "--lr", "-0.1");
        assertError(2, a("train", "--data", d, "--lr", "NaN"), "--lr", "NaN");
        assertError(2, a("train", "--data", d, "--batch-size", "0"), "--batch-size", "0");
        assertError(2, a("train", "--data", d, "--threads", "0"), "--threads", "0");
        assertError(2, a("train", "--data", d, "--frobnicate"), "--frobnicate");
        assertError(2, a("train", "--data"), "--data");
        assertError(2, a("train", "--data", d, "--resume", tmp.resolve("no-run").toString()), "--resume", "no-run");
    }

    @Test
    void trainOnBrokenDataFiles() throws IOException {
        Path truncated = tinyFashionMnist(tmp.resolve("truncated"), 10, 5);
        Path images = truncated.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 100));
        assertError(2, a("train", "--data", truncated.toString(), "--model", "mlp"), "train-images-idx3-ubyte", "truncated");

        Path garbage = tinyFashionMnist(tmp.resolve("garbage"), 10, 5);
        byte[] noise = new byte[2000];
        new Random(2).nextBytes(noise);
        noise[0] = 0x11;
        Files.write(garbage.resolve("t10k-labels-idx1-ubyte"), noise);
        assertError(2, a("train", "--data", garbage.toString(), "--model", "mlp"), "t10k-labels-idx1-ubyte");

        Path mismatched = tinyFashionMnist(tmp.resolve("mismatched"), 10, 5);
        Files.write(mismatched.resolve("train-labels-idx1-ubyte"), idx(new int[] {7}, new byte[7]));
        assertError(2, a("train", "--data", mismatched.toString(), "--model", "mlp"), "train-labels-idx1-ubyte");
    }

    @Test
    void trainOutputFolderThatIsAFile() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("blocker"), "x");
        assertError(1, a("train", "--data", data.toString(), "--model", "mlp", "--epochs", "1", "--no-progress", "--out", blocker.toString()),
                blocker.toString());
        assertEquals("x", Files.readString(blocker));
    }

    // ------------------------------------------------------------------ eval and predict

    @Test
    void evalCheckpointErrors() throws IOException {
        byte[] random = new byte[4096];
        new Random(3).nextBytes(random);
        Path rnd = file("random.safetensors", random);
        Path claims4g = file("claims-4gb.safetensors", concat(safetensorsHeader("{}", 4L << 30), new byte[32]));
        String lying = "{\"w\":{\"dtype\":\"F32\",\"shape\":[100000,100000],\"data_offsets\":[0,40000000000]}}";
        Path liar = file("lying.safetensors", safetensorsHeader(lying, lying.length()));
        byte[] good = Files.readAllBytes(goodCheckpoint);
        Path truncated = file("truncated.safetensors", Arrays.copyOf(good, good.length / 2));
        Path plain = tmp.resolve("plain.safetensors");
        SafeTensors.write(plain, Map.of("w", Tensor.ones(2)), Map.of());
        Path wrongKind = tmp.resolve("wrong-kind.safetensors");
        Checkpoint.saveModel(wrongKind, Models.build("mlp").stateDict(), metadata("cnn"));
        Path unknownKind = tmp.resolve("unknown-kind.safetensors");
        Checkpoint.saveModel(unknownKind, Models.build("mlp").stateDict(), metadata("resnet"));
        Path badMean = tmp.resolve("bad-mean.safetensors");
        Map<String, String> md = metadata("mlp");
        md.put("normalize_mean", "zero");
        Checkpoint.saveModel(badMean, Models.build("mlp").stateDict(), md);
        String d = data.toString();

        assertError(2, a("eval", "--checkpoint"), "--checkpoint");
        assertError(2, a("eval", "--data", d), "--checkpoint");
        assertError(2, a("eval", "--checkpoint", tmp.resolve("missing.safetensors").toString()), "missing.safetensors");
        assertError(2, a("eval", "--checkpoint", tmp.toString()), tmp.toString());
        assertError(2, a("eval", "--checkpoint", rnd.toString(), "--data", d), "random.safetensors");
        assertError(2, a("eval", "--checkpoint", claims4g.toString(), "--data", d), "claims-4gb.safetensors", "header");
        assertError(2, a("eval", "--checkpoint", liar.toString(), "--data", d), "lying.safetensors");
        assertError(2, a("eval", "--checkpoint", truncated.toString(), "--data", d), "truncated.safetensors");
        assertError(2, a("eval", "--checkpoint", plain.toString(), "--data", d), "plain.safetensors", "not an nn4j checkpoint");
        assertError(2, a("eval", "--checkpoint", wrongKind.toString(), "--data", d), "wrong-kind.safetensors", "'cnn'");
        assertError(2, a("eval", "--checkpoint", unknownKind.toString(), "--data", d), "unknown-kind.safetensors", "resnet");
        assertError(2, a("eval", "--checkpoint", badMean.toString(), "--data", d), "bad-mean.safetensors", "normalize_mean", "zero");
        assertError(2, a("eval", "--checkpoint", goodCheckpoint.toString(), "--data", "/no/such/dir"), "/no/such/dir");
        assertError(2, a("eval", "--checkpoint", goodCheckpoint.toString(), "--threads", "-1"), "--threads", "-1");
        // the good checkpoint evaluates on the tiny data
        Run ok = cli("eval", "--checkpoint", goodCheckpoint.toString(), "--data", d);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("test accuracy"), ok.out());
    }

    @Test
    void predictErrors() throws IOException {
        Path notImage = Files.writeString(tmp.resolve("notes.png"), "not a picture");
        String ck = goodCheckpoint.toString();
        assertError(2, a("predict", "--checkpoint", ck, tmp.resolve("nope.png").toString()), "nope.png");
        assertError(2, a("predict", "--checkpoint", ck, notImage.toString()), "notes.png");
        assertError(2, a("predict", "--checkpoint", ck), "IMAGE");
        assertError(2, a("predict", "--checkpoint", tmp.resolve("x.safetensors").toString(), notImage.toString()), "x.safetensors");
    }

    // ------------------------------------------------------------------ conformance and the command line itself

    @Test
    void conformanceFileErrors() throws IOException {
        byte[] noise = new byte[512];
        new Random(4).nextBytes(noise);
        Path binary = file("garbage.jsonl", noise);
        Path truncated = file("truncated.jsonl", "{\"id\": \"a\", \"kind\": \"tensor\", \"op\": \"add\", \"inputs\": {\"input\": [1".getBytes(StandardCharsets.UTF_8));
        Path notObject = file("array.jsonl", "[1, 2, 3]\n".getBytes(StandardCharsets.UTF_8));
        assertError(2, a("conformance", tmp.resolve("none.jsonl").toString()), "none.jsonl", "no such file");
        assertError(2, a("conformance", binary.toString()), "garbage.jsonl:");
        assertError(2, a("conformance", truncated.toString()), "truncated.jsonl:1");
        assertError(2, a("conformance", notObject.toString()), "array.jsonl:1");
        assertError(2, a("conformance", tmp.toString()), tmp.toString(), "directory");
        assertError(2, a("conformance", "--kind", "bogus", binary.toString()), "bogus");
    }

    @Test
    void commandLineErrors() {
        assertError(2, a("frobnicate"), "frobnicate");
        assertError(2, a(), "train", "eval");
        assertError(2, a("--no-such-flag"), "--no-such-flag");
    }

    @Test
    void debugAddsTheStackTrace() throws IOException {
        byte[] random = new byte[256];
        new Random(5).nextBytes(random);
        Path rnd = file("debug.safetensors", random);
        Run r = cli("--debug", "eval", "--checkpoint", rnd.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().lines().findFirst().orElse("").contains("debug.safetensors"), r.err());
        assertTrue(r.err().contains("\tat "), "--debug prints the stack trace: " + r.err());
    }

    static byte[] concat(byte[] x, byte[] y) {
        byte[] r = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, r, x.length, y.length);
        return r;
    }
}
