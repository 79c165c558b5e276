package dev.nn4j.io;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import dev.nn4j.internal.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (the format PyTorch users exchange weights in): an 8-byte
 * little-endian header length, a JSON header mapping names to {dtype, shape, data_offsets} (plus an optional
 * {@code __metadata__} string map), then the raw little-endian data.
 *
 * <p>Reading validates the header length, the JSON, every dtype, shape and offset against the file's size
 * <em>before</em> allocating any tensor, so a truncated or lying file fails with a clear message instead of an
 * allocation blow-up. Writing is atomic: a temp file in the same folder, flushed, then renamed over the target,
 * so a crash mid-save never destroys the previous file.
 */
public final class SafeTensors {
    /** Header size cap: real headers are kilobytes; this refuses absurd claims up front. */
    static final long MAX_HEADER = 100L << 20;

    private SafeTensors() {}

    /** The tensors of a file in data order, and its {@code __metadata__}. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    private record Entry(String name, String dtype, int[] shape, long begin, long end) {}

    public static Contents read(Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new SafeTensorsException(path + ": cannot read: " + e.getMessage(), e);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (size < 8) throw new SafeTensorsException(path + ": not a safetensors file (only " + size + " bytes, the header length alone needs 8)");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0, path);
            long headerLen = lenBuf.getLong(0);
            if (headerLen < 2 || headerLen > size - 8 || headerLen > MAX_HEADER) {
                throw new SafeTensorsException(path + ": header claims " + headerLen + " bytes but the file has " + (size - 8)
                        + " bytes after the length field (truncated or not a safetensors file)");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8, path);
            String headerText = new String(hb.array(), StandardCharsets.UTF_8);
            Object parsed;
            try {
                parsed = Json.parse(headerText.stripTrailing());
            } catch (IllegalArgumentException e) {
                throw new SafeTensorsException(path + ": corrupt header: " + e.getMessage());
            }
            if (!(parsed instanceof Map<?, ?> header)) throw new SafeTensorsException(path + ": header is not a JSON object");
            long dataStart = 8 + headerLen, dataLen = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : header.entrySet()) {
                String name = (String) e.getKey();
                if (name.equals("__metadata__")) {
                    if (!(e.getValue() instanceof Map<?, ?> md)) throw new SafeTensorsException(path + ": __metadata__ must be an object of strings");
                    for (Map.Entry<?, ?> m : md.entrySet()) {
                        if (!(m.getValue() instanceof String v)) throw new SafeTensorsException(path + ": __metadata__ value of '" + m.getKey() + "' is not a string");
                        metadata.put((String) m.getKey(), v);
                    }
                    continue;
                }
                entries.add(entry(path, name, e.getValue(), dataLen));
            }
            // tensors must tile the data section exactly, with no overlap and no holes
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
            long expected = 0;
            for (Entry en : sorted) {
                if (en.begin != expected) {
                    throw new SafeTensorsException(path + ": tensor '" + en.name + "' starts at byte " + en.begin + " of the data section, expected "
                            + expected + " (overlapping or missing data)");
                }
                expected = en.end;
            }
            if (expected != dataLen) {
                throw new SafeTensorsException(path + ": the data section has " + dataLen + " bytes but the tensors cover " + expected);
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Entry en : sorted) tensors.put(en.name, readTensor(ch, path, en, dataStart + en.begin));
            Map<String, Tensor> inHeaderOrder = new LinkedHashMap<>();
            for (Entry en : entries) inHeaderOrder.put(en.name, tensors.get(en.name));
            return new Contents(inHeaderOrder, metadata);
        } catch (IOException e) {
            throw new SafeTensorsException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos, Path path) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + buf.position());
            if (n < 0) throw new SafeTensorsException(path + ": unexpected end of file");
        }
    }

    private static int elementSize(String dtype) {
        return switch (dtype) {
            case "F64", "I64", "U64" -> 8;
            case "F32", "I32", "U32" -> 4;
            case "F16", "BF16", "I16", "U16" -> 2;
            case "BOOL", "U8", "I8" -> 1;
            default -> -1;
        };
    }

    private static Entry entry(Path path, String name, Object v, long dataLen) {
        if (!(v instanceof Map<?, ?> m)) throw new SafeTensorsException(path + ": entry '" + name + "' is not an object");
        if (!(m.get("dtype") instanceof String dtype) || elementSize(dtype) < 0) {
            throw new SafeTensorsException(path + ": tensor '" + name + "' has unsupported dtype " + m.get("dtype"));
        }
        if (!(m.get("shape") instanceof List<?> shapeList)) throw new SafeTensorsException(path + ": tensor '" + name + "' has no shape list");
        int[] shape = new int[shapeList.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeList.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                throw new SafeTensorsException(path + ": tensor '" + name + "' has an invalid shape " + shapeList);
            }
            shape[i] = (int) (long) d;
            numel *= d;
            if (numel > Integer.MAX_VALUE) throw new SafeTensorsException(path + ": tensor '" + name + "' is too large " + shapeList);
        }
        if (!(m.get("data_offsets") instanceof List<?> off) || off.size() != 2 || !(off.get(0) instanceof Long b) || !(off.get(1) instanceof Long e)) {
            throw new SafeTensorsException(path + ": tensor '" + name + "' has invalid data_offsets " + m.get("data_offsets"));
        }
        if (b < 0 || e < b || e > dataLen) {
            throw new SafeTensorsException(path + ": tensor '" + name + "' claims bytes [" + b + ", " + e + ") but the data section has only "
                    + dataLen + " bytes (truncated file?)");
        }
        long want = numel * elementSize(dtype);
        if (e - b != want) {
            throw new SafeTensorsException(path + ": tensor '" + name + "' of dtype " + dtype + " and shape " + shapeList + " needs " + want
                    + " bytes but its data_offsets span " + (e - b));
        }
        return new Entry(name, dtype, shape, b, e);
    }

    /** Bytes per read or write: small enough to cost nothing, a multiple of every element size. */
    static final int CHUNK = 1 << 20;

