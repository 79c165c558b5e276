package dev.nn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader and MnistDataset on tiny generated files (no real data set needed). */
class IdxTest {
    @TempDir
    Path dir;

    /** An unsigned-byte IDX file: magic 0x0000080N, big-endian dims, then the bytes. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(0x0800 | dims.length);
        for (int d : dims) b.putInt(d);
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pixels(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) p[i] = (byte) (i * 37 + 11); // covers values above 127 (unsigned!)
        return p;
    }

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsRawAndGzipAlike() throws IOException {
        byte[] data = pixels(3 * 4 * 5);
        byte[] raw = idx(new int[] {3, 4, 5}, data);
        for (Path p : List.of(write("a-idx3-ubyte", raw), write("a-idx3-ubyte.gz", gzip(raw)))) {
            Idx.Contents c = Idx.read(p);
            assertArrayEquals(new int[] {3, 4, 5}, c.dims(), p.toString());
            assertArrayEquals(data, c.data(), p.toString());
        }
        Idx.Contents labels = Idx.read(write("l", idx(new int[] {4}, new byte[] {9, 0, (byte) 255, 3})));
        assertArrayEquals(new int[] {4}, labels.dims());
        Idx.Contents empty = Idx.read(write("e", idx(new int[] {0, 28, 28}, new byte[0])));
        assertArrayEquals(new int[] {0, 28, 28}, empty.dims());
        assertEquals(0, empty.data().length);
    }

    @Test
    void truncatedFilesAreRejectedWithAClearMessage() throws IOException {
        byte[] raw = idx(new int[] {3, 4, 5}, pixels(60));
        byte[] gz = gzip(raw);
        List<String> messages = new ArrayList<>();
        for (int cut : new int[] {0, 2, 4, 9, 16, 17, 40, raw.length - 1}) {
            Path p = write("cut" + cut, Arrays.copyOf(raw, cut));
            var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(p), "raw cut at " + cut);
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("not an IDX file"), e.getMessage());
            messages.add(e.getMessage());
        }
        for (int cut : new int[] {5, 12, gz.length / 2, gz.length - 9, gz.length - 1}) {
            Path p = write("gzcut" + cut + ".gz", Arrays.copyOf(gz, cut));
            var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(p), "gzip cut at " + cut);
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            messages.add(e.getMessage());
        }
        messages.forEach(m -> assertTrue(!m.contains("null"), m));
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(dir.resolve("cut40")));
        assertTrue(e.getMessage().contains("dims claim 60 bytes"), e.getMessage());
        // the opposite: more bytes than the dims account for, raw or gzip
        byte[] longer = Arrays.copyOf(raw, raw.length + 3);
        for (Path p : List.of(write("longer", longer), write("longer.gz", gzip(longer)))) {
            e = assertThrows(IllegalArgumentException.class, () -> Idx.read(p));
            assertTrue(e.getMessage().contains("more data than its dims [3, 4, 5] claim"), e.getMessage());
        }
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] floats = idx(new int[] {2}, new byte[8]);
        floats[2] = 0x0D; // IDX float type: MNIST files are unsigned bytes
        Path p = write("floats", floats);
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.read(p));
        assertTrue(e.getMessage().contains("not an unsigned-byte IDX file") && e.getMessage().contains("0xd01"), e.getMessage());
        Path png = write("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        e = assertThrows(IllegalArgumentException.class, () -> Idx.read(png));
        assertTrue(e.getMessage().contains("magic number"), e.getMessage());
        Path fiveDims = write("five", idx(new int[] {1, 1, 1, 1, 1}, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> Idx.read(fiveDims));
        e = assertThrows(IllegalArgumentException.class, () -> Idx.read(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    /** Writes a tiny MNIST-layout set: n images of 3x2 and their labels, raw or gzip. */
    void tinySet(Path folder, String prefix, int n, boolean gz) throws IOException {
        Files.createDirectories(folder);
        byte[] images = idx(new int[] {n, 3, 2}, pixels(n * 6)), labels = new byte[n];
        for (int i = 0; i < n; i++) labels[i] = (byte) (i % 10);
        byte[] lab = idx(new int[] {n}, labels);
        Files.write(folder.resolve(prefix + "-images-idx3-ubyte" + (gz ? ".gz" : "")), gz ? gzip(images) : images);
        Files.write(folder.resolve(prefix + "-labels-idx1-ubyte" + (gz ? ".gz" : "")), gz ? gzip(lab) : lab);
    }

