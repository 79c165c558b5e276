package dev.nn4j.data;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Dataset utilities: {@code random_split}. */
public final class Datasets {
    private Datasets() {}

    /** Splits into non-overlapping random subsets of the given lengths, which must sum to the dataset's size. */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long sum = 0;
        for (int l : lengths) {
            if (l < 0) throw new IllegalArgumentException("randomSplit: lengths must be non-negative, got " + l);
            sum += l;
        }
        if (sum != dataset.size()) {
            throw new IllegalArgumentException("randomSplit: sum of input lengths (" + sum + ") does not equal the length of the input dataset ("
                    + dataset.size() + ")");
        }
        long[] perm = Tensor.randperm(dataset.size(), generator).toLongArray();
        List<Subset<T>> out = new ArrayList<>();
        int offset = 0;
        for (int l : lengths) {
            int[] idx = new int[l];
            for (int i = 0; i < l; i++) idx[i] = (int) perm[offset + i];
            out.add(new Subset<>(dataset, idx));
            offset += l;
        }
        return out;
    }

    /** Splits by fractions summing to 1; remainders go round-robin to the first subsets, as PyTorch does. */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        double total = 0;
        for (double f : fractions) {
            if (f < 0 || f > 1) throw new IllegalArgumentException("randomSplit: fraction " + f + " is not between 0 and 1");
            total += f;
        }
        if (Math.abs(total - 1) > 1e-9) throw new IllegalArgumentException("randomSplit: fractions sum to " + total + ", expected 1");
        int n = dataset.size();
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; assigned < n; i = (i + 1) % lengths.length, assigned++) lengths[i]++;
        return randomSplit(dataset, lengths, generator);
    }
}
