package dev.nn4j.data;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.Arrays;
import java.util.Iterator;

/**
 * A random permutation each epoch (or {@code numSamples} draws with replacement; without replacement, {@code numSamples}
 * beyond the dataset's size chains further permutations, as PyTorch does), from a seedable generator so a seeded run
 * visits the data in the same order.
 */
public final class RandomSampler implements Sampler {
    private final int n, numSamples;
    private final boolean replacement;
    private final Generator generator;

    public RandomSampler(int n, Generator generator) {
        this(n, false, n, generator);
    }

    public RandomSampler(int n, boolean replacement, int numSamples, Generator generator) {
        if (numSamples <= 0 && n > 0) throw new IllegalArgumentException("RandomSampler: num_samples should be a positive integer value, but got num_samples=" + numSamples);
        if (n == 0 && numSamples > 0) throw new IllegalArgumentException("RandomSampler: cannot draw " + numSamples + " samples from an empty dataset");
        this.n = n;
        this.numSamples = numSamples;
        this.replacement = replacement;
        this.generator = generator;
    }

    @Override
    public Iterator<Integer> iterator() {
        int[] idx;
        if (replacement) {
            idx = new int[numSamples];
            for (int i = 0; i < numSamples; i++) idx[i] = generator.nextInt(n);
        } else {
            // as PyTorch: whole permutations while num_samples allows, then the head of one more
            idx = new int[numSamples];
            for (int start = 0; start < numSamples; start += n) {
                long[] perm = Tensor.randperm(n, generator).toLongArray();
                for (int i = 0; i < n && start + i < numSamples; i++) idx[start + i] = (int) perm[i];
            }
        }
        return Arrays.stream(idx).iterator();
    }

    @Override
    public int size() {
        return numSamples;
    }
}
