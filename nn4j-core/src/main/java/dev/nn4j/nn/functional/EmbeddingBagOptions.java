package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#embeddingBag} and its primitive (named so it does not clash with the module {@code nn.EmbeddingBag}).
 *
 * <pre>{@code
 * var bag = EmbeddingBagOptions.opts().mode("sum");
 * Tensor pooled = bag.apply(flatIds, table, offsets);   // (num_bags, D)
 * }</pre>
 */
public final class EmbeddingBagOptions {
    Double maxNorm;
    double normType = 2.0;
    boolean scaleGradByFreq;
    String mode = "mean";
    boolean sparse;
    boolean includeLastOffset;
    Integer paddingIdx;

    private EmbeddingBagOptions() {}

    /** PyTorch's defaults: {@code mode="mean"}, no max norm, {@code norm_type=2}, no padding index. */
    public static EmbeddingBagOptions opts() {
        return new EmbeddingBagOptions();
    }

    public EmbeddingBagOptions maxNorm(Double maxNorm) {
        this.maxNorm = maxNorm;
        return this;
    }

    public EmbeddingBagOptions normType(double normType) {
        this.normType = normType;
        return this;
    }

    public EmbeddingBagOptions scaleGradByFreq(boolean scaleGradByFreq) {
        this.scaleGradByFreq = scaleGradByFreq;
        return this;
    }

    /** How a bag is reduced: {@code "sum"}, {@code "mean"} or {@code "max"}. */
    public EmbeddingBagOptions mode(String mode) {
        this.mode = mode;
        return this;
    }

    /** Accepted for PyTorch compatibility; nn4j always produces a dense weight gradient. */
    public EmbeddingBagOptions sparse(boolean sparse) {
        this.sparse = sparse;
        return this;
    }

    /** The offsets carry one more entry, the end of the last bag (CSR style). */
    public EmbeddingBagOptions includeLastOffset(boolean includeLastOffset) {
        this.includeLastOffset = includeLastOffset;
        return this;
    }

    /** Entries equal to this index are left out of their bag; null for none. */
    public EmbeddingBagOptions paddingIdx(Integer paddingIdx) {
        this.paddingIdx = paddingIdx;
        return this;
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
