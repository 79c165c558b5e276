package dev.nn4j.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.io.SafeTensors;
import dev.nn4j.io.SafeTensorsException;
import dev.nn4j.nn.BatchNorm2d;
import dev.nn4j.nn.Conv2d;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: loadStateDict is all-or-nothing on nested modules; corrupt, truncated and lying checkpoints are
 * rejected before anything is allocated and leave the module as it was; a write that fails half-way leaves the
 * previous file intact and no temporary file behind.
 */
class CheckpointSafetyTest {
    @TempDir
    Path dir;

    /** A nested model: conv + batch norm (buffers) inside an inner Sequential, then a linear head. */
    private static Module model() {
        Nn4j.manualSeed(7);
        return new Sequential(
                new Sequential(new Conv2d(1, 2, 3), new BatchNorm2d(2), new ReLU()),
                new Flatten(),
                new Linear(2 * 2 * 2, 3));
    }

    /** Every parameter and persistent buffer, deep-copied. */
    private static Map<String, double[]> snapshot(Module m) {
        Map<String, double[]> s = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> s.put(k, v.toDoubleArray()));
        return s;
    }

    private static void assertUnchanged(Map<String, double[]> before, Module m) {
        Map<String, double[]> after = snapshot(m);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), 0, () -> k + " changed by a failed load"));
    }

    /** A full state dict of the model's shapes, with values different from the model's. */
    private static Map<String, Tensor> otherValues(Module m) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> sd.put(k, v.isFloatingPoint() ? Tensor.full(v.shape(), 42.0, v.dtype()) : Tensor.full(v.shape(), 5, v.dtype())));
        return sd;
    }

    private void failedLoadLeavesModuleUnchanged(String what, Consumer<Map<String, Tensor>> corrupt, boolean strict) {
        Module m = model();
        Map<String, double[]> before = snapshot(m);
        Map<String, Tensor> sd = otherValues(m);
        corrupt.accept(sd);
        var e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd, strict), what);
        assertTrue(e.getMessage().startsWith("Error(s) in loading state_dict for Sequential"), e.getMessage());
        assertUnchanged(before, m);
    }

    @Test
    void loadStateDictIsAllOrNothingOnNestedModules() {
        // the bad entry comes last in load order, after every good one was checked
        failedLoadLeavesModuleUnchanged("size mismatch in the head", sd -> sd.put("2.bias", Tensor.zeros(4)), true);
        failedLoadLeavesModuleUnchanged("size mismatch, non-strict", sd -> sd.put("2.weight", Tensor.zeros(3, 9)), false);
        failedLoadLeavesModuleUnchanged("size mismatch of a nested buffer", sd -> sd.put("0.1.running_var", Tensor.ones(3)), true);
        failedLoadLeavesModuleUnchanged("missing key", sd -> sd.remove("2.bias"), true);
        failedLoadLeavesModuleUnchanged("unexpected key", sd -> sd.put("0.3.weight", Tensor.zeros(1)), true);
        failedLoadLeavesModuleUnchanged("null tensor", sd -> sd.put("0.0.bias", null), true);
        failedLoadLeavesModuleUnchanged("0-dim for a vector", sd -> sd.put("0.1.weight", Tensor.scalar(1.0f)), true);

        // and the same dict without the bad entry loads every value
        Module m = model();
        Map<String, Tensor> good = otherValues(m);
        m.loadStateDict(good);
        m.stateDict().forEach((k, v) -> assertArrayEquals(good.get(k).toDoubleArray(), v.toDoubleArray(), 0, k));
    }

    @Test
    void nonStrictLoadReportsKeysAndLoadsTheRest() {
        Module m = model();
        Map<String, Tensor> sd = otherValues(m);
        sd.remove("2.bias");
        sd.put("extra", Tensor.zeros(1));
        var keys = m.loadStateDict(sd, false);
        assertEquals(List.of("2.bias"), keys.missingKeys());
        assertEquals(List.of("extra"), keys.unexpectedKeys());
        assertArrayEquals(sd.get("2.weight").toDoubleArray(), m.stateDict().get("2.weight").toDoubleArray(), 0);
    }

    // ------------------------------------------------------------------ corrupt files

    private static byte[] header(String json, long claimedLength) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(claimedLength).put(h);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void corruptTruncatedAndLyingCheckpointsAreRejectedAndTheModuleIsUntouched() throws IOException {
        Module m = model();
        Path good = dir.resolve("model.safetensors");
        Nn4j.save(m.stateDict(), good);
        byte[] bytes = Files.readAllBytes(good);
        long headerLen = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] random = new byte[4096];
        new Random(3).nextBytes(random);
        String huge = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1073741824,4],\"data_offsets\":[0,17179869184]}}";
        String overflow = "{\"w\":{\"dtype\":\"F64\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,16]}}";
        String negative = "{\"w\":{\"dtype\":\"F32\",\"shape\":[-4],\"data_offsets\":[0,16]}}";
        String badDtype = "{\"w\":{\"dtype\":\"F8\",\"shape\":[4],\"data_offsets\":[0,4]}}";
        String overlap = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("random.safetensors", random);
        files.put("empty.safetensors", new byte[0]);
        files.put("seven-bytes.safetensors", new byte[7]);
        files.put("truncated-data.safetensors", Arrays.copyOf(bytes, bytes.length - 5));
        files.put("truncated-header.safetensors", Arrays.copyOf(bytes, (int) (8 + headerLen / 2)));
        files.put("header-claims-4GB.safetensors", concat(header("{}", 4L << 30), new byte[64]));
        files.put("header-claims-negative.safetensors", concat(header("{}", -1), new byte[64]));
        files.put("header-not-json.safetensors", header("{\"w\": [1, 2", 11));
        files.put("header-not-object.safetensors", header("[1, 2, 3]", 9));
        files.put("tensor-claims-16GB.safetensors", header(huge, huge.length()));
        files.put("shape-overflows.safetensors", concat(header(overflow, overflow.length()), new byte[16]));
        files.put("negative-shape.safetensors", concat(header(negative, negative.length()), new byte[16]));
        files.put("unknown-dtype.safetensors", concat(header(badDtype, badDtype.length()), new byte[4]));
        files.put("overlapping.safetensors", concat(header(overlap, overlap.length()), new byte[12]));
        Map<String, double[]> before = snapshot(m);
        for (var f : files.entrySet()) {
            Path p = write(f.getKey(), f.getValue());
            var e = assertThrows(SafeTensorsException.class, () -> m.loadStateDict(Nn4j.load(p)), f.getKey());
            assertTrue(e.getMessage().contains(f.getKey()), () -> "message names the file: " + e.getMessage());
            assertUnchanged(before, m);
        }
        // a well-formed file of another model: a clear load error, module unchanged
        Path other = dir.resolve("other.safetensors");
        Nn4j.save(new Linear(3, 2).stateDict(), other);
        var e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(Nn4j.load(other)));
        assertTrue(e.getMessage().contains("Missing key(s)") && e.getMessage().contains("Unexpected key(s)"), e.getMessage());
        assertUnchanged(before, m);
        // the intact file still loads
        Module fresh = new Sequential(new Sequential(new Conv2d(1, 2, 3), new BatchNorm2d(2), new ReLU()), new Flatten(), new Linear(8, 3));
        fresh.loadStateDict(Nn4j.load(good));
        assertUnchanged(before, fresh);
    }

    // ------------------------------------------------------------------ interrupted writes

    /** A state dict whose data pass fails after {@code okTensors} tensors, as a crash or interrupt mid-save would. */
    private static Map<String, Tensor> failingAfter(Map<String, Tensor> sd, int okTensors) {
        return new LinkedHashMap<>(sd) {
            @Override
            public Collection<Tensor> values() {
                Collection<Tensor> real = super.values();
                return new java.util.AbstractCollection<>() {
                    @Override
                    public Iterator<Tensor> iterator() {
                        Iterator<Tensor> it = real.iterator();
                        return new Iterator<>() {
                            int n;

                            @Override
                            public boolean hasNext() {
                                return it.hasNext();
                            }

                            @Override
                            public Tensor next() {
                                if (n++ == okTensors) throw new IllegalStateException("simulated interrupt while saving");
                                return it.next();
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return real.size();
                    }
                };
            }
        };
    }

    @Test
    void aWriteThatFailsHalfWayLeavesThePreviousFileIntact() throws IOException {
        Module m = model();
        Path file = dir.resolve("ckpt.safetensors");
        Nn4j.save(m.stateDict(), file);
        byte[] previous = Files.readAllBytes(file);
        Map<String, Tensor> newer = otherValues(m);
        for (int ok : new int[] {0, 1, 3}) {
            var e = assertThrows(IllegalStateException.class, () -> SafeTensors.write(file, failingAfter(newer, ok), Map.of()));
            assertEquals("simulated interrupt while saving", e.getMessage());
            assertArrayEquals(previous, Files.readAllBytes(file), "the previous checkpoint is intact");
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(file), s.toList(), "no temporary file is left behind");
            }
        }
        // the old checkpoint still loads into a module; a later good write replaces it
        Module fresh = model();
        fresh.loadStateDict(Nn4j.load(file));
        assertUnchanged(snapshot(m), fresh);
        Nn4j.save(newer, file);
        assertArrayEquals(newer.get("2.weight").toDoubleArray(), Nn4j.load(file).get("2.weight").toDoubleArray(), 0);
    }

    @Test
    void saveIntoAMissingFolderCreatesItAndAFileInPlaceOfTheFolderFailsCleanly() throws IOException {
        Path nested = dir.resolve("a/b/model.safetensors");
        Nn4j.save(Map.of("w", Tensor.ones(2)), nested);
        assertArrayEquals(new double[] {1, 1}, Nn4j.load(nested).get("w").toDoubleArray(), 0);
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        var e = assertThrows(SafeTensorsException.class, () -> Nn4j.save(Map.of("w", Tensor.ones(2)), blocker.resolve("model.safetensors")));
        assertTrue(e.getMessage().contains("blocker"), e.getMessage());
        assertEquals("x", Files.readString(blocker));
    }
}
