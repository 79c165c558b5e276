package dev.nn4j.data;

import dev.nn4j.Generator;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Batches a dataset ({@code torch.utils.data.DataLoader}): sampling (sequential, shuffled from a seeded generator,
 * or any {@link Sampler}/{@link BatchSampler}), collation, {@code dropLast}, and background prefetch on worker threads.
 * Batches arrive in sampler order whatever the number of workers; a worker's exception is re-thrown in the caller.
 * Each {@link #iterator()} is one epoch; close it (or exhaust it) to stop its workers.
 *
 * <pre>{@code
 * var loader = DataLoader.builder(new TensorDataset(x, y)).batchSize(64).shuffle(true).generator(new Generator(0)).build();
 * for (Tensor[] batch : loader) { ... }
 * }</pre>
 */
public final class DataLoader<T, B> implements Iterable<B> {
    private final Dataset<T> dataset;
    private final BatchSampler batchSampler;
    private final Function<List<T>, B> collate;
    private final int numWorkers, prefetchFactor;

    private DataLoader(Builder<T, B> b) {
        this.dataset = b.dataset;
        this.collate = b.collate;
        this.numWorkers = b.numWorkers;
        this.prefetchFactor = b.prefetchFactor;
        if (b.batchSampler != null) {
            this.batchSampler = b.batchSampler;
        } else {
            Sampler s = b.sampler != null ? b.sampler
                    : b.shuffle ? new RandomSampler(dataset.size(), b.generator) : new SequentialSampler(dataset.size());
            this.batchSampler = new BatchSampler(s, b.batchSize, b.dropLast);
        }
    }

    /** A builder for samples that are tensor arrays, collated by stacking. */
    public static <T> Builder<T, T> builder(Dataset<T> dataset) {
        return new Builder<>(dataset);
    }

    /** Number of batches per epoch. */
    public int size() {
        return batchSampler.size();
    }

    public Dataset<T> dataset() {
        return dataset;
    }

    @Override
    public BatchIterator iterator() {
        return new BatchIterator();
    }

    /** One epoch of batches; {@link #close()} cancels pending work and stops the workers. */
    public final class BatchIterator implements Iterator<B>, AutoCloseable {
        private final Iterator<int[]> indices = batchSampler.iterator();
        private final ExecutorService pool;
        private final ArrayDeque<Future<B>> pending = new ArrayDeque<>();
        private boolean closed;

        BatchIterator() {
            if (numWorkers > 0) {
                AtomicInteger n = new AtomicInteger();
                ThreadPoolExecutor p = new ThreadPoolExecutor(numWorkers, numWorkers, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "nn4j-loader-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                // an abandoned iterator's idle workers exit on their own
                p.allowCoreThreadTimeOut(true);
                pool = p;
                fill();
            } else {
                pool = null;
            }
        }

        private void fill() {
            while (pending.size() < numWorkers * prefetchFactor && indices.hasNext()) {
                int[] batch = indices.next();
                pending.add(pool.submit(() -> dataset.getBatch(batch, collate)));
            }
        }

        @Override
        public boolean hasNext() {
            if (closed) return false;
            boolean more = pool == null ? indices.hasNext() : !pending.isEmpty();
            if (!more) close();
            return more;
        }

        @Override
        public B next() {
            if (!hasNext()) throw new NoSuchElementException();
            if (pool == null) return dataset.getBatch(indices.next(), collate);
            Future<B> f = pending.poll();
            try {
                B b = f.get();
                fill();
                return b;
            } catch (ExecutionException e) {
                close();
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error err) throw err;
                throw new IllegalStateException("DataLoader worker failed: " + c, c);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("DataLoader: interrupted while waiting for a batch", e);
            } catch (CancellationException e) {
                close();
                throw new IllegalStateException("DataLoader: batch cancelled", e);
            }
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            if (pool != null) {
                for (Future<B> f : pending) f.cancel(true);
                pending.clear();
                pool.shutdownNow();
            }
        }
    }

    /** Options with PyTorch's defaults: batch size 1, no shuffle, no workers. */
    public static final class Builder<T, B> {
        private final Dataset<T> dataset;
        private int batchSize = 1, numWorkers = 0, prefetchFactor = 2;
        private boolean shuffle, dropLast;
        private Generator generator = Generator.getDefault();
        private Sampler sampler;
        private BatchSampler batchSampler;
        private Function<List<T>, B> collate;

        Builder(Dataset<T> dataset) {
            if (dataset == null) throw new IllegalArgumentException("DataLoader: dataset must not be null");
            this.dataset = dataset;
            this.collate = defaultCollate();
        }

        @SuppressWarnings("unchecked")
        private Function<List<T>, B> defaultCollate() {
            return (Function<List<T>, B>) (Function<?, ?>) Collate.DEFAULT;
        }

        public Builder<T, B> batchSize(int v) {
            if (v <= 0) throw new IllegalArgumentException("DataLoader: batch_size should be a positive integer value, but got batch_size=" + v);
            batchSize = v;
            return this;
        }

        public Builder<T, B> shuffle(boolean v) { shuffle = v; return this; }
        public Builder<T, B> dropLast(boolean v) { dropLast = v; return this; }
        public Builder<T, B> generator(Generator g) { generator = g; return this; }
        public Builder<T, B> sampler(Sampler s) { sampler = s; return this; }
        public Builder<T, B> batchSampler(BatchSampler s) { batchSampler = s; return this; }

        /** Worker threads that assemble batches ahead of the training loop (0: in the caller's thread). */
        public Builder<T, B> numWorkers(int v) {
            if (v < 0) throw new IllegalArgumentException("DataLoader: num_workers option should be non-negative, got " + v);
            numWorkers = v;
            return this;
        }

        public Builder<T, B> prefetchFactor(int v) {
            if (v <= 0) throw new IllegalArgumentException("DataLoader: prefetch_factor should be positive, got " + v);
            prefetchFactor = v;
            return this;
        }

        /** A custom collate; changes the batch type. */
        @SuppressWarnings("unchecked")
        public <C> Builder<T, C> collate(Function<List<T>, C> fn) {
            Builder<T, C> b = (Builder<T, C>) this;
            b.collate = fn;
            return b;
        }

        public DataLoader<T, B> build() {
            if (batchSampler != null && (batchSize != 1 || shuffle || sampler != null || dropLast)) {
                throw new IllegalArgumentException("DataLoader: batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last");
            }
            if (sampler != null && shuffle) {
                throw new IllegalArgumentException("DataLoader: sampler option is mutually exclusive with shuffle");
            }
            if (collate == null) collate = defaultCollate();
            return new DataLoader<>(this);
        }
    }
}
