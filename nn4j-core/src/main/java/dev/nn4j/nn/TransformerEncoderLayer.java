package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * A transformer encoder layer: self-attention then a feed-forward block, each with dropout, a residual
 * connection and layer norm (after, or before with {@code normFirst}), as
 * {@code torch.nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation=relu,
 * layer_norm_eps=1e-5, batch_first=False, norm_first=False)}.
 *
 * <p>Shapes: src (S, N, E), (N, S, E) with batchFirst, or (S, E); output the same. {@code srcMask} (S, S) or
 * (N·nhead, S, S); {@code srcKeyPaddingMask} (N, S).
 *
 * <p>Children (state dict order): {@code self_attn}, {@code linear1}, {@code dropout}, {@code linear2},
 * {@code norm1}, {@code norm2}, {@code dropout1}, {@code dropout2} (and {@code activation} when it is a module).
 *
 * <pre>{@code
 * var layer = new TransformerEncoderLayer(512, 8);
 * Tensor out = layer.forward(Tensor.randn(10, 32, 512));
 * }</pre>
 */
public class TransformerEncoderLayer extends Module {
    public final int dModel;
    public final int nhead;
    public final boolean normFirst;
    public final MultiheadAttention selfAttn;
    public final Linear linear1;
    public final Dropout dropout;
    public final Linear linear2;
    public final LayerNorm norm1;
    public final LayerNorm norm2;
    public final Dropout dropout1;
    public final Dropout dropout2;
    final TransformerOptions options;

    public TransformerEncoderLayer(int dModel, int nhead) {
        this(dModel, nhead, TransformerOptions.opts());
    }

    public TransformerEncoderLayer(int dModel, int nhead, TransformerOptions o) {
        this.dModel = dModel;
        this.nhead = nhead;
        this.normFirst = o.normFirst;
        this.options = o;
        selfAttn = registerModule("self_attn", new MultiheadAttention(dModel, nhead,
                MultiheadAttention.opts().dropout(o.dropout).batchFirst(o.batchFirst).bias(o.bias)));
        linear1 = registerModule("linear1", new Linear(dModel, o.dimFeedforward, o.bias));
        dropout = registerModule("dropout", new Dropout(o.dropout));
        linear2 = registerModule("linear2", new Linear(o.dimFeedforward, dModel, o.bias));
        norm1 = registerModule("norm1", new LayerNorm(new int[] {dModel}, o.layerNormEps, true, o.bias));
        norm2 = registerModule("norm2", new LayerNorm(new int[] {dModel}, o.layerNormEps, true, o.bias));
        dropout1 = registerModule("dropout1", new Dropout(o.dropout));
        dropout2 = registerModule("dropout2", new Dropout(o.dropout));
        if (o.activationModule != null) registerModule("activation", o.activationModule);
    }

    /** A new layer with the same settings and a copy of this one's parameters (PyTorch's {@code copy.deepcopy}). */
    TransformerEncoderLayer copy() {
        TransformerEncoderLayer c = new TransformerEncoderLayer(dModel, nhead, options);
        c.loadStateDict(stateDict());
        c.train(training);
        return c;
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** {@code srcMask} and {@code srcKeyPaddingMask} may be null. */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        if (normFirst) {
            x = x.add(saBlock(norm1.call(x), srcMask, srcKeyPaddingMask));
            x = x.add(ffBlock(norm2.call(x)));
        } else {
            x = norm1.call(x.add(saBlock(x, srcMask, srcKeyPaddingMask)));
            x = norm2.call(x.add(ffBlock(x)));
        }
        return x;
    }

    private Tensor saBlock(Tensor x, Tensor attnMask, Tensor keyPaddingMask) {
        return dropout1.call(((MultiheadAttention.Output) selfAttn.call(x, x, x, keyPaddingMask, false, attnMask, true)).attnOutput());
    }

    private Tensor ffBlock(Tensor x) {
        return dropout2.call(linear2.call(dropout.call(options.activate(linear1.call(x)))));
    }

    /** {@code (src[, src_mask, src_key_padding_mask])}. */
    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length >= 1 && a.length <= 3) return forward((Tensor) a[0], a.length > 1 ? (Tensor) a[1] : null, a.length > 2 ? (Tensor) a[2] : null);
        throw new IllegalArgumentException("TransformerEncoderLayer.forward: expected (src, src_mask, src_key_padding_mask), got " + describe(a));
    }
}
