package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * A stack of {@code numLayers} copies of an encoder layer, optionally followed by a layer norm, as
 * {@code torch.nn.TransformerEncoder(encoder_layer, num_layers, norm=None)}. The copies start with identical
 * parameters (PyTorch deep-copies the layer); re-initialize them if that is not wanted.
 *
 * <pre>{@code
 * var enc = new TransformerEncoder(new TransformerEncoderLayer(512, 8), 6);
 * Tensor out = enc.forward(Tensor.randn(10, 32, 512));
 * }</pre>
 */
public class TransformerEncoder extends Module {
    public final ModuleList layers;
    public final int numLayers;
    /** The final layer norm, or null. */
    public final Module norm;

    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) {
        this(encoderLayer, numLayers, null);
    }

    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, Module norm) {
        if (numLayers < 1) throw new IllegalArgumentException("TransformerEncoder: num_layers must be at least 1, got " + numLayers);
        layers = registerModule("layers", new ModuleList());
        for (int i = 0; i < numLayers; i++) layers.append(encoderLayer.copy());
        this.numLayers = numLayers;
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** {@code mask} (S, S) and {@code srcKeyPaddingMask} (N, S) may be null. */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor out = src;
        for (Module layer : layers) out = (Tensor) layer.call(out, mask, srcKeyPaddingMask);
        return norm == null ? out : norm.call(out);
    }

    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length >= 1 && a.length <= 3) return forward((Tensor) a[0], a.length > 1 ? (Tensor) a[1] : null, a.length > 2 ? (Tensor) a[2] : null);
        throw new IllegalArgumentException("TransformerEncoder.forward: expected (src, mask, src_key_padding_mask), got " + describe(a));
    }
}
