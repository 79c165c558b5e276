package dev.nn4j.data;

import dev.nn4j.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * MNIST-format image classification data (Fashion-MNIST, MNIST): samples are {@code {image (1, 28, 28) float32,
 * label int64}} with pixels scaled to [0, 1] and then normalized by {@code (x - mean) / std}.
 *
 * <p>{@link #fashionMnist} finds the files in a given folder, else in {@code /usr/share/datasets/fashion-mnist}
 * (Debian's {@code dataset-fashion-mnist}), else in the cache folder, else downloads them from the official address
 * and verifies their SHA-256; when none works it says where it looked and how to get the data.
 */
public final class MnistDataset implements Dataset<Tensor[]> {
    public static final String[] FASHION_CLASSES = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};

    /** One data set's file names, SHA-256 of their uncompressed content and download base. */
    public record Source(String name, String baseUrl, String systemDir, String[] files, String[] sha256) {}

    public static final Source FASHION_MNIST = new Source("Fashion-MNIST",
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", "/usr/share/datasets/fashion-mnist",
            new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"},
            new String[] {
                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"});

    private final byte[] images, labels;
    private final int n, rows, cols;
    private final float mean, std;

    public MnistDataset(byte[] images, byte[] labels, int n, int rows, int cols, float mean, float std) {
        if (images.length != (long) n * rows * cols || labels.length != n) {
            throw new IllegalArgumentException("MnistDataset: " + n + " images of " + rows + "x" + cols + " need " + (long) n * rows * cols
                    + " pixel bytes and " + n + " labels, got " + images.length + " and " + labels.length);
        }
        if (!(std > 0)) throw new IllegalArgumentException("MnistDataset: std must be positive, got " + std);
        this.images = images;
        this.labels = labels;
        this.n = n;
        this.rows = rows;
        this.cols = cols;
        this.mean = mean;
        this.std = std;
    }

    /** Loads a pair of IDX files (images (N, H, W), labels (N)). */
    public static MnistDataset fromIdx(Path imagesFile, Path labelsFile, float mean, float std) {
        Idx.Contents im = Idx.read(imagesFile), lb = Idx.read(labelsFile);
        if (im.dims().length != 3) throw new IllegalArgumentException(imagesFile + ": expected images of 3 dims (N, H, W), got " + im.dims().length);
        if (lb.dims().length != 1 || lb.dims()[0] != im.dims()[0]) {
            throw new IllegalArgumentException(labelsFile + ": expected " + im.dims()[0] + " labels to match " + imagesFile);
        }
        return new MnistDataset(im.data(), lb.data(), im.dims()[0], im.dims()[1], im.dims()[2], mean, std);
    }

    /** Fashion-MNIST's train (60000) or test (10000) split, normalized with the given statistics. */
    public static MnistDataset fashionMnist(Path dataDir, Path cacheDir, boolean train, float mean, float std) {
        Path dir = locate(FASHION_MNIST, dataDir, cacheDir);
        String prefix = train ? "train" : "t10k";
        return fromIdx(find(dir, prefix + "-images-idx3-ubyte"), find(dir, prefix + "-labels-idx1-ubyte"), mean, std);
    }

    @Override
    public Tensor[] get(int index) {
        Dataset.checkIndex(index, n);
        return batch(new int[] {index}, false);
    }

    /** Builds the batch straight from the bytes: one float array, no per-sample tensors. */
    @Override
    @SuppressWarnings("unchecked")
    public <B> B getBatch(int[] indices, Function<List<Tensor[]>, B> collate) {
        if (collate != (Object) Collate.DEFAULT) {
            List<Tensor[]> items = new ArrayList<>(indices.length);
            for (int i : indices) items.add(batch(new int[] {i}, false));
            return collate.apply(items);
        }
        return (B) batch(indices, true);
    }

    private Tensor[] batch(int[] indices, boolean batched) {
        int px = rows * cols;
        float[] x = new float[indices.length * px];
        long[] y = new long[indices.length];
        float scale = 1f / (255f * std), shift = mean / std;
        for (int b = 0; b < indices.length; b++) {
            int i = indices[b];
            Dataset.checkIndex(i, n);
            int src = i * px, dst = b * px;
            for (int p = 0; p < px; p++) x[dst + p] = (images[src + p] & 0xff) * scale - shift;
            y[b] = labels[i] & 0xff;
        }
        if (!batched) return new Tensor[] {Tensor.fromArray(x, 1, rows, cols), Tensor.fromArray(y).reshape()};
        return new Tensor[] {Tensor.fromArray(x, indices.length, 1, rows, cols), Tensor.fromArray(y, indices.length)};
    }

    @Override
    public int size() {
        return n;
    }

    public int label(int index) {
        Dataset.checkIndex(index, n);
        return labels[index] & 0xff;
    }

    private static Path find(Path dir, String base) {
        Path raw = dir.resolve(base), gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(raw)) return raw;
        if (Files.isRegularFile(gz)) return gz;
        throw new DatasetNotFoundException("missing " + base + "(.gz) in " + dir);
    }

    private static boolean complete(Source s, Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return false;
        for (String f : s.files()) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) return false;
        }
        return true;
    }

    /**
     * The folder holding all of {@code s}'s files: {@code dataDir} if given (it must be complete), else the system
     * folder, else {@code cacheDir}, else a fresh download into {@code cacheDir}.
     */
    public static Path locate(Source s, Path dataDir, Path cacheDir) {
        if (dataDir != null) {
            if (complete(s, dataDir)) return dataDir;
            throw new DatasetNotFoundException(s.name() + " not found in " + dataDir + ": expected " + String.join(", ", s.files())
                    + " (raw or .gz). Install it with `apt-get install dataset-fashion-mnist` or pass --data DIR");
        }
        Path system = Path.of(s.systemDir());
        if (complete(s, system)) return system;
        if (cacheDir != null && complete(s, cacheDir)) return cacheDir;
        String downloadError;
        try {
            download(s, cacheDir);
            return cacheDir;
        } catch (IOException | RuntimeException e) {
            downloadError = e.getMessage();
        }
        throw new DatasetNotFoundException(s.name() + " not found: looked in " + system + (cacheDir != null ? " and " + cacheDir : "")
                + ", and the download from " + s.baseUrl() + " failed (" + downloadError + "). Get it with "
                + "`apt-get install dataset-fashion-mnist` or pass --data DIR with the four IDX files");
    }

    private static void download(Source s, Path cacheDir) throws IOException {
        if (cacheDir == null) throw new IOException("no cache folder");
        Files.createDirectories(cacheDir);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        for (int i = 0; i < s.files().length; i++) {
            Path target = cacheDir.resolve(s.files()[i] + ".gz");
            Path tmp = Files.createTempFile(cacheDir, ".download", ".tmp");
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(s.baseUrl() + s.files()[i] + ".gz")).timeout(Duration.ofMinutes(5)).build();
                HttpResponse<Path> resp = http.send(req, HttpResponse.BodyHandlers.ofFile(tmp));
                if (resp.statusCode() != 200) throw new IOException("HTTP " + resp.statusCode() + " for " + req.uri());
                String got = sha256OfGunzipped(tmp);
                if (!got.equals(s.sha256()[i])) throw new IOException("checksum mismatch for " + s.files()[i] + ": got " + got);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    static String sha256OfGunzipped(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