    @Test
    void mnistDatasetScalesNormalizesAndBatches() throws IOException {
        tinySet(dir, "train", 5, false);
        float mean = 0.25f, std = 0.5f;
        MnistDataset ds = MnistDataset.fromIdx(dir.resolve("train-images-idx3-ubyte"), dir.resolve("train-labels-idx1-ubyte"), mean, std);
        assertEquals(5, ds.size());
        byte[] px = pixels(30);
        Tensor[] s = ds.get(2);
        assertArrayEquals(new int[] {1, 3, 2}, s[0].shape());
        assertEquals(DType.FLOAT32, s[0].dtype());
        assertEquals(0, s[1].dim());
        assertEquals(2, s[1].toLongArray()[0]);
        float[] x = s[0].toFloatArray();
        for (int i = 0; i < 6; i++) assertEquals(((px[12 + i] & 0xff) / 255f - mean) / std, x[i], 1e-6, "pixel " + i);
        Tensor[] batch = DataLoader.builder(ds).batchSize(4).build().iterator().next();
        assertArrayEquals(new int[] {4, 1, 3, 2}, batch[0].shape());
        assertArrayEquals(new long[] {0, 1, 2, 3}, batch[1].toLongArray());
        assertTrue(batch[0].select(0, 2).equal(s[0]), "the batch path equals the per-sample path");
        // a custom collate sees per-sample tensors
        List<Long> labels = new ArrayList<>();
        DataLoader.builder(ds).batchSize(5).<List<Tensor[]>>collate(l -> l).build().forEach(b -> b.forEach(t -> labels.add(t[1].toLongArray()[0])));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), labels);
        assertEquals(4, ds.label(4));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.get(5));
    }

    @Test
    void mnistDatasetChecksItsFiles() throws IOException {
        tinySet(dir, "train", 5, false);
        tinySet(dir.resolve("other"), "train", 4, false);
        var e = assertThrows(IllegalArgumentException.class, () -> MnistDataset.fromIdx(dir.resolve("train-images-idx3-ubyte"),
                dir.resolve("other/train-labels-idx1-ubyte"), 0, 1));
        assertTrue(e.getMessage().contains("expected 5 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MnistDataset.fromIdx(dir.resolve("train-labels-idx1-ubyte"),
                dir.resolve("train-labels-idx1-ubyte"), 0, 1));
        assertTrue(e.getMessage().contains("expected images of 3 dims"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MnistDataset.fromIdx(dir.resolve("train-images-idx3-ubyte"),
                dir.resolve("train-labels-idx1-ubyte"), 0, 0));
    }

    @Test
    void fashionMnistFromAGivenFolder() throws IOException {
        Path data = dir.resolve("fashion");
        tinySet(data, "train", 6, true);
        tinySet(data, "t10k", 3, false);
        MnistDataset train = MnistDataset.fashionMnist(data, null, true, 0f, 1f);
        MnistDataset test = MnistDataset.fashionMnist(data, null, false, 0f, 1f);
        assertEquals(6, train.size());
        assertEquals(3, test.size());
        assertEquals((pixels(1)[0] & 0xff) / 255f, train.get(0)[0].toFloatArray()[0], 1e-7);
        assertEquals(10, MnistDataset.FASHION_CLASSES.length);
    }

    @Test
    void aGivenFolderWithoutTheFilesSaysWhatIsMissing() throws IOException {
        Path partial = dir.resolve("partial");
        tinySet(partial, "train", 2, false); // no t10k files
        for (Path p : List.of(partial, dir.resolve("does-not-exist"))) {
            var e = assertThrows(DatasetNotFoundException.class, () -> MnistDataset.locate(MnistDataset.FASHION_MNIST, p, dir.resolve("cache")));
            assertTrue(e.getMessage().contains("Fashion-MNIST not found in " + p), e.getMessage());
            assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte") && e.getMessage().contains(".gz"), e.getMessage());
            assertTrue(e.getMessage().contains("--data"), e.getMessage());
        }
        assertTrue(Files.notExists(dir.resolve("cache")), "a given folder never triggers a download");
    }
}
