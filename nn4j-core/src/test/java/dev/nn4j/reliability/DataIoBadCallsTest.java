package dev.nn4j.reliability;

import static dev.nn4j.reliability.BadCalls.IOOBE;

import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.data.BatchSampler;
import dev.nn4j.data.Collate;
import dev.nn4j.data.ConcatDataset;
import dev.nn4j.data.DataLoader;
import dev.nn4j.data.DatasetNotFoundException;
import dev.nn4j.data.Datasets;
import dev.nn4j.data.Idx;
import dev.nn4j.data.MnistDataset;
import dev.nn4j.data.RandomSampler;
import dev.nn4j.data.SequentialSampler;
import dev.nn4j.data.Subset;
import dev.nn4j.data.TensorDataset;
import dev.nn4j.data.WeightedRandomSampler;
import dev.nn4j.io.Json;
import dev.nn4j.io.SafeTensors;
import dev.nn4j.io.SafeTensorsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Bad calls of datasets, samplers, the DataLoader, IDX files, safetensors and the JSON reader. */
class DataIoBadCallsTest {
    @TempDir
    Path dir;

    private static TensorDataset ds(int n) {
        return new TensorDataset(Tensor.zeros(n, 2), Tensor.zeros(dev.nn4j.DType.INT64, n));
    }

