package dev.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safetensors: round trips of nn4j's dtypes with metadata, files written by PyTorch (tools/golden/gen_safetensors.py)
 * in every dtype it has, rejection of broken or lying files with clear messages and without allocating what the
 * file claims, and atomic writes that leave the previous file intact and no temp files behind.
 */
class SafeTensorsTest {
    @TempDir
    Path dir;

    static Path resource(String name) throws Exception {
        return Path.of(SafeTensorsTest.class.getResource("/golden/" + name).toURI());
    }

    static void assertSameValues(Tensor want, Tensor got, String what) {
        assertEquals(want.dtype(), got.dtype(), what + ": dtype");
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        switch (want.dtype()) {
            case FLOAT32, FLOAT64 -> {
                double[] w = want.toDoubleArray(), g = got.toDoubleArray();
                for (int i = 0; i < w.length; i++) {
                    // bitwise, so that -0.0 and NaN count
                    assertEquals(Double.doubleToRawLongBits(w[i]) == Double.doubleToRawLongBits(g[i]) || Double.isNaN(w[i]) && Double.isNaN(g[i]),
                            true, what + "[" + i + "]: " + g[i] + " vs " + w[i]);
                }
            }
            default -> assertTrue(want.equal(got), what);
        }
    }

    // ------------------------------------------------------------------ round trips

