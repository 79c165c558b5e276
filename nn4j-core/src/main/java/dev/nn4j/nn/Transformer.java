package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.init.Init;

/**
 * The encoder-decoder transformer of "Attention Is All You Need", as {@code torch.nn.Transformer(d_model=512,
 * nhead=8, num_encoder_layers=6, num_decoder_layers=6, dim_feedforward=2048, dropout=0.1, activation=relu,
 * custom_encoder=None, custom_decoder=None, layer_norm_eps=1e-5, batch_first=False, norm_first=False)}. Every
 * parameter with more than one dim is re-initialized from Xavier-uniform.
 *
 * <p>Shapes: src (S, N, E), tgt (T, N, E) (batch first: (N, S, E), (N, T, E)); output like tgt.
 *
 * <pre>{@code
 * var model = new Transformer(512, 8, 6, 6, TransformerOptions.opts());
 * Tensor out = model.forward(Tensor.randn(10, 32, 512), Tensor.randn(20, 32, 512),
 *         null, Transformer.generateSquareSubsequentMask(20), null, null, null, null);
 * }</pre>
 */
public class Transformer extends Module {
    public final Module encoder;
    public final Module decoder;
    public final int dModel;
    public final int nhead;
    public final boolean batchFirst;

    public Transformer() {
        this(512, 8, 6, 6, TransformerOptions.opts());
    }

    public Transformer(int dModel, int nhead, int numEncoderLayers, int numDecoderLayers, TransformerOptions o) {
        this(dModel, nhead, numEncoderLayers, numDecoderLayers, o, null, null);
    }

    /** With {@code customEncoder}/{@code customDecoder} non-null, those modules replace the standard stacks. */
    public Transformer(int dModel, int nhead, int numEncoderLayers, int numDecoderLayers, TransformerOptions o, Module customEncoder,
                       Module customDecoder) {
        this.dModel = dModel;
        this.nhead = nhead;
        this.batchFirst = o.batchFirst;
        encoder = registerModule("encoder", customEncoder != null ? customEncoder
                : new TransformerEncoder(new TransformerEncoderLayer(dModel, nhead, o), numEncoderLayers,
                        new LayerNorm(new int[] {dModel}, o.layerNormEps, true, o.bias)));
        decoder = registerModule("decoder", customDecoder != null ? customDecoder
                : new TransformerDecoder(new TransformerDecoderLayer(dModel, nhead, o), numDecoderLayers,
                        new LayerNorm(new int[] {dModel}, o.layerNormEps, true, o.bias)));
        resetParameters();
    }

    /** Xavier-uniform for every parameter with more than one dim. */
    public void resetParameters() {
        for (Tensor p : parameters()) if (p.dim() > 1) Init.xavierUniform_(p);
    }

    /** An additive causal mask (sz, sz): -inf above the diagonal, 0 elsewhere. */
    public static Tensor generateSquareSubsequentMask(int sz) {
        return Tensor.full(new int[] {sz, sz}, Double.NEGATIVE_INFINITY).triu(1);
    }

    public Tensor forward(Tensor src, Tensor tgt) {
        return forward(src, tgt, null, null, null, null, null, null);
    }

    /** All masks may be null. */
    public Tensor forward(Tensor src, Tensor tgt, Tensor srcMask, Tensor tgtMask, Tensor memoryMask, Tensor srcKeyPaddingMask,
                          Tensor tgtKeyPaddingMask, Tensor memoryKeyPaddingMask) {
        boolean batched = src.dim() == 3;
        if (batched && src.size(batchFirst ? 0 : 1) != tgt.size(batchFirst ? 0 : 1)) {
            throw new IllegalArgumentException("Transformer: the batch number of src and tgt must be equal, got src " + Repr.list(src.shape())
                    + " and tgt " + Repr.list(tgt.shape()));
        }
        if (src.size(-1) != dModel || tgt.size(-1) != dModel) {
            throw new IllegalArgumentException("Transformer: the feature number of src and tgt must be equal to d_model (" + dModel + "), got "
                    + src.size(-1) + " and " + tgt.size(-1));
        }
        Tensor memory = (Tensor) encoder.call(src, srcMask, srcKeyPaddingMask);
        return (Tensor) decoder.call(tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
    }

    /** {@code (src, tgt[, src_mask, tgt_mask, memory_mask, src_key_padding_mask, tgt_key_padding_mask, memory_key_padding_mask])}. */
    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length < 2 || a.length > 8) throw new IllegalArgumentException("Transformer.forward: expected (src, tgt, masks...), got " + describe(a));
        Tensor[] t = new Tensor[8];
        for (int i = 0; i < a.length; i++) t[i] = (Tensor) a[i];
        return forward(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    }
}
