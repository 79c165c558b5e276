package dev.nn4j.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Groups a sampler's indices into batches ({@code torch.utils.data.BatchSampler}). */
public final class BatchSampler implements Iterable<int[]> {
    private final Sampler sampler;
    private final int batchSize;
    private final boolean dropLast;

    public BatchSampler(Sampler sampler, int batchSize, boolean dropLast) {
        if (batchSize <= 0) throw new IllegalArgumentException("BatchSampler: batch_size should be a positive integer value, but got batch_size=" + batchSize);
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /** Number of batches per epoch. */
    public int size() {
        return dropLast ? sampler.size() / batchSize : (sampler.size() + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<int[]> iterator() {
        Iterator<Integer> it = sampler.iterator();
        return new Iterator<>() {
            int[] next = advance();

            private int[] advance() {
                int[] b = new int[batchSize];
                int k = 0;
                while (k < batchSize && it.hasNext()) b[k++] = it.next();
                if (k == 0 || (k < batchSize && dropLast)) return null;
                return k == batchSize ? b : Arrays.copyOf(b, k);
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public int[] next() {
                if (next == null) throw new NoSuchElementException();
                int[] r = next;
                next = advance();
                return r;
            }
        };
    }
}
