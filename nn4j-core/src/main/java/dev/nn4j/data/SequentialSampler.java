package dev.nn4j.data;

import java.util.Iterator;
import java.util.stream.IntStream;

/** Indices {@code 0, 1, ..., n-1} in order. */
public final class SequentialSampler implements Sampler {
    private final int n;

    public SequentialSampler(int n) {
        if (n < 0) throw new IllegalArgumentException("SequentialSampler: the number of samples must be non-negative, got " + n);
        this.n = n;
    }

    @Override
    public Iterator<Integer> iterator() {
        return IntStream.range(0, n).iterator();
    }

    @Override
    public int size() {
        return n;
    }
}
