package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * A transformer decoder layer: self-attention, attention over the encoder output ({@code memory}), then a
 * feed-forward block, each with dropout, a residual connection and layer norm (after, or before with
 * {@code normFirst}), as {@code torch.nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward=2048,
 * dropout=0.1, activation=relu, layer_norm_eps=1e-5, batch_first=False, norm_first=False)}.
 *
 * <p>Shapes: tgt (T, N, E), memory (S, N, E) (batch first: (N, T, E), (N, S, E)); output like tgt.
 * {@code tgtMask} (T, T), {@code memoryMask} (T, S), key padding masks (N, T) and (N, S).
 *
 * <pre>{@code
 * var layer = new TransformerDecoderLayer(512, 8);
 * Tensor out = layer.forward(Tensor.randn(20, 32, 512), Tensor.randn(10, 32, 512));
 * }</pre>
 */
public class TransformerDecoderLayer extends Module {
    public final int dModel;
    public final int nhead;
    public final boolean normFirst;
    public final MultiheadAttention selfAttn;
    public final MultiheadAttention multiheadAttn;
    public final Linear linear1;
    public final Dropout dropout;
    public final Linear linear2;
    public final LayerNorm norm1;
    public final LayerNorm norm2;
    public final LayerNorm norm3;
    public final Dropout dropout1;
    public final Dropout dropout2;
    public final Dropout dropout3;
    final TransformerOptions options;

    public TransformerDecoderLayer(int dModel, int nhead) {
        this(dModel, nhead, TransformerOptions.opts());
    }

    public TransformerDecoderLayer(int dModel, int nhead, TransformerOptions o) {
        this.dModel = dModel;
        this.nhead = nhead;
        this.normFirst = o.normFirst;
        this.options = o;
        var attn = MultiheadAttention.opts().dropout(o.dropout).batchFirst(o.batchFirst).bias(o.bias);
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead, attn));
        multiheadAttn = registerModule("multihead_attn", new MultiheadAttention(dModel, nhead, attn));
        linear1 = registerModule("linear1", new Linear(dModel, o.dimFeedforward, o.bias));
        dropout = registerModule("dropout", new Dropout(o.dropout));
        linear2 = registerModule("linear2", new Linear(o.dimFeedforward, dModel, o.bias));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, o.layerNormEps, true, o.bias));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, o.layerNormEps, true, o.bias));
        norm3 = registerModule("norm3", new LayerNorm(new int[] {dModel}, o.layerNormEps, true, o.bias));
        dropout1 = registerModule("dropout1", new Dropout(o.dropout));
        dropout2 = registerModule("dropout2", new Dropout(o.dropout));
        dropout3 = registerModule("dropout3", new Dropout(o.dropout));
        if (o.activationModule != null) registerModule("activation", o.activationModule);
    }

    /** A new layer with the same settings and a copy of this one's parameters (PyTorch's {@code copy.deepcopy}). */
    TransformerDecoderLayer copy() {
        TransformerDecoderLayer c = new TransformerDecoderLayer(dModel, nhead, options);
        c.loadStateDict(stateDict());
        c.train(training);
        return c;
    }

    public Tensor forward(Tensor tgt, Tensor memory) {
        return forward(tgt, memory, null, null, null, null);
    }

    /** All masks may be null. */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask, Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        if (normFirst) {
            x = x.add(saBlock(norm1.call(x), tgtMask, tgtKeyPaddingMask));
            x = x.add(mhaBlock(norm2.call(x), memory, memoryMask, memoryKeyPaddingMask));
            x = x.add(ffBlock(norm3.call(x)));
        } else {
            x = norm1.call(x.add(saBlock(x, tgtMask, tgtKeyPaddingMask)));
            x = norm2.call(x.add(mhaBlock(x, memory, memoryMask, memoryKeyPaddingMask)));
            x = norm3.call(x.add(ffBlock(x)));
        }
        return x;
    }

    private Tensor saBlock(Tensor x, Tensor attnMask, Tensor keyPaddingMask) {
        return dropout1.call(((MultiheadAttention.Output) selfAttn.call(x, x, x, keyPaddingMask, false, attnMask, true)).attnOutput());
    }

    private Tensor mhaBlock(Tensor x, Tensor mem, Tensor attnMask, Tensor keyPaddingMask) {
        return dropout2.call(((MultiheadAttention.Output) multiheadAttn.call(x, mem, mem, keyPaddingMask, false, attnMask, true)).attnOutput());
    }

    private Tensor ffBlock(Tensor x) {
        return dropout3.call(linear2.call(dropout.call(options.activate(linear1.call(x)))));
    }

    /** {@code (tgt, memory[, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask])}. */
    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length >= 2 && a.length <= 6) {
            return forward((Tensor) a[0], (Tensor) a[1], a.length > 2 ? (Tensor) a[2] : null, a.length > 3 ? (Tensor) a[3] : null,
                    a.length > 4 ? (Tensor) a[4] : null, a.length > 5 ? (Tensor) a[5] : null);
        }
        throw new IllegalArgumentException("TransformerDecoderLayer.forward: expected (tgt, memory, masks...), got " + describe(a));
    }
}
