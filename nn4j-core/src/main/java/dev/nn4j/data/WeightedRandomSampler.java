package dev.nn4j.data;

import dev.nn4j.Generator;
import java.util.Arrays;
import java.util.Iterator;

/** Draws indices with probability proportional to {@code weights} ({@code torch.utils.data.WeightedRandomSampler}). */
public final class WeightedRandomSampler implements Sampler {
    private final double[] cumulative;
    private final int numSamples;
    private final boolean replacement;
    private final Generator generator;
    private final double[] weights;

    public WeightedRandomSampler(double[] weights, int numSamples, boolean replacement, Generator generator) {
        if (numSamples <= 0) throw new IllegalArgumentException("WeightedRandomSampler: num_samples should be a positive integer, got " + numSamples);
        double total = 0;
        cumulative = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("WeightedRandomSampler: weights must be finite and non-negative, got " + weights[i] + " at " + i);
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (total <= 0) throw new IllegalArgumentException("WeightedRandomSampler: weights sum to zero");
        long positive = Arrays.stream(weights).filter(w -> w > 0).count();
        if (!replacement && numSamples > positive) {
            throw new IllegalArgumentException("WeightedRandomSampler: cannot draw " + numSamples + " samples without replacement from "
                    + positive + " categories with positive weight");
        }
        this.weights = weights.clone();
        this.numSamples = numSamples;
        this.replacement = replacement;
        this.generator = generator;
    }

    @Override
    public Iterator<Integer> iterator() {
        int[] out = new int[numSamples];
        if (replacement) {
            double total = cumulative[cumulative.length - 1];
            for (int i = 0; i < numSamples; i++) {
                double u = generator.nextDouble() * total;
                // the first index whose cumulative weight exceeds u: never a zero-weight index, even on a tie
                int lo = 0, hi = cumulative.length - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cumulative[mid] > u) hi = mid;
                    else lo = mid + 1;
                }
                while (weights[lo] == 0) lo--; // u rounded up to the total
                out[i] = lo;
            }
        } else {
            double[] w = weights.clone();
            for (int i = 0; i < numSamples; i++) {
                double total = 0;
                for (double v : w) total += v;
                double u = generator.nextDouble() * total, acc = 0;
                int k = 0;
                for (; k < w.length - 1; k++) {
                    acc += w[k];
                    if (u < acc && w[k] > 0) break;
                }
                out[i] = k;
                w[k] = 0;
            }
        }
        return Arrays.stream(out).iterator();
    }

    @Override
    public int size() {
        return numSamples;
    }
}
