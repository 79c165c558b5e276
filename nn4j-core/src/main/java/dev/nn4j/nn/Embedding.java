package dev.nn4j.nn;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}, as
 * {@code torch.nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0,
 * scale_grad_by_freq=False, sparse=False)}. The row {@code paddingIdx} gets no gradient; {@code maxNorm}
 * renormalizes looked-up rows in place.
 *
 * <p>Shapes: input int64 (*), output (*, embedding_dim). Parameter {@code weight} (num_embeddings,
 * embedding_dim) from N(0, 1) with the padding row zeroed.
 *
 * <pre>{@code
 * var emb = new Embedding(10, 3, 0);
 * Tensor v = emb.forward(Tensor.of(1L, 2L, 0L).view(1, 3));   // (1, 3, 3), last row zeros
 * }</pre>
 */
public class Embedding extends Module {
    public final int numEmbeddings;
    public final int embeddingDim;
    /** The padding row (normalized to be non-negative), or null. */
    public final Integer paddingIdx;
    public final Number maxNorm;
    public final Number normType;
    public final boolean scaleGradByFreq;
    public final boolean sparse;
    public final Tensor weight;

    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, null, 2.0, false, false, null);
    }

    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, null, 2.0, false, false, null);
    }

    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Number maxNorm, Number normType,
                     boolean scaleGradByFreq, boolean sparse) {
        this(numEmbeddings, embeddingDim, paddingIdx, maxNorm, normType, scaleGradByFreq, sparse, null);
    }

    /** With {@code weight} given (PyTorch's {@code _weight}) the table is that tensor and is not re-initialized. */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Number maxNorm, Number normType,
                     boolean scaleGradByFreq, boolean sparse, Tensor weight) {
        if (numEmbeddings < 0 || embeddingDim < 0) {
            throw new IllegalArgumentException(getName() + ": num_embeddings and embedding_dim must be non-negative, got "
                    + numEmbeddings + " and " + embeddingDim);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = normalizePaddingIdx(getName(), paddingIdx, numEmbeddings);
        this.maxNorm = maxNorm;
        this.normType = normType == null ? 2.0 : normType;
        this.scaleGradByFreq = scaleGradByFreq;
        this.sparse = sparse;
        if (weight == null) {
            this.weight = registerParameter("weight", Parameter.of(Tensor.empty(numEmbeddings, embeddingDim)));
            resetParameters();
        } else {
            int[] s = weight.shape();
            if (s.length != 2 || s[0] != numEmbeddings || s[1] != embeddingDim) {
                throw new IllegalArgumentException(getName() + ": shape of weight " + java.util.Arrays.toString(s)
                        + " does not match num_embeddings and embedding_dim (" + numEmbeddings + ", " + embeddingDim + ")");
            }
            this.weight = registerParameter("weight", Parameter.of(weight));
        }
    }

    static Integer normalizePaddingIdx(String op, Integer paddingIdx, int numEmbeddings) {
        if (paddingIdx == null) return null;
        if (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings) {
            throw new IllegalArgumentException(op + ": padding_idx (" + paddingIdx + ") must be within num_embeddings (" + numEmbeddings + ")");
        }
        return paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
    }

    /**
     * An embedding whose table is {@code embeddings} (2-D, copied by reference), trainable unless
     * {@code freeze} ({@code Embedding.from_pretrained}).
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze, Integer paddingIdx, Number maxNorm, Number normType,
                                           boolean scaleGradByFreq, boolean sparse) {
        if (embeddings.dim() != 2) throw new IllegalArgumentException("Embedding.fromPretrained: embeddings parameter is expected to be 2-dimensional, got "
                + embeddings.dim() + "D");
        Embedding e = new Embedding(embeddings.size(0), embeddings.size(1), paddingIdx, maxNorm, normType, scaleGradByFreq, sparse, embeddings);
        e.weight.requiresGrad_(!freeze);
        return e;
    }

    public static Embedding fromPretrained(Tensor embeddings) {
        return fromPretrained(embeddings, true, null, null, 2.0, false, false);
    }

    public static Embedding fromPretrained(Tensor embeddings, boolean freeze) {
        return fromPretrained(embeddings, freeze, null, null, 2.0, false, false);
    }

    /** Re-draws the table from N(0, 1) and zeroes the padding row. */
    public void resetParameters() {
        Init.normal_(weight);
        if (paddingIdx != null) {
            try (var g = Autograd.noGrad()) {
                weight.select(0, paddingIdx).fill_(0);
            }
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.embedding(input, weight, paddingIdx, maxNorm == null ? null : maxNorm.doubleValue(), normType.doubleValue(),
                scaleGradByFreq, sparse);
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(numEmbeddings).append(", ").append(embeddingDim);
        if (paddingIdx != null) s.append(", padding_idx=").append(paddingIdx);
        if (maxNorm != null) s.append(", max_norm=").append(Repr.py(maxNorm));
        if (normType.doubleValue() != 2) s.append(", norm_type=").append(Repr.py(normType));
        if (scaleGradByFreq) s.append(", scale_grad_by_freq=True");
        if (sparse) s.append(", sparse=True");
        return s.toString();
    }
}
