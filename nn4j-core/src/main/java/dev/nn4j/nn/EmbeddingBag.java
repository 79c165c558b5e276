package dev.nn4j.nn;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * Sums, averages or maxes bags of embeddings without materializing the lookups, as
 * {@code torch.nn.EmbeddingBag(num_embeddings, embedding_dim, max_norm=None, norm_type=2.0,
 * scale_grad_by_freq=False, mode='mean', sparse=False, include_last_offset=False, padding_idx=None)}.
 *
 * <p>Shapes: input int64 (B, L) (fixed-size bags) or (total) with {@code offsets} (B) marking the start of
 * each bag; {@code perSampleWeights} (only with mode "sum") like input; output (B, embedding_dim).
 * Parameter {@code weight} (num_embeddings, embedding_dim) from N(0, 1), padding row zeroed.
 *
 * <pre>{@code
 * var bag = new EmbeddingBag(10, 3, "sum");
 * Tensor y = bag.forward(Tensor.of(1L, 2L, 4L, 5L, 4L, 3L, 2L, 9L), Tensor.of(0L, 4L));   // (2, 3)
 * }</pre>
 */
public class EmbeddingBag extends Module {
    public final int numEmbeddings;
    public final int embeddingDim;
    public final Number maxNorm;
    public final Number normType;
    public final boolean scaleGradByFreq;
    public final String mode;
    public final boolean sparse;
    public final boolean includeLastOffset;
    public final Integer paddingIdx;
    public final Tensor weight;

    public EmbeddingBag(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, 2.0, false, "mean", false, null, false, null);
    }

    public EmbeddingBag(int numEmbeddings, int embeddingDim, String mode) {
        this(numEmbeddings, embeddingDim, null, 2.0, false, mode, false, null, false, null);
    }

    /** PyTorch's full argument list; {@code weight} (PyTorch's {@code _weight}) may be null. */
    public EmbeddingBag(int numEmbeddings, int embeddingDim, Number maxNorm, Number normType, boolean scaleGradByFreq, String mode,
                        boolean sparse, Tensor weight, boolean includeLastOffset, Integer paddingIdx) {
        if (!"sum".equals(mode) && !"mean".equals(mode) && !"max".equals(mode)) {
            throw new IllegalArgumentException("EmbeddingBag: mode has to be one of sum, mean or max, got '" + mode + "'");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.maxNorm = maxNorm;
        this.normType = normType == null ? 2.0 : normType;
        this.scaleGradByFreq = scaleGradByFreq;
        this.mode = mode;
        this.sparse = sparse;
        this.includeLastOffset = includeLastOffset;
        this.paddingIdx = Embedding.normalizePaddingIdx(getName(), paddingIdx, numEmbeddings);
        if (weight == null) {
            this.weight = registerParameter("weight", Parameter.of(Tensor.empty(numEmbeddings, embeddingDim)));
            resetParameters();
        } else {
            int[] s = weight.shape();
            if (s.length != 2 || s[0] != numEmbeddings || s[1] != embeddingDim) {
                throw new IllegalArgumentException("EmbeddingBag: shape of weight " + java.util.Arrays.toString(s)
                        + " does not match num_embeddings and embedding_dim (" + numEmbeddings + ", " + embeddingDim + ")");
            }
            this.weight = registerParameter("weight", Parameter.of(weight));
        }
    }

    /** A bag module over {@code embeddings} (2-D), trainable unless {@code freeze} ({@code EmbeddingBag.from_pretrained}). */
    public static EmbeddingBag fromPretrained(Tensor embeddings, boolean freeze, String mode) {
        if (embeddings.dim() != 2) throw new IllegalArgumentException("EmbeddingBag.fromPretrained: embeddings parameter is expected to be 2-dimensional");
        EmbeddingBag e = new EmbeddingBag(embeddings.size(0), embeddings.size(1), null, 2.0, false, mode, false, embeddings, false, null);
        e.weight.requiresGrad_(!freeze);
        return e;
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
        return forward(input, null, null);
    }

    public Tensor forward(Tensor input, Tensor offsets) {
        return forward(input, offsets, null);
    }

    public Tensor forward(Tensor input, Tensor offsets, Tensor perSampleWeights) {
        return F.embeddingBag(input, weight, offsets, maxNorm == null ? null : maxNorm.doubleValue(), normType.doubleValue(),
                scaleGradByFreq, mode, sparse, perSampleWeights, includeLastOffset, paddingIdx);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length >= 1 && args.length <= 3) {
            return forward((Tensor) args[0], args.length > 1 ? (Tensor) args[1] : null, args.length > 2 ? (Tensor) args[2] : null);
        }
        throw new IllegalArgumentException("EmbeddingBag.forward: expected (input, offsets, per_sample_weights), got " + describe(args));
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(numEmbeddings).append(", ").append(embeddingDim);
        if (maxNorm != null) s.append(", max_norm=").append(Repr.py(maxNorm));
        if (normType.doubleValue() != 2) s.append(", norm_type=").append(Repr.py(normType));
        if (scaleGradByFreq) s.append(", scale_grad_by_freq=True");
        s.append(", mode=").append(mode);
        if (paddingIdx != null) s.append(", padding_idx=").append(paddingIdx);
        return s.toString();
    }
}