    @TestFactory
    List<DynamicTest> data() {
        BadCalls t = new BadCalls();
        t.iae("batch size 0", () -> DataLoader.builder(ds(4)).batchSize(0), "DataLoader", "batch_size=0");
        t.iae("negative batch size", () -> DataLoader.builder(ds(4)).batchSize(-3), "DataLoader", "batch_size=-3");
        t.iae("negative workers", () -> DataLoader.builder(ds(4)).numWorkers(-1), "DataLoader", "num_workers", "-1");
        t.iae("prefetch factor 0", () -> DataLoader.builder(ds(4)).prefetchFactor(0), "DataLoader", "prefetch_factor", "0");
        t.iae("sampler and shuffle", () -> DataLoader.builder(ds(4)).sampler(new SequentialSampler(4)).shuffle(true).build(),
                "DataLoader", "sampler", "shuffle");
        t.iae("batch sampler and batch size", () -> DataLoader.builder(ds(4)).batchSampler(new BatchSampler(new SequentialSampler(4), 2, false))
                .batchSize(3).build(), "DataLoader", "batch_sampler");
        t.iae("null dataset", () -> DataLoader.builder(null), "DataLoader", "dataset", "null");
        t.row("TensorDataset index", IOOBE, () -> ds(3).get(3), "index 3", "size 3");
        t.row("TensorDataset negative index", IOOBE, () -> ds(3).get(-1), "index -1");
        t.row("Subset index at construction", IOOBE, () -> new Subset<>(ds(3), new int[] {0, 5}), "index 5", "size 3");
        t.row("Subset index", IOOBE, () -> new Subset<>(ds(3), new int[] {0, 1}).get(2), "index 2", "size 2");
        t.row("ConcatDataset index", IOOBE, () -> new ConcatDataset<>(List.of(ds(2), ds(3))).get(5), "index 5", "size 5");
        t.row("sampler beyond the dataset", IOOBE, () -> {
            var loader = DataLoader.builder(ds(3)).sampler(new SequentialSampler(5)).batchSize(2).build();
            for (var b : loader) { }
        }, "index 3", "size 3");
        t.iae("TensorDataset sizes", () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)), "TensorDataset", "(3, 2)", "(4,)");
        t.iae("TensorDataset empty", () -> new TensorDataset(), "TensorDataset", "at least one tensor");
        t.iae("TensorDataset 0-dim", () -> new TensorDataset(Tensor.scalar(1)), "TensorDataset", "tensor 0 is 0-dim");
        t.iae("ConcatDataset empty", () -> new ConcatDataset<>(List.of()), "ConcatDataset", "empty");
        t.iae("randomSplit lengths", () -> Datasets.randomSplit(ds(4), new int[] {2, 3}, new Generator(0)), "randomSplit", "(5)", "(4)");
        t.iae("randomSplit negative", () -> Datasets.randomSplit(ds(4), new int[] {5, -1}, new Generator(0)), "randomSplit", "-1");
        t.iae("randomSplit fractions", () -> Datasets.randomSplit(ds(4), new double[] {0.5, 0.6}, new Generator(0)), "randomSplit", "1.1");
        t.iae("BatchSampler size", () -> new BatchSampler(new SequentialSampler(4), 0, false), "BatchSampler", "batch_size=0");
        t.iae("SequentialSampler negative", () -> new SequentialSampler(-1), "SequentialSampler", "-1");
        t.iae("RandomSampler num_samples", () -> new RandomSampler(4, false, 0, new Generator(0)), "RandomSampler", "num_samples=0");
        t.iae("WeightedRandomSampler negative weight", () -> new WeightedRandomSampler(new double[] {1, -1}, 2, true, new Generator(0)),
                "WeightedRandomSampler", "-1");
        t.iae("WeightedRandomSampler NaN weight", () -> new WeightedRandomSampler(new double[] {1, Double.NaN}, 2, true, new Generator(0)),
                "WeightedRandomSampler", "NaN");
        t.iae("WeightedRandomSampler too many", () -> new WeightedRandomSampler(new double[] {1, 1}, 3, false, new Generator(0)),
                "WeightedRandomSampler", "3");
        t.iae("collate mixed fields", () -> Collate.stack(List.of(new Tensor[] {Tensor.zeros(2)}, new Tensor[] {Tensor.zeros(2), Tensor.zeros(1)})),
                "collate", "fields");
        t.iae("collate shapes", () -> Collate.stack(List.of(new Tensor[] {Tensor.zeros(2)}, new Tensor[] {Tensor.zeros(3)})), "stack", "(2,)", "(3,)");
        t.iae("MnistDataset sizes", () -> new MnistDataset(new byte[10], new byte[2], 2, 2, 2, 0, 1), "MnistDataset", "8", "10");
        t.iae("MnistDataset std", () -> new MnistDataset(new byte[8], new byte[2], 2, 2, 2, 0, 0), "MnistDataset", "std", "0");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> files() throws IOException {
        BadCalls t = new BadCalls();
        Path missing = dir.resolve("no-such.safetensors");
        Path notIdx = Files.write(dir.resolve("garbage-idx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Path truncatedIdx = Files.write(dir.resolve("truncated-idx"), new byte[] {0, 0, 8, 1, 0, 0, 0, 100, 1, 2});
        Path lyingIdx = Files.write(dir.resolve("lying-idx"), new byte[] {0, 0, 8, 3, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0, 0x7f, 0, 0, 0});
        Path labels = Files.write(dir.resolve("labels-idx"), new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3});
        Path images = Files.write(dir.resolve("images-idx"), new byte[] {0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 7, 9});
        t.iae("Idx missing file", () -> Idx.read(dir.resolve("nothing")), "nothing");
        t.iae("Idx magic", () -> Idx.read(notIdx), "garbage-idx", "magic");
        t.iae("Idx truncated", () -> Idx.read(truncatedIdx), "truncated-idx", "truncated", "100");
        t.iae("Idx lying dims", () -> Idx.read(lyingIdx), "lying-idx", "claim more data");
        t.iae("MnistDataset label count", () -> MnistDataset.fromIdx(images, labels, 0, 1), "labels-idx", "2");
        t.iae("MnistDataset images as labels", () -> MnistDataset.fromIdx(labels, labels, 0, 1), "labels-idx", "3 dims");
        t.row("Fashion-MNIST missing folder", DatasetNotFoundException.class,
                () -> MnistDataset.fashionMnist(dir.resolve("no-data"), null, true, 0, 1), "Fashion-MNIST", "no-data");
        t.row("safetensors missing file", SafeTensorsException.class, () -> SafeTensors.read(missing), "no-such.safetensors");
        t.row("Nn4j.load missing file", SafeTensorsException.class, () -> Nn4j.load(missing), "no-such.safetensors");
        t.row("safetensors folder", SafeTensorsException.class, () -> SafeTensors.read(dir), dir.toString());
        t.iae("safetensors reserved name", () -> SafeTensors.write(dir.resolve("a.safetensors"), Map.of("__metadata__", Tensor.zeros(1)), Map.of()),
                "safetensors", "__metadata__");
        t.iae("safetensors null tensor", () -> {
            Map<String, Tensor> m = new LinkedHashMap<>();
            m.put("w", null);
            SafeTensors.write(dir.resolve("b.safetensors"), m, Map.of());
        }, "safetensors", "'w'", "null");
        t.iae("Nn4j.save null state dict", () -> Nn4j.save(null, dir.resolve("c.safetensors")), "safetensors", "null");
        t.iae("Nn4j.save null path", () -> Nn4j.save(Map.of("w", Tensor.zeros(1)), null), "safetensors", "null");
        t.iae("Json truncated", () -> Json.parse("{\"a\": [1, 2"), "JSON");
        t.iae("Json trailing garbage", () -> Json.parse("{} x"), "JSON");
        t.iae("Json bad literal", () -> Json.parse("[tru]"), "JSON");
        return t.tests();
    }
}
