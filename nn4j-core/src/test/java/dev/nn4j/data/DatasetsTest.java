package dev.nn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Dataset utilities and samplers: Subset, ConcatDataset, randomSplit, RandomSampler, WeightedRandomSampler, BatchSampler. */
class DatasetsTest {

    /** A dataset whose sample i is i. */
    record Range(int n) implements Dataset<Integer> {
        public Integer get(int index) {
            Dataset.checkIndex(index, n);
            return index;
        }

        public int size() {
            return n;
        }
    }

    static int[] drain(Sampler s) {
        return StreamSupport.stream(s.spliterator(), false).mapToInt(Integer::intValue).toArray();
    }

    static int[] items(Dataset<Integer> d) {
        return IntStream.range(0, d.size()).map(d::get).toArray();
    }

    @Test
    void subsetMapsIndicesAndBatches() {
        Subset<Integer> s = new Subset<>(new Range(10), new int[] {7, 2, 2, 9});
        assertEquals(4, s.size());
        assertArrayEquals(new int[] {7, 2, 2, 9}, items(s));
        List<Integer> batch = s.getBatch(new int[] {3, 0}, l -> l);
        assertEquals(List.of(9, 7), batch);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> s.get(4));
        assertEquals("dataset index 4 is out of range for a dataset of size 4", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(new Range(3), new int[] {3}));
        // a Subset of a TensorDataset keeps the fast batch path and the pairing of x and y
        TensorDataset td = DataLoaderTest.indexed(6);
        Tensor[] b = new Subset<>(td, new int[] {5, 1}).getBatch(new int[] {0, 1}, Collate.DEFAULT);
        assertArrayEquals(new long[] {5, 1}, b[1].toLongArray());
        assertArrayEquals(new float[] {5, 50, 1, 10}, b[0].toFloatArray());
    }

    @Test
    void concatDatasetChainsItsParts() {
        ConcatDataset<Integer> c = new ConcatDataset<>(List.of(new Range(3), new Range(0), new Range(2)));
        assertEquals(5, c.size());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, items(c));
        assertThrows(IndexOutOfBoundsException.class, () -> c.get(5));
        assertThrows(IndexOutOfBoundsException.class, () -> c.get(-1));
        var e = assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<Integer>(List.of()));
        assertTrue(e.getMessage().contains("should not be an empty list"), e.getMessage());
    }

    @Test
    void randomSplitPartitionsReproducibly() {
        List<Subset<Integer>> parts = Datasets.randomSplit(new Range(20), new int[] {5, 0, 15}, new Generator(1));
        assertEquals(List.of(5, 0, 15), parts.stream().map(Subset::size).toList());
        Set<Integer> seen = new HashSet<>();
        for (Subset<Integer> p : parts) for (int v : items(p)) assertTrue(seen.add(v), "disjoint");
        assertEquals(20, seen.size(), "covers the dataset");
        List<Subset<Integer>> again = Datasets.randomSplit(new Range(20), new int[] {5, 0, 15}, new Generator(1));
        for (int i = 0; i < 3; i++) assertArrayEquals(parts.get(i).indices(), again.get(i).indices());
        List<Subset<Integer>> other = Datasets.randomSplit(new Range(20), new int[] {5, 0, 15}, new Generator(2));
        assertFalse(Arrays.equals(parts.get(2).indices(), other.get(2).indices()));
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(new Range(20), new int[] {5, 14}, new Generator(1)));
        assertTrue(e.getMessage().contains("sum of input lengths (19) does not equal the length of the input dataset (20)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(new Range(3), new int[] {4, -1}, new Generator(1)));
    }

    @Test
    void randomSplitByFractionsDealsTheRemainderRoundRobin() {
        // PyTorch: floor(10 * 0.33) = 3 each, remainder 1 to the first subset -> 4, 3, 3
        List<Subset<Integer>> parts = Datasets.randomSplit(new Range(10), new double[] {0.33, 0.33, 0.34}, new Generator(1));
        assertEquals(List.of(4, 3, 3), parts.stream().map(Subset::size).toList());
        parts = Datasets.randomSplit(new Range(11), new double[] {0.5, 0.5}, new Generator(1));
        assertEquals(List.of(6, 5), parts.stream().map(Subset::size).toList());
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(new Range(10), new double[] {0.5, 0.6}, new Generator(1)));
        assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(new Range(10), new double[] {1.5, -0.5}, new Generator(1)));
    }

    @Test
    void randomSamplerWithoutReplacementIsAPermutation() {
        RandomSampler s = new RandomSampler(30, new Generator(4));
        int[] a = drain(s), b = drain(s);
        assertArrayEquals(IntStream.range(0, 30).toArray(), Arrays.stream(a).sorted().toArray());
        assertFalse(Arrays.equals(a, b), "a new permutation per epoch");
        assertArrayEquals(a, drain(new RandomSampler(30, new Generator(4))), "seeded");
        // fewer samples: distinct; more samples: whole permutations then a partial one, as PyTorch
        int[] head = drain(new RandomSampler(30, false, 7, new Generator(4)));
        assertEquals(7, Arrays.stream(head).distinct().count());
        int[] more = drain(new RandomSampler(4, false, 10, new Generator(4)));
        assertEquals(10, more.length);
        assertArrayEquals(new int[] {0, 1, 2, 3}, Arrays.stream(more, 0, 4).sorted().toArray());
        assertArrayEquals(new int[] {0, 1, 2, 3}, Arrays.stream(more, 4, 8).sorted().toArray());
        assertEquals(2, Arrays.stream(more, 8, 10).distinct().count());
    }

    @Test
    void randomSamplerWithReplacementDrawsUniformly() {
        RandomSampler s = new RandomSampler(5, true, 20000, new Generator(9));
        assertEquals(20000, s.size());
        int[] draws = drain(s);
        assertEquals(20000, draws.length);
        int[] counts = new int[5];
        for (int d : draws) counts[d]++;
        for (int c : counts) assertEquals(4000, c, 250, "uniform: " + Arrays.toString(counts));
        assertArrayEquals(draws, drain(new RandomSampler(5, true, 20000, new Generator(9))), "seeded");
        // with replacement, repeats happen even when fewer samples than the dataset are drawn
        int[] few = drain(new RandomSampler(100, true, 60, new Generator(9)));
        assertTrue(Arrays.stream(few).distinct().count() < 60);
        var e = assertThrows(IllegalArgumentException.class, () -> new RandomSampler(5, true, 0, new Generator(1)));
        assertTrue(e.getMessage().contains("num_samples should be a positive integer value, but got num_samples=0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RandomSampler(0, true, 3, new Generator(1)));
        assertEquals(0, drain(new RandomSampler(0, new Generator(1))).length, "an empty dataset has an empty epoch");
    }

    @Test
    void weightedSamplerFollowsTheWeights() {
        double[] w = {1, 2, 0, 7};
        WeightedRandomSampler s = new WeightedRandomSampler(w, 50000, true, new Generator(5));
        int[] counts = new int[4];
        for (int d : drain(s)) counts[d]++;
        assertEquals(0, counts[2], "zero weight is never drawn");
        for (int i = 0; i < 4; i++) assertEquals(w[i] / 10, counts[i] / 50000.0, 0.01, "frequency of " + i + ": " + Arrays.toString(counts));
        assertArrayEquals(drain(new WeightedRandomSampler(w, 500, true, new Generator(5))),
                drain(new WeightedRandomSampler(w, 500, true, new Generator(5))), "seeded");
    }

    @Test
    void weightedSamplerWithoutReplacementDrawsDistinctPositiveIndices() {
        double[] w = {1, 2, 0, 7};
        int[] firsts = new int[4];
        WeightedRandomSampler s = new WeightedRandomSampler(w, 3, false, new Generator(6));
        for (int trial = 0; trial < 5000; trial++) {
            int[] d = drain(s);
            assertEquals(3, Arrays.stream(d).distinct().count());
            assertArrayEquals(new int[] {0, 1, 3}, Arrays.stream(d).sorted().toArray());
            firsts[d[0]]++;
        }
        // the first draw follows the weights
        assertEquals(0.1, firsts[0] / 5000.0, 0.02);
        assertEquals(0.2, firsts[1] / 5000.0, 0.02);
        assertEquals(0.7, firsts[3] / 5000.0, 0.02);
        var e = assertThrows(IllegalArgumentException.class, () -> new WeightedRandomSampler(w, 4, false, new Generator(1)));
        assertTrue(e.getMessage().contains("cannot draw 4 samples without replacement from 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WeightedRandomSampler(new double[] {1, -1}, 1, true, new Generator(1)));
        assertThrows(IllegalArgumentException.class, () -> new WeightedRandomSampler(new double[] {1, Double.NaN}, 1, true, new Generator(1)));
        assertThrows(IllegalArgumentException.class, () -> new WeightedRandomSampler(new double[] {0, 0}, 1, true, new Generator(1)));
        assertThrows(IllegalArgumentException.class, () -> new WeightedRandomSampler(new double[] {1}, 0, true, new Generator(1)));
    }

    @Test
    void batchSamplerGroupsIndices() {
        BatchSampler b = new BatchSampler(new SequentialSampler(7), 3, false);
        List<int[]> out = new ArrayList<>();
        b.forEach(out::add);
        assertEquals(3, b.size());
        assertArrayEquals(new int[] {6}, out.get(2));
        BatchSampler d = new BatchSampler(new SequentialSampler(7), 3, true);
        out.clear();
        d.forEach(out::add);
        assertEquals(2, d.size());
        assertEquals(2, out.size());
        assertEquals(0, new BatchSampler(new SequentialSampler(0), 3, false).size());
        assertFalse(new BatchSampler(new SequentialSampler(0), 3, false).iterator().hasNext());
        var e = assertThrows(IllegalArgumentException.class, () -> new BatchSampler(new SequentialSampler(3), 0, false));
        assertTrue(e.getMessage().contains("batch_size should be a positive integer value"), e.getMessage());
    }

    @Test
    void tensorDatasetChecksItsTensors() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)));
        assertTrue(e.getMessage().startsWith("TensorDataset: size mismatch between tensors"), e.getMessage());
        assertThrows(IllegalArgumentException.class, TensorDataset::new);
        TensorDataset td = DataLoaderTest.indexed(4);
        assertEquals(4, td.size());
        Tensor[] s = td.get(3);
        assertArrayEquals(new float[] {3, 30}, s[0].toFloatArray());
        assertEquals(0, s[1].dim());
        assertThrows(IndexOutOfBoundsException.class, () -> td.get(4));
        assertThrows(IndexOutOfBoundsException.class, () -> td.getBatch(new int[] {0, 4}, Collate.DEFAULT));
    }
}