    @Test
    void roundTripsEveryDtypeWithMetadata() {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("weight", Tensor.fromArray(new float[] {1.5f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -3e38f}, 2, 3));
        t.put("double", Tensor.fromArray(new double[] {Math.PI, -0.0, Double.NEGATIVE_INFINITY, Double.MIN_NORMAL}, 4));
        t.put("steps", Tensor.fromArray(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 2, 2));
        t.put("mask", Tensor.fromArray(new boolean[] {true, false, false, true, true}, 5));
        t.put("scalar", Tensor.scalar(2.5));
        t.put("empty", Tensor.zeros(0, 4));
        t.put("transposed", Tensor.arange(12).to(DType.FLOAT32).reshape(3, 4).t()); // written in logical (row-major) order
        t.put("narrowed", Tensor.arange(10).narrow(0, 3, 4));
        t.put("big", Tensor.randn(400_000)); // more than one 1 MiB read chunk
        t.put("ünïcode \"name\"", Tensor.ones(1));
        Map<String, String> md = Map.of("format", "pt", "epoch", "3", "note", "quote \" backslash \\ newline \n é");
        Path f = dir.resolve("all.safetensors");
        SafeTensors.write(f, t, md);
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.copyOf(t.keySet()), List.copyOf(c.tensors().keySet()), "names in written order");
        t.forEach((k, v) -> assertSameValues(v.contiguous(), c.tensors().get(k), k));
        assertEquals(md, c.metadata());
        assertTrue(c.tensors().get("transposed").isContiguous());
        // the data section starts 8-byte aligned, as the format asks
        assertEquals(0, headerLength(f) % 8);
    }

    @Test
    void noMetadataAndNoTensors() {
        Path f = dir.resolve("empty.safetensors");
        SafeTensors.write(f, Map.of(), null);
        SafeTensors.Contents c = SafeTensors.read(f);
        assertTrue(c.tensors().isEmpty());
        assertTrue(c.metadata().isEmpty());
    }

    @Test
    void saveAndLoadAStateDict() {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("0.weight", Tensor.randn(3, 2));
        sd.put("0.bias", Tensor.randn(3));
        sd.put("1.num_batches_tracked", Tensor.scalar(7L));
        Path f = dir.resolve("sub/dir/model.safetensors");
        Nn4j.save(sd, f);
        Map<String, Tensor> back = Nn4j.load(f);
        assertEquals(sd.keySet(), back.keySet());
        sd.forEach((k, v) -> assertSameValues(v, back.get(k), k));
    }

    @Test
    void readsEveryDtypeWrittenFromPyTorch() throws Exception {
        SafeTensors.Contents c = SafeTensors.read(resource("safetensors-dtypes.safetensors"));
        Map<String, Tensor> t = c.tensors();
        List<String> names = List.of("f16", "bf16", "f32", "f64", "i8", "i16", "i32", "i64", "u8", "bool", "scalar", "empty");
        for (String n : names) {
            Tensor got = t.get(n);
            if (t.containsKey(n + ".f64")) {
                Tensor exact = t.get(n + ".f64");
                assertEquals(n.equals("f64") ? DType.FLOAT64 : DType.FLOAT32, got.dtype(), n);
                assertSameValues(exact, got.to(DType.FLOAT64), n + " (half/bfloat16 widen exactly)");
            } else {
                Tensor exact = t.get(n + ".i64");
                assertEquals(n.equals("bool") ? DType.BOOL : DType.INT64, got.dtype(), n);
                assertSameValues(exact, got.to(DType.INT64), n);
            }
        }
        assertEquals(0, t.get("scalar").dim());
        assertArrayEquals(new int[] {0, 3}, t.get("empty").shape());
        assertArrayEquals(new long[] {0, 1, 127, 128, 200, 255}, t.get("u8").toLongArray(), "U8 is unsigned");
        assertTrue(Float.isNaN(t.get("f16").toFloatArray()[6]));
        assertEquals(Float.NEGATIVE_INFINITY, t.get("bf16").toFloatArray()[5]);
        assertEquals(Map.of("format", "pt", "source", "tools/golden/gen_safetensors.py", "note", "quotes \" and unicode \u00e9 survive"), c.metadata());
    }

    // ------------------------------------------------------------------ rejection

    static long headerLength(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            return ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A file from a header text (padded to 8 bytes) and a data section. */
    Path file(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        int pad = (8 - h.length % 8) % 8;
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + pad + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length + pad).put(h);
        for (int i = 0; i < pad; i++) b.put((byte) ' ');
        b.put(data);
        return Files.write(dir.resolve(name), b.array());
    }

    /** Bytes this thread allocated while running {@code r}. */
    static long allocatedBy(Runnable r) {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        r.run();
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    /** Reading {@code f} fails with a SafeTensorsException naming the file and containing {@code expected}, allocating little. */
    static SafeTensorsException rejects(Path f, String... expected) {
        SafeTensorsException[] caught = new SafeTensorsException[1];
        long allocated = allocatedBy(() -> caught[0] = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(f), f.toString()));
        String m = caught[0].getMessage();
        assertTrue(m.startsWith(f.toString()), m);
        for (String e : expected) assertTrue(m.contains(e), "expected '" + e + "' in: " + m);
        assertTrue(allocated < (8 << 20), "rejecting " + f.getFileName() + " allocated " + allocated + " bytes");
        return caught[0];
    }

    @Test
    void truncatedFilesAreRejectedAtEveryCut() throws Exception {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("a", Tensor.randn(4, 4));
        t.put("b", Tensor.arange(6));
        Path whole = dir.resolve("whole.safetensors");
        SafeTensors.write(whole, t, Map.of("k", "v"));
        byte[] bytes = Files.readAllBytes(whole);
        int header = (int) headerLength(whole);
        for (int cut : new int[] {0, 3, 7, 8, 9, 8 + header / 2, 8 + header - 1, 8 + header, 8 + header + 5, 8 + header + 64, bytes.length - 1}) {
            Path f = Files.write(dir.resolve("cut" + cut), Arrays.copyOf(bytes, cut));
            SafeTensorsException e = rejects(f);
            String m = e.getMessage();
            assertTrue(m.contains("truncated") || m.contains("not a safetensors file") || m.contains("data section has"), "cut at " + cut + ": " + m);
        }
    }

    @Test
    void headerClaimingFourGigabytesIsRejectedWithoutAllocatingThem() throws Exception {
        Path f = file("huge-header", "{}", new byte[64]);
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 4L << 30), 0);
        }
        rejects(f, "header claims 4294967296 bytes", "truncated or not a safetensors file");
        try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1L), 0);
        }
        rejects(f, "header claims -1 bytes");
    }

    @Test
    void tensorsClaimingHugeSizesAreRejectedWithoutAllocatingThem() throws Exception {
        rejects(file("huge-shape", "{\"a\":{\"dtype\":\"F32\",\"shape\":[100000,100000],\"data_offsets\":[0,40000000000]}}", new byte[16]),
                "too large");
        rejects(file("huge-offsets", "{\"a\":{\"dtype\":\"F32\",\"shape\":[500000000],\"data_offsets\":[0,2000000000]}}", new byte[16]),
                "claims bytes [0, 2000000000) but the data section has only 16 bytes");
    }

    @Test
    void brokenHeadersAreRejected() throws Exception {
        byte[] d24 = new byte[24];
        rejects(file("not-json", "{\"a\": {dtype: F32}}", d24), "corrupt header", "invalid JSON");
        rejects(file("binary", "\u0001\u0002garbage", d24), "corrupt header");
        rejects(file("array", "[1, 2, 3]", d24), "header is not a JSON object");
        rejects(file("string", "\"hello\"", d24), "header is not a JSON object");
        rejects(file("unknown-dtype", "{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[24],\"data_offsets\":[0,24]}}", d24), "tensor 'a' has unsupported dtype F8_E4M3");
        rejects(file("no-dtype", "{\"a\":{\"shape\":[24],\"data_offsets\":[0,24]}}", d24), "unsupported dtype null");
        rejects(file("shape-mismatch", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", new byte[20]),
                "tensor 'a' of dtype F32 and shape [2, 3] needs 24 bytes but its data_offsets span 20");
        rejects(file("overlap", "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}", d24),
                "tensor 'b' starts at byte 8 of the data section, expected 16", "overlapping");
        rejects(file("hole", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]}}", d24),
                "tensor 'b' starts at byte 16 of the data section, expected 8");
        rejects(file("past-end", "{\"a\":{\"dtype\":\"F32\",\"shape\":[10],\"data_offsets\":[0,40]}}", d24),
                "claims bytes [0, 40) but the data section has only 24 bytes");
        rejects(file("trailing", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", d24), "the data section has 24 bytes but the tensors cover 8");
        rejects(file("reversed", "{\"a\":{\"dtype\":\"U8\",\"shape\":[0],\"data_offsets\":[24,0]}}", d24), "claims bytes [24, 0)");
        rejects(file("duplicate", "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}", d24),
                "duplicate key \"a\"");
        rejects(file("negative-dim", "{\"a\":{\"dtype\":\"F32\",\"shape\":[-2,-3],\"data_offsets\":[0,24]}}", d24), "invalid shape [-2, -3]");
        rejects(file("float-dim", "{\"a\":{\"dtype\":\"F32\",\"shape\":[6.0],\"data_offsets\":[0,24]}}", d24), "invalid shape");
        rejects(file("bad-offsets", "{\"a\":{\"dtype\":\"F32\",\"shape\":[6],\"data_offsets\":[0]}}", d24), "invalid data_offsets [0]");
        rejects(file("not-an-entry", "{\"a\":5}", d24), "entry 'a' is not an object");
        rejects(file("metadata-not-strings", "{\"__metadata__\":{\"epoch\":3}}", new byte[0]), "__metadata__ value of 'epoch' is not a string");
        rejects(file("metadata-not-object", "{\"__metadata__\":[1]}", new byte[0]), "__metadata__ must be an object");
        rejects(file("deep", "[".repeat(5000) + "]".repeat(5000), new byte[0]), "corrupt header", "nesting");
        rejects(Files.write(dir.resolve("tiny"), new byte[] {1, 0, 0}), "only 3 bytes");
        var missing = assertThrows(SafeTensorsException.class, () -> SafeTensors.read(dir.resolve("nope.safetensors")));
        assertTrue(missing.getMessage().contains("nope.safetensors"), missing.getMessage());
    }

    // ------------------------------------------------------------------ atomic writes

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp") || n.startsWith(".")).toList();
            assertEquals(List.of(), left, "temp files left behind");
        }
    }

    private Path previous() throws IOException {
        Path f = dir.resolve("model.safetensors");
        SafeTensors.write(f, Map.of("w", Tensor.ones(3)), Map.of("v", "1"));
        return f;
    }

    @Test
    void anInterruptedWriteLeavesThePreviousFileIntact() throws IOException {
        Path f = previous();
        byte[] before = Files.readAllBytes(f);
        Thread.currentThread().interrupt(); // file channels refuse to write on an interrupted thread
        try {
            var e = assertThrows(SafeTensorsException.class, () -> SafeTensors.write(f, Map.of("w", Tensor.zeros(1000)), null));
            assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(before, Files.readAllBytes(f));
        assertNoTempFiles();
    }

    @Test
    void aTensorMapThatFailsMidWayLeavesThePreviousFileIntact() throws IOException {
        Path f = previous();
        byte[] before = Files.readAllBytes(f);
        Map<String, Tensor> failing = new AbstractMap<>() {
            public Set<Map.Entry<String, Tensor>> entrySet() {
                return new java.util.AbstractSet<>() {
                    public Iterator<Map.Entry<String, Tensor>> iterator() {
                        return Stream.<Map.Entry<String, Tensor>>generate(() -> {
                            throw new IllegalStateException("tensor source failed");
                        }).iterator();
                    }

                    public int size() {
                        return 2;
                    }
                };
            }
        };
        var e = assertThrows(IllegalStateException.class, () -> SafeTensors.write(f, failing, null));
        assertEquals("tensor source failed", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        assertNoTempFiles();
    }

    @Test
    void aFailingRenameLeavesNoTempFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("occupied"));
        Files.write(target.resolve("inside"), new byte[] {1});
        var e = assertThrows(SafeTensorsException.class, () -> SafeTensors.write(target, Map.of("w", Tensor.ones(2)), null));
        assertTrue(e.getMessage().startsWith(target + ": cannot write"), e.getMessage());
        assertTrue(Files.isDirectory(target) && Files.exists(target.resolve("inside")));
        assertNoTempFiles();
    }

    @Test
    void aReadOnlyDirectoryFailsCleanly() throws IOException {
        Path f = previous();
        byte[] before = Files.readAllBytes(f);
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            Assumptions.assumeFalse(canCreateIn(dir), "running as a user that ignores directory permissions (root)");
            var e = assertThrows(SafeTensorsException.class, () -> SafeTensors.write(f, Map.of("w", Tensor.zeros(5)), null));
            assertTrue(e.getMessage().contains("cannot write"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, perms);
        }
        assertArrayEquals(before, Files.readAllBytes(f));
        assertNoTempFiles();
    }

    private static boolean canCreateIn(Path d) {
        try {
            Files.delete(Files.createFile(d.resolve("probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void overwritingKeepsTheFilesPermissionsAndNewFilesGetTheUsualOnes() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path f = dir.resolve("new.safetensors");
        SafeTensors.write(f, Map.of("w", Tensor.ones(2)), null);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f), "like any new file (umask), not owner-only");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        SafeTensors.write(f, Map.of("w", Tensor.zeros(2)), null);
        assertEquals(PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(f));
        assertTrue(SafeTensors.read(f).tensors().get("w").equal(Tensor.zeros(2)));
    }

    @Test
    void badArgumentsFailBeforeTouchingTheDisk() throws IOException {
        Path f = previous();
        byte[] before = Files.readAllBytes(f);
        Map<String, Tensor> reserved = new LinkedHashMap<>();
        reserved.put("__metadata__", Tensor.ones(1));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(f, reserved, null));
        Map<String, Tensor> nullName = new java.util.HashMap<>();
        nullName.put(null, Tensor.ones(1));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(f, nullName, null));
        assertArrayEquals(before, Files.readAllBytes(f));
        assertNoTempFiles();
    }

}