    /** Receives {@code count} elements, starting at element {@code start}, from a little-endian buffer. */
    private interface Sink {
        void take(ByteBuffer b, int start, int count);
    }

    /** Reads a tensor's data chunk by chunk straight into its array: no second copy, no 2 GiB limit of one buffer. */
    private static Tensor readTensor(FileChannel ch, Path path, Entry en, long pos) throws IOException {
        int n = Shapes.numel(en.shape), es = elementSize(en.dtype);
        return switch (en.dtype) {
            case "F32" -> {
                float[] d = new float[n];
                stream(ch, path, pos, n, es, (b, i, k) -> b.asFloatBuffer().get(d, i, k));
                yield Tensor.fromArray(d, en.shape);
            }
            case "F64" -> {
                double[] d = new double[n];
                stream(ch, path, pos, n, es, (b, i, k) -> b.asDoubleBuffer().get(d, i, k));
                yield Tensor.fromArray(d, en.shape);
            }
            case "F16", "BF16" -> {
                float[] d = new float[n];
                boolean half = en.dtype.equals("F16");
                stream(ch, path, pos, n, es, (b, i, k) -> {
                    for (int j = 0; j < k; j++) {
                        short v = b.getShort();
                        // BF16 is the top 16 bits of a float32
                        d[i + j] = half ? Float.float16ToFloat(v) : Float.intBitsToFloat((v & 0xffff) << 16);
                    }
                });
                yield Tensor.fromArray(d, en.shape);
            }
            case "BOOL" -> {
                boolean[] d = new boolean[n];
                stream(ch, path, pos, n, es, (b, i, k) -> {
                    for (int j = 0; j < k; j++) d[i + j] = b.get() != 0;
                });
                yield Tensor.fromArray(d, en.shape);
            }
            default -> { // integers widen to int64 (U64 keeps its bits)
                long[] d = new long[n];
                String t = en.dtype;
                stream(ch, path, pos, n, es, (b, i, k) -> {
                    if (t.equals("I64") || t.equals("U64")) {
                        b.asLongBuffer().get(d, i, k);
                        return;
                    }
                    for (int j = 0; j < k; j++) {
                        d[i + j] = switch (t) {
                            case "I32" -> b.getInt();
                            case "U32" -> Integer.toUnsignedLong(b.getInt());
                            case "I16" -> b.getShort();
                            case "U16" -> Short.toUnsignedInt(b.getShort());
                            case "I8" -> b.get();
                            default -> Byte.toUnsignedInt(b.get());
                        };
                    }
                });
                yield Tensor.fromArray(d, en.shape);
            }
        };
    }

