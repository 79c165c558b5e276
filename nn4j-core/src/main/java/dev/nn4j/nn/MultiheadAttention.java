package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Mha;
import dev.nn4j.nn.init.Init;
import java.util.List;

/**
 * Multi-head attention, Attention(Q, K, V) = softmax(Q Kᵀ / √d) V per head, as
 * {@code torch.nn.MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False,
 * add_zero_attn=False, kdim=None, vdim=None, batch_first=False)}; the forward is
 * {@code F.multiHeadAttentionForward}.
 *
 * <p>Shapes: query (L, N, E) (or (N, L, E) with batchFirst, or (L, E) unbatched), key (S, N, kdim), value
 * (S, N, vdim); output (L, N, E) and attention weights (N, L, S) (averaged over heads, or (N, heads, L, S)).
 * {@code keyPaddingMask} (N, S): true (or -inf) keys are ignored; {@code attnMask} (L, S) or (N·heads, L, S),
 * boolean (true = masked out) or additive float.
 *
 * <p>Parameters: {@code in_proj_weight} (3E, E) from Xavier-uniform when kdim = vdim = E, else
 * {@code q_proj_weight} (E, E), {@code k_proj_weight} (E, kdim), {@code v_proj_weight} (E, vdim);
 * {@code in_proj_bias} (3E) = 0; {@code bias_k}, {@code bias_v} (1, 1, E) from Xavier-normal when
 * add_bias_kv; child {@code out_proj} (Linear default init, bias 0).
 *
 * <pre>{@code
 * var mha = new MultiheadAttention(8, 2, MultiheadAttention.opts().batchFirst(true));
 * MultiheadAttention.Output r = mha.forward(x, x, x);   // r.attnOutput(): (N, L, 8); r.attnWeights(): (N, L, L)
 * }</pre>
 */
public class MultiheadAttention extends Module {
    public final int embedDim;
    public final int kdim;
    public final int vdim;
    public final int numHeads;
    public final double dropout;
    public final boolean batchFirst;
    public final int headDim;
    public final boolean addZeroAttn;
    public final Tensor inProjWeight;
    public final Tensor qProjWeight;
    public final Tensor kProjWeight;
    public final Tensor vProjWeight;
    public final Tensor inProjBias;
    public final Tensor biasK;
    public final Tensor biasV;
    public final NonDynamicallyQuantizableLinear outProj;
    private final boolean sameEmbedDim;

    /** PyTorch's {@code (attn_output, attn_output_weights)}; the weights are null when not requested. */
    public record Output(Tensor attnOutput, Tensor attnWeights) implements TensorTuple {
        @Override
        public List<Tensor> tensors() {
            return TensorTuple.of(attnOutput, attnWeights);
        }
    }

    /** The optional constructor arguments with PyTorch's defaults; immutable. */
    public static final class Options {
        final double dropout;
        final boolean bias, addBiasKv, addZeroAttn, batchFirst;
        final Integer kdim, vdim;

        private Options(double dropout, boolean bias, boolean addBiasKv, boolean addZeroAttn, Integer kdim, Integer vdim, boolean batchFirst) {
            this.dropout = dropout;
            this.bias = bias;
            this.addBiasKv = addBiasKv;
            this.addZeroAttn = addZeroAttn;
            this.kdim = kdim;
            this.vdim = vdim;
            this.batchFirst = batchFirst;
        }

        /** Dropout on the attention weights (training only). */
        public Options dropout(double v) { return new Options(v, bias, addBiasKv, addZeroAttn, kdim, vdim, batchFirst); }
        public Options bias(boolean v) { return new Options(dropout, v, addBiasKv, addZeroAttn, kdim, vdim, batchFirst); }
        /** Learned bias vectors appended to the keys and values. */
        public Options addBiasKv(boolean v) { return new Options(dropout, bias, v, addZeroAttn, kdim, vdim, batchFirst); }
        /** A batch of zeros appended to the keys and values. */
        public Options addZeroAttn(boolean v) { return new Options(dropout, bias, addBiasKv, v, kdim, vdim, batchFirst); }
        /** Feature size of the keys (null: embed_dim). */
        public Options kdim(Integer v) { return new Options(dropout, bias, addBiasKv, addZeroAttn, v, vdim, batchFirst); }
        /** Feature size of the values (null: embed_dim). */
        public Options vdim(Integer v) { return new Options(dropout, bias, addBiasKv, addZeroAttn, kdim, v, batchFirst); }
        /** Inputs and output as (N, L, E) instead of (L, N, E). */
        public Options batchFirst(boolean v) { return new Options(dropout, bias, addBiasKv, addZeroAttn, kdim, vdim, v); }
    }

    /** PyTorch's defaults: dropout 0, bias, no bias_kv, no zero attention, kdim = vdim = embed_dim, sequence first. */
    public static Options opts() {
        return new Options(0.0, true, false, false, null, null, false);
    }

    public MultiheadAttention(int embedDim, int numHeads) {
        this(embedDim, numHeads, opts());
    }

