package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parallel splits: every index exactly once, errors propagate, and results don't depend on the thread count. */
class ParallelTest {
    private int saved;

    @BeforeEach
    void save() {
        saved = Nn4j.getNumThreads();
    }

    @AfterEach
    void restore() {
        Nn4j.setNumThreads(saved);
    }

    @Test
    void forRangeCoversEveryIndexOnce() {
        Nn4j.setNumThreads(2);
        for (int n : new int[] {0, 1, 2, 3, 7, 100, 1001}) {
            for (int grain : new int[] {1, 3, 50, 10000}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                Parallel.forRange(n, grain, (s, e) -> {
                    assertTrue(s < e, "non-empty chunks");
                    for (int i = s; i < e; i++) hits.incrementAndGet(i);
                });
                for (int i = 0; i < n; i++) assertEquals(1, hits.get(i), "n=" + n + " grain=" + grain + " i=" + i);
            }
        }
    }

    @Test
    void workIsSplitOverThreadsAndNestedCallsRunInline() {
        Nn4j.setNumThreads(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger nested = new java.util.concurrent.atomic.AtomicInteger();
        Parallel.forRange(1000, 1, (s, e) -> {
            threads.add(Thread.currentThread().getName());
            // a nested parallel loop from a worker must not deadlock
            Parallel.forRange(100, 1, (s2, e2) -> nested.addAndGet(e2 - s2));
        });
        assertTrue(threads.size() >= 2, "two threads took part: " + threads);
        assertEquals(200, nested.get());
        Nn4j.setNumThreads(1);
        Set<String> one = ConcurrentHashMap.newKeySet();
        Parallel.forRange(1000, 1, (s, e) -> one.add(Thread.currentThread().getName()));
        assertEquals(Set.of(Thread.currentThread().getName()), one);
        assertThrows(IllegalArgumentException.class, () -> Nn4j.setNumThreads(0));
    }

    @Test
    void exceptionsInAChunkReachTheCaller() {
        Nn4j.setNumThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(1000, 1, (s, end) -> {
            if (s > 0) throw new IllegalStateException("chunk " + s);
        }));
        assertTrue(e.getMessage().startsWith("chunk"));
    }

    /** Each op's result with 1 thread and with 2 threads, bit for bit. */
    @Test
    void resultsAreIdenticalWithOneAndTwoThreads() {
        Generator g = new Generator(11);
        Tensor big = Tensor.randn(g, 300, 700);            // 210k elements: several grains
        Tensor other = Tensor.randn(g, 700);
        Tensor big64 = Tensor.randn(DType.FLOAT64, g, 200, 600);
        Tensor a = Tensor.randn(g, 130, 90), b = Tensor.randn(g, 90, 70);
        Tensor ba = Tensor.randn(g, 16, 40, 30), bb = Tensor.randn(g, 16, 30, 20);
        List<Supplier<Tensor>> ops = new ArrayList<>();
        ops.add(() -> big.add(other));
        ops.add(() -> big.mul(big).exp());
        ops.add(() -> big.t().sigmoid());
        ops.add(() -> big.t().contiguous());
        ops.add(() -> big.sum(1));
        ops.add(() -> big.sum(0));
        ops.add(() -> big.amax(new int[] {1}, false));
        ops.add(() -> big.argmax(0));
        ops.add(() -> big.cumsum(1));
        ops.add(() -> big.gt(0.5));
        ops.add(() -> big64.add(big64.t().contiguous().t()).log1p());
        ops.add(() -> big64.sum(1));
        ops.add(() -> a.matmul(b));
        ops.add(() -> ba.bmm(bb));
        ops.add(() -> Tensor.where(big.gt(0), big, other.expand(300, 700).mul(2)));
        List<double[]> one = new ArrayList<>(), two = new ArrayList<>();
        Nn4j.setNumThreads(1);
        for (Supplier<Tensor> op : ops) one.add(op.get().toDoubleArray());
        Nn4j.setNumThreads(2);
        for (Supplier<Tensor> op : ops) two.add(op.get().toDoubleArray());
        for (int i = 0; i < ops.size(); i++) assertArrayEquals(one.get(i), two.get(i), "op " + i);
        assertEquals(2, Nn4j.getNumThreads());
    }
}
