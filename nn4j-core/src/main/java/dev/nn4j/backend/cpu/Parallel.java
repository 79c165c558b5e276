package dev.nn4j.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Splits index ranges over the library's worker threads, like {@code at::parallel_for}.
 * Nested calls from a worker run inline, so kernels can call each other freely without deadlock.
 */
public final class Parallel {
    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static volatile ForkJoinPool pool = newPool(numThreads);

    private Parallel() {}

    /** A body that processes the half-open index range {@code [start, end)}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int start, int end);
    }

    public static int numThreads() {
        return numThreads;
    }

    public static synchronized void setNumThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("setNumThreads: expected n >= 1, got " + n);
        if (n == numThreads) return;
        ForkJoinPool old = pool;
        numThreads = n;
        pool = newPool(n);
        old.shutdown();
    }

    private static ForkJoinPool newPool(int n) {
        return new ForkJoinPool(n, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("nn4j-worker-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    /**
     * Runs {@code body} over {@code [0, n)} split into at most numThreads chunks, each at least
     * {@code grain} indices long. Small ranges and nested calls run on the calling thread.
     */
    public static void forRange(int n, int grain, RangeBody body) {
        if (n <= 0) return;
        int threads = numThreads;
        int chunks = Math.min(threads, Math.max(1, n / Math.max(1, grain)));
        if (chunks <= 1 || Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == pool) {
            body.run(0, n);
            return;
        }
        ForkJoinPool p = pool;
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks - 1);
        int per = n / chunks, rem = n % chunks;
        int start = 0;
        int firstEnd = per + (rem > 0 ? 1 : 0);
        start = firstEnd;
        // a worker's exception is caught and rethrown as is: ForkJoinTask.join would wrap it in a copy
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 1; c < chunks; c++) {
            int len = per + (c < rem ? 1 : 0);
            int s = start, e = start + len;
            tasks.add(p.submit(() -> {
                try {
                    body.run(s, e);
                } catch (Throwable ex) {
                    failure.compareAndSet(null, ex);
                }
            }));
            start = e;
        }
        try {
            body.run(0, firstEnd);
        } catch (Throwable ex) {
            failure.compareAndSet(null, ex);
        }
        for (ForkJoinTask<?> t : tasks) t.join();
        Throwable f = failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        if (f != null) throw new IllegalStateException(f);
    }
}
