package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * Options of {@link F#embedding} and its primitive (named so it does not clash with the module {@code nn.Embedding}).
 * Immutable; every setter returns a new object.
 *
 * <pre>{@code
 * var emb = EmbeddingOptions.opts().paddingIdx(0).maxNorm(1.0);
 * Tensor vectors = emb.apply(tokenIds, table);     // (*, D)
 * }</pre>
 */
public final class EmbeddingOptions implements Cloneable {
    Integer paddingIdx;
    Double maxNorm;
    double normType = 2.0;
    boolean scaleGradByFreq;
    boolean sparse;

    private EmbeddingOptions() {}

    private EmbeddingOptions copy() {
        try {
            return (EmbeddingOptions) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** PyTorch's defaults: no padding index, no max norm, {@code norm_type=2}, unscaled, dense gradient. */
    public static EmbeddingOptions opts() {
        return new EmbeddingOptions();
    }

    /** Entries equal to this index get no gradient (negative counts from the end); null for none. */
    public EmbeddingOptions paddingIdx(Integer paddingIdx) {
        var c = copy();
        c.paddingIdx = paddingIdx;
        return c;
    }

    /** Rows looked up with a larger {@code normType}-norm are rescaled to this norm, in place in the weight; null for none. */
    public EmbeddingOptions maxNorm(Double maxNorm) {
        var c = copy();
        c.maxNorm = maxNorm;
        return c;
    }

    public EmbeddingOptions normType(double normType) {
        var c = copy();
        c.normType = normType;
        return c;
    }

    /** Divide each row's gradient by how often its index occurs in the input. */
    public EmbeddingOptions scaleGradByFreq(boolean scaleGradByFreq) {
        var c = copy();
        c.scaleGradByFreq = scaleGradByFreq;
        return c;
    }

    /** Accepted for PyTorch compatibility; nn4j always produces a dense weight gradient. */
    public EmbeddingOptions sparse(boolean sparse) {
        var c = copy();
        c.sparse = sparse;
        return c;
    }

    /** {@link F#embedding(Tensor, Tensor, EmbeddingOptions)} with these options. */
    public Tensor apply(Tensor input, Tensor weight) {
        return Sparse.embedding(input, weight, paddingIdx, maxNorm, normType, scaleGradByFreq, sparse);
    }
}