    public MultiheadAttention(int embedDim, int numHeads, Options o) {
        if (embedDim <= 0 || numHeads <= 0) {
            throw new IllegalArgumentException("MultiheadAttention: embed_dim and num_heads must be greater than 0, got embed_dim=" + embedDim
                    + " and num_heads=" + numHeads + " instead");
        }
        if (!(o.dropout >= 0 && o.dropout <= 1)) {
            throw new IllegalArgumentException("MultiheadAttention: dropout probability has to be between 0 and 1, but got " + o.dropout);
        }
        if (embedDim % numHeads != 0) throw new IllegalArgumentException("MultiheadAttention: embed_dim must be divisible by num_heads, got " + embedDim + " and " + numHeads);
        this.embedDim = embedDim;
        this.kdim = o.kdim != null ? o.kdim : embedDim;
        this.vdim = o.vdim != null ? o.vdim : embedDim;
        this.sameEmbedDim = kdim == embedDim && vdim == embedDim;
        this.numHeads = numHeads;
        this.dropout = o.dropout;
        this.batchFirst = o.batchFirst;
        this.headDim = embedDim / numHeads;
        this.addZeroAttn = o.addZeroAttn;
        if (!sameEmbedDim) {
            qProjWeight = registerParameter("q_proj_weight", Parameter.of(Tensor.empty(embedDim, embedDim)));
            kProjWeight = registerParameter("k_proj_weight", Parameter.of(Tensor.empty(embedDim, kdim)));
            vProjWeight = registerParameter("v_proj_weight", Parameter.of(Tensor.empty(embedDim, vdim)));
            inProjWeight = registerParameter("in_proj_weight", null);
        } else {
            inProjWeight = registerParameter("in_proj_weight", Parameter.of(Tensor.empty(3 * embedDim, embedDim)));
            qProjWeight = registerParameter("q_proj_weight", null);
            kProjWeight = registerParameter("k_proj_weight", null);
            vProjWeight = registerParameter("v_proj_weight", null);
        }
        inProjBias = registerParameter("in_proj_bias", o.bias ? Parameter.of(Tensor.empty(3 * embedDim)) : null);
        outProj = registerModule("out_proj", new NonDynamicallyQuantizableLinear(embedDim, embedDim, o.bias));
        if (o.addBiasKv) {
            biasK = registerParameter("bias_k", Parameter.of(Tensor.empty(1, 1, embedDim)));
            biasV = registerParameter("bias_v", Parameter.of(Tensor.empty(1, 1, embedDim)));
        } else {
            biasK = null;
            biasV = null;
        }
        resetParameters();
    }

    /** Xavier-uniform projections, zero in/out-projection biases, Xavier-normal bias_k/bias_v. */
    public void resetParameters() {
        if (sameEmbedDim) {
            Init.xavierUniform_(inProjWeight);
        } else {
            Init.xavierUniform_(qProjWeight);
            Init.xavierUniform_(kProjWeight);
            Init.xavierUniform_(vProjWeight);
        }
        if (inProjBias != null) {
            Init.constant_(inProjBias, 0);
            Init.constant_(outProj.bias, 0);
        }
        if (biasK != null) Init.xavierNormal_(biasK);
        if (biasV != null) Init.xavierNormal_(biasV);
    }

    /** Self-attention: {@code forward(x, x, x).attnOutput()}. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null, false, null, true).attnOutput();
    }

    /** Attention of {@code query} over {@code key}/{@code value}, returning the output and the head-averaged weights. */
    public Output forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, true, null, true);
    }

    /**
     * PyTorch's full forward: {@code keyPaddingMask} and {@code attnMask} may be null; without
     * {@code needWeights} the weights are null; with {@code averageAttnWeights} false they are per head.
     */
    public Output forward(Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, boolean needWeights, Tensor attnMask,
                          boolean averageAttnWeights) {
        boolean batched = query.dim() == 3;
        if (batchFirst && batched) {
            query = query.transpose(1, 0);
            key = key.transpose(1, 0);
            value = value.transpose(1, 0);
        }
        Mha o = Mha.opts().training(training).keyPaddingMask(keyPaddingMask).needWeights(needWeights).attnMask(attnMask)
                .averageAttnWeights(averageAttnWeights);
        if (!sameEmbedDim) o = o.useSeparateProjWeight(true).projWeights(qProjWeight, kProjWeight, vProjWeight);
        Mha.Output r = F.multiHeadAttentionForward(query, key, value, embedDim, numHeads, inProjWeight, inProjBias, biasK, biasV,
                addZeroAttn, dropout, outProj.weight, outProj.bias, o);
        Tensor out = batchFirst && batched ? r.output().transpose(1, 0) : r.output();
        return new Output(out, r.weights());
    }

    /** {@code (query, key, value[, key_padding_mask, need_weights, attn_mask, average_attn_weights])}. */
    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length == 3) return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2]);
        if (a.length >= 4 && a.length <= 7) {
            return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2], (Tensor) a[3], a.length > 4 ? (Boolean) a[4] : true,
                    a.length > 5 ? (Tensor) a[5] : null, a.length > 6 ? (Boolean) a[6] : true);
        }
        throw new IllegalArgumentException("MultiheadAttention.forward: expected (query, key, value, ...), got " + describe(a));
    }
}
