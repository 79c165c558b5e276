package dev.nn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DataLoader behaviour: order, seeded shuffling, drop_last, option exclusivity, custom collate, identical batches
 * with and without workers, worker errors, worker threads that end, and prefetching that really overlaps the
 * consumer. Tests that involve threads carry a generous {@link Timeout} so that a deadlock fails instead of hanging
 * the build; none of them asserts a duration.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataLoaderTest {

    /** Samples {x = [i, 10 i], y = i}: a sample's values name its index. */
    static TensorDataset indexed(int n) {
        float[] x = new float[2 * n];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i;
        }
        return new TensorDataset(Tensor.fromArray(x, n, 2), Tensor.fromArray(y, n));
    }

    static List<long[]> labels(Iterable<Tensor[]> loader) {
        List<long[]> out = new ArrayList<>();
        for (Tensor[] b : loader) {
            long[] y = b[1].toLongArray();
            float[] x = b[0].toFloatArray();
            for (int i = 0; i < y.length; i++) assertEquals(y[i], (long) x[2 * i], "x and y of one sample stay together");
            out.add(y);
        }
        return out;
    }

    static long[] flat(List<long[]> batches) {
        return batches.stream().flatMapToLong(Arrays::stream).toArray();
    }

    static int loaderThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("nn4j-loader-")).count();
    }

    /** Waits (polling, up to 20 s) until no worker thread is alive; returns how many remain. */
    static int awaitNoLoaderThreads() throws InterruptedException {
        for (int i = 0; i < 200 && loaderThreads() > 0; i++) Thread.sleep(100);
        return loaderThreads();
    }

    @AfterEach
    void noWorkerOutlivesATest() throws InterruptedException {
        assertEquals(0, awaitNoLoaderThreads(), "nn4j-loader threads still alive");
    }

    @Test
    void sequentialBatchesInOrderWithShapes() {
        var loader = DataLoader.builder(indexed(10)).batchSize(4).build();
        assertEquals(3, loader.size());
        List<Tensor[]> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {4, 2}, batches.get(0)[0].shape());
        assertArrayEquals(new int[] {2, 2}, batches.get(2)[0].shape());
        assertEquals(DType.INT64, batches.get(0)[1].dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, flat(labels(loader)));
        assertArrayEquals(new float[] {8, 80, 9, 90}, batches.get(2)[0].toFloatArray());
    }

    @Test
    void defaultBatchSizeIsOne() {
        var loader = DataLoader.builder(indexed(3)).build();
        assertEquals(3, loader.size());
        for (Tensor[] b : loader) assertArrayEquals(new int[] {1, 2}, b[0].shape());
    }

    @Test
    void dropLastDecidesAboutTheShortBatch() {
        for (int n : new int[] {9, 10, 11, 12}) {
            var keep = DataLoader.builder(indexed(n)).batchSize(3).build();
            var drop = DataLoader.builder(indexed(n)).batchSize(3).dropLast(true).build();
            List<long[]> k = labels(keep), d = labels(drop);
            assertEquals((n + 2) / 3, keep.size());
            assertEquals((n + 2) / 3, k.size());
            assertEquals(n / 3, drop.size());
            assertEquals(n / 3, d.size());
            assertEquals(n % 3 == 0 ? 3 : n % 3, k.get(k.size() - 1).length);
            d.forEach(b -> assertEquals(3, b.length));
        }
    }

    @Test
    void seededShuffleIsReproducibleAndDiffersAcrossEpochs() {
        var a = DataLoader.builder(indexed(50)).batchSize(8).shuffle(true).generator(new Generator(11)).build();
        var b = DataLoader.builder(indexed(50)).batchSize(8).shuffle(true).generator(new Generator(11)).build();
        long[] a1 = flat(labels(a)), a2 = flat(labels(a)), b1 = flat(labels(b)), b2 = flat(labels(b));
        assertArrayEquals(a1, b1, "same seed, same first epoch");
        assertArrayEquals(a2, b2, "same seed, same second epoch");
        assertFalse(Arrays.equals(a1, a2), "each epoch is a new permutation");
        for (long[] epoch : List.of(a1, a2)) {
            assertArrayEquals(LongStreamRange.of(50), Arrays.stream(epoch).sorted().toArray(), "every sample exactly once");
        }
        assertFalse(Arrays.equals(LongStreamRange.of(50), a1), "shuffled");
        var c = DataLoader.builder(indexed(50)).batchSize(8).shuffle(true).generator(new Generator(12)).build();
        assertFalse(Arrays.equals(a1, flat(labels(c))), "another seed, another order");
    }

    /** 0, 1, ..., n-1 as longs. */
    static final class LongStreamRange {
        static long[] of(int n) {
            return IntStream.range(0, n).asLongStream().toArray();
        }
    }

    @Test
    void exclusiveOptionsAreRejected() {
        TensorDataset ds = indexed(6);
        BatchSampler bs = new BatchSampler(new SequentialSampler(6), 2, false);
        String msg = "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last";
        for (var b : List.<Function<DataLoader.Builder<Tensor[], Tensor[]>, DataLoader.Builder<Tensor[], Tensor[]>>>of(
                x -> x.batchSize(2), x -> x.shuffle(true), x -> x.dropLast(true), x -> x.sampler(new SequentialSampler(6)))) {
            var e = assertThrows(IllegalArgumentException.class, () -> b.apply(DataLoader.builder(ds).batchSampler(bs)).build());
            assertTrue(e.getMessage().contains(msg), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).sampler(new SequentialSampler(6)).shuffle(true).build());
        assertTrue(e.getMessage().contains("sampler option is mutually exclusive with shuffle"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).batchSize(0));
        assertTrue(e.getMessage().contains("batch_size should be a positive integer value, but got batch_size=0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).numWorkers(-1));
        assertTrue(e.getMessage().contains("num_workers"), e.getMessage());
        // a batch sampler alone decides the batches
        var loader = DataLoader.builder(ds).batchSampler(bs).build();
        assertEquals(3, loader.size());
        assertArrayEquals(new long[] {4, 5}, labels(loader).get(2));
    }

    @Test
    void samplerChoosesTheOrder() {
        Sampler reversed = new Sampler() {
            public Iterator<Integer> iterator() {
                return IntStream.range(0, 5).map(i -> 4 - i).iterator();
            }

            public int size() {
                return 5;
            }
        };
        var loader = DataLoader.builder(indexed(5)).batchSize(2).sampler(reversed).build();
        assertArrayEquals(new long[] {4, 3, 2, 1, 0}, flat(labels(loader)));
        assertEquals(3, loader.size());
    }

    @Test
    void customCollateChangesTheBatchType() {
        Dataset<String> words = new Dataset<>() {
            public String get(int index) {
                return "w" + index;
            }

            public int size() {
                return 5;
            }
        };
        DataLoader<String, String> loader = DataLoader.builder(words).batchSize(2).<String>collate(l -> String.join("+", l)).build();
        List<String> out = new ArrayList<>();
        loader.forEach(out::add);
        assertEquals(List.of("w0+w1", "w2+w3", "w4"), out);
        // on a TensorDataset a custom collate sees the samples one by one
        DataLoader<Tensor[], Long> sums = DataLoader.builder(indexed(6)).batchSize(3)
                .<Long>collate(l -> l.stream().mapToLong(s -> s[1].toLongArray()[0]).sum()).numWorkers(2).build();
        List<Long> totals = new ArrayList<>();
        sums.forEach(totals::add);
        assertEquals(List.of(3L, 12L), totals);
    }

    @Test
    void defaultCollateExplainsWhatItNeeds() {
        Dataset<String> words = new Dataset<>() {
            public String get(int index) {
                return "w";
            }

            public int size() {
                return 2;
            }
        };
        var loader = DataLoader.builder(words).batchSize(2).build();
        var e = assertThrows(IllegalArgumentException.class, () -> loader.iterator().next());
        assertTrue(e.getMessage().contains("Tensor[]") && e.getMessage().contains("collate"), e.getMessage());
    }

    @Test
    void workersGiveTheSameBatchesInTheSameOrder() {
        for (int workers : new int[] {1, 2, 3}) {
            var serial = DataLoader.builder(indexed(37)).batchSize(4).shuffle(true).generator(new Generator(3)).build();
            var parallel = DataLoader.builder(indexed(37)).batchSize(4).shuffle(true).generator(new Generator(3)).numWorkers(workers).prefetchFactor(2).build();
            for (int epoch = 0; epoch < 2; epoch++) {
                List<Tensor[]> a = new ArrayList<>(), b = new ArrayList<>();
                serial.forEach(a::add);
                parallel.forEach(b::add);
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertTrue(a.get(i)[0].equal(b.get(i)[0]) && a.get(i)[1].equal(b.get(i)[1]), "batch " + i + " with " + workers + " workers");
                }
            }
        }
    }

    /** Records which threads assembled batches; fails batch {@code failAt} with a message naming it. */
    static final class Probe implements Dataset<Integer> {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final int n, failAt;
        volatile CountDownLatch started = new CountDownLatch(1);
        volatile int watched = -1;

        Probe(int n, int failAt) {
            this.n = n;
            this.failAt = failAt;
        }

        @Override
        public Integer get(int index) {
            if (index == watched) started.countDown();
            threads.add(Thread.currentThread().getName());
            if (index == failAt) throw new IllegalStateException("sample " + index + " is corrupt");
            return index;
        }

        @Override
        public int size() {
            return n;
        }
    }

    @Test
    void aWorkerExceptionReachesTheCallerWithItsMessage() throws InterruptedException {
        Probe probe = new Probe(40, 13);
        var loader = DataLoader.builder(probe).batchSize(2).<List<Integer>>collate(l -> l).numWorkers(2).build();
        List<List<Integer>> got = new ArrayList<>();
        var it = loader.iterator();
        var e = assertThrows(IllegalStateException.class, () -> {
            while (it.hasNext()) got.add(it.next());
        });
        assertEquals("sample 13 is corrupt", e.getMessage());
        assertEquals(6, got.size(), "the batches before the failing one arrive, in order");
        assertEquals(List.of(10, 11), got.get(5));
        assertFalse(it.hasNext(), "a failed iterator is closed");
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(0, awaitNoLoaderThreads());
        // and the same exception without workers
        var serial = DataLoader.builder(probe).batchSize(2).<List<Integer>>collate(l -> l).build();
        e = assertThrows(IllegalStateException.class, () -> serial.forEach(b -> {}));
        assertEquals("sample 13 is corrupt", e.getMessage());
    }

    @Test
    void anErrorInTheLastBatchDoesNotHang() {
        Probe probe = new Probe(5, 4);
        var loader = DataLoader.builder(probe).batchSize(2).<List<Integer>>collate(l -> l).numWorkers(3).prefetchFactor(4).build();
        var e = assertThrows(IllegalStateException.class, () -> loader.forEach(b -> {}));
        assertEquals("sample 4 is corrupt", e.getMessage());
    }

    @Test
    void closingOrAbandoningAnIteratorEndsItsWorkers() throws InterruptedException {
        var loader = DataLoader.builder(indexed(200)).batchSize(2).numWorkers(3).build();
        var it = loader.iterator();
        it.next();
        assertTrue(loaderThreads() > 0, "workers are running");
        it.close();
        assertFalse(it.hasNext());
        assertEquals(0, awaitNoLoaderThreads(), "closed iterator");
        // abandoned without close: idle workers time out
        var abandoned = loader.iterator();
        abandoned.next();
        abandoned = null;
        assertEquals(0, awaitNoLoaderThreads(), "abandoned iterator");
        // exhausting an epoch closes it too
        for (Tensor[] b : DataLoader.builder(indexed(9)).batchSize(2).numWorkers(2).build()) assertTrue(b[0].size(0) > 0);
        assertEquals(0, awaitNoLoaderThreads(), "exhausted iterator");
    }

    @Test
    void workersAssembleBatchesWhileTheConsumerHoldsOne() throws Exception {
        Probe probe = new Probe(20, -1);
        probe.watched = 2; // the first sample of batch 1
        var loader = DataLoader.builder(probe).batchSize(2).<List<Integer>>collate(l -> l).numWorkers(1).build();
        var it = loader.iterator();
        assertEquals(List.of(0, 1), it.next());
        // the consumer does not ask for batch 1; a worker starts it anyway
        assertTrue(probe.started.await(30, TimeUnit.SECONDS), "batch 1 was not prefetched");
        assertEquals(Set.of("nn4j-loader-1"), probe.threads, "batches are assembled on the worker, not the caller");
        it.close();
    }

    @Test
    void twoWorkersRunAtTheSameTime() throws Exception {
        // batch 0 cannot finish before batch 1 has started: one worker alone would wait forever (the barrier breaks)
        CyclicBarrier both = new CyclicBarrier(2);
        Dataset<Integer> ds = new Dataset<>() {
            public Integer get(int index) {
                if (index < 2) {
                    try {
                        both.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("batches 0 and 1 did not overlap", e);
                    }
                }
                return index;
            }

            public int size() {
                return 6;
            }
        };
        var loader = DataLoader.builder(ds).batchSize(1).<Integer>collate(l -> l.get(0)).numWorkers(2).build();
        List<Integer> got = new ArrayList<>();
        loader.forEach(got::add);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), got);
    }

    @Test
    void iteratorProtocol() {
        var loader = DataLoader.builder(indexed(3)).batchSize(2).numWorkers(1).build();
        var it = loader.iterator();
        assertTrue(it.hasNext());
        assertTrue(it.hasNext(), "hasNext is idempotent");
        it.next();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertSame(loader.dataset(), loader.dataset());
        assertNotEquals(0, loader.size());
    }
}