    private static void stream(FileChannel ch, Path path, long pos, int n, int es, Sink sink) throws IOException {
        if (n == 0) return;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, (long) n * es)).order(ByteOrder.LITTLE_ENDIAN);
        int per = buf.capacity() / es;
        for (int i = 0; i < n; i += per) {
            int k = Math.min(per, n - i);
            buf.clear().limit(k * es);
            readFully(ch, buf, pos + (long) i * es, path);
            buf.flip();
            sink.take(buf, i, k);
        }
    }

    private static String dtypeName(DType t) {
        return switch (t) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT64 -> "I64";
            case BOOL -> "BOOL";
        };
    }

    private static int elementSize(DType t) {
        return switch (t) {
            case FLOAT32 -> 4;
            case FLOAT64, INT64 -> 8;
            case BOOL -> 1;
        };
    }

    /** Writes {@code tensors} (in map order) and {@code metadata} atomically to {@code path}. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        if (path == null || tensors == null) throw new IllegalArgumentException("safetensors: path and tensors must not be null");
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) header.put("__metadata__", new LinkedHashMap<>(metadata));
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            if ("__metadata__".equals(e.getKey())) throw new IllegalArgumentException("safetensors: '__metadata__' is reserved and cannot name a tensor");
            Tensor t = e.getValue();
            if (e.getKey() == null || t == null) throw new IllegalArgumentException("safetensors: tensor '" + e.getKey() + "' is null (names and tensors must not be null)");
            long bytes = (long) t.numel() * elementSize(t.dtype());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", dtypeName(t.dtype()));
            List<Object> shape = new ArrayList<>();
            for (int s : t.shape()) shape.add((long) s);
            info.put("shape", shape);
            info.put("data_offsets", List.of(offset, offset + bytes));
            header.put(e.getKey(), info);
            offset += bytes;
        }
        byte[] headerBytes = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int pad = (8 - headerBytes.length % 8) % 8; // the spec aligns the data section to 8 bytes with spaces
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            if (dir != null) Files.createDirectories(dir);
            tmp = createTemp(dir == null ? Path.of("") : dir, path);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length + pad);
                len.flip();
                writeFully(ch, len);
                ByteBuffer hb = ByteBuffer.allocate(headerBytes.length + pad);
                hb.put(headerBytes);
                while (hb.hasRemaining()) hb.put((byte) ' ');
                hb.flip();
                writeFully(ch, hb);
                for (Tensor t : tensors.values()) writeTensor(ch, t);
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new SafeTensorsException(path + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target file is untouched either way
                }
            }
        }
    }

    /**
     * A new empty file next to {@code target}. Unlike {@code Files.createTempFile} (owner-only rw-------), it gets the
     * permissions any new file gets (the umask), or the permissions of the file it will replace.
     */
    private static Path createTemp(Path dir, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36) + ".tmp");
            try {
                Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt < 100) continue;
                throw e;
            }
            if (Files.isRegularFile(target) && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                } catch (IOException | UnsupportedOperationException ignored) {
                    // keep the default permissions
                }
            }
            return tmp;
        }
    }

    private static final java.util.Random TEMP_NAMES = new java.security.SecureRandom();

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) ch.write(b);
    }

    /**
     * Streams a tensor's elements in row-major order through one small buffer: no second copy of the tensor, and no
     * 2 GiB limit of a single byte buffer. {@link #CHUNK} is a multiple of every element size.
     */
    private static void writeTensor(FileChannel ch, Tensor t) throws IOException {
        Tensor c = t.detach().contiguous();
        int n = c.numel(), es = elementSize(c.dtype()), off = c.storageOffset();
        if (n == 0) return;
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(CHUNK, (long) n * es)).order(ByteOrder.LITTLE_ENDIAN);
        int per = b.capacity() / es;
        for (int i = 0; i < n; i += per) {
            int k = Math.min(per, n - i);
            b.clear();
            switch (c.storage()) {
                case Storage.F32 s -> b.asFloatBuffer().put(s.data, off + i, k);
                case Storage.F64 s -> b.asDoubleBuffer().put(s.data, off + i, k);
                case Storage.I64 s -> b.asLongBuffer().put(s.data, off + i, k);
                case Storage.Bool s -> {
                    for (int j = 0; j < k; j++) b.put(j, (byte) (s.data[off + i + j] ? 1 : 0));
                }
            }
            b.position(0).limit(k * es);
            writeFully(ch, b);
        }
    }
}
