package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#embeddingBag} and its primitive (named so it does not clash with the module {@code nn.EmbeddingBag}).
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * var bag = EmbeddingBagOptions.opts().mode("sum");
 * Tensor pooled = bag.apply(flatIds, table, offsets);   // (num_bags, D)
 * }</pre>
 */
public final class EmbeddingBagOptions implements Cloneable {
    Double maxNorm;
    double normType = 2.0;
    boolean scaleGradByFreq;
    String mode = "mean";
    boolean sparse;
    boolean includeLastOffset;
    Integer paddingIdx;

    private EmbeddingBagOptions() {}

    private EmbeddingBagOptions copy() {
        try {
            return (EmbeddingBagOptions) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** PyTorch's defaults: {@code mode="mean"}, no max norm, {@code norm_type=2}, no padding index. */
    public static EmbeddingBagOptions opts() {
        return new EmbeddingBagOptions();
    }

    public EmbeddingBagOptions maxNorm(Double maxNorm) {
        var c = copy();
        c.maxNorm = maxNorm;
        return c;
    }

    public EmbeddingBagOptions normType(double normType) {
        var c = copy();
        c.normType = normType;
        return c;
    }

    public EmbeddingBagOptions scaleGradByFreq(boolean scaleGradByFreq) {
        var c = copy();
        c.scaleGradByFreq = scaleGradByFreq;
        return c;
    }

    /** How a bag is reduced: {@code "sum"}, {@code "mean"} or {@code "max"}. */
    public EmbeddingBagOptions mode(String mode) {
        var c = copy();
        c.mode = mode;
        return c;
    }

    /** Accepted for PyTorch compatibility; nn4j always produces a dense weight gradient. */
    public EmbeddingBagOptions sparse(boolean sparse) {
        var c = copy();
        c.sparse = sparse;
        return c;
    }

    /** The offsets carry one more entry, the end of the last bag (CSR style). */
    public EmbeddingBagOptions includeLastOffset(boolean includeLastOffset) {
        var c = copy();
        c.includeLastOffset = includeLastOffset;
        return c;
    }

    /** Entries equal to this index are left out of their bag; null for none. */
    public EmbeddingBagOptions paddingIdx(Integer paddingIdx) {
        var c = copy();
        c.paddingIdx = paddingIdx;
        return c;
    }

    /** The bags of {@code input} (1-D with {@code offsets}, or 2-D with one bag per row and null offsets). */
    public Tensor apply(Tensor input, Tensor weight, Tensor offsets) {
        return apply(input, weight, offsets, null);
    }

    /** As {@link #apply(Tensor, Tensor, Tensor)}, scaling each looked-up row by its per-sample weight (mode "sum" only). */
    public Tensor apply(Tensor input, Tensor weight, Tensor offsets, Tensor perSampleWeights) {
        return Sparse.embeddingBag(input, weight, offsets, maxNorm, normType, scaleGradByFreq, mode, sparse, perSampleWeights,
                includeLastOffset, paddingIdx);
    }
}
