package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#embedding} and its primitive (named so it does not clash with the module {@code nn.Embedding}).
 *
 * <pre>{@code
 * var emb = EmbeddingOptions.opts().paddingIdx(0).maxNorm(1.0);
 * Tensor vectors = emb.apply(tokenIds, table);     // (*, D)
 * }</pre>
 */
public final class EmbeddingOptions {
    Integer paddingIdx;
    Double maxNorm;
    double normType = 2.0;
    boolean scaleGradByFreq;
    boolean sparse;

    private EmbeddingOptions() {}

    /** PyTorch's defaults: no padding index, no max norm, {@code norm_type=2}, unscaled, dense gradient. */
    public static EmbeddingOptions opts() {
        return new EmbeddingOptions();
    }

    /** Entries equal to this index get no gradient (negative counts from the end); null for none. */
    public EmbeddingOptions paddingIdx(Integer paddingIdx) {
        this.paddingIdx = paddingIdx;
        return this;
    }

    /** Rows looked up with a larger {@code normType}-norm are rescaled to this norm, in place in the weight; null for none. */
    public EmbeddingOptions maxNorm(Double maxNorm) {
        this.maxNorm = maxNorm;
        return this;
    }

    public EmbeddingOptions normType(double normType) {
        this.normType = normType;
        return this;
    }

    /** Divide each row's gradient by how often its index occurs in the input. */
    public EmbeddingOptions scaleGradByFreq(boolean scaleGradByFreq) {
        this.scaleGradByFreq = scaleGradByFreq;
        return this;
    }

    /** Accepted for PyTorch compatibility; nn4j always produces a dense weight gradient. */
    public EmbeddingOptions sparse(boolean sparse) {
        this.sparse = sparse;
        return this;
    }

    /** {@link F#embedding(Tensor, Tensor, EmbeddingOptions)} with these options. */
    public Tensor apply(Tensor input, Tensor weight) {
        return Sparse.embedding(input, weight, paddingIdx, maxNorm, normType, scaleGradByFreq, sparse);
    }
}
