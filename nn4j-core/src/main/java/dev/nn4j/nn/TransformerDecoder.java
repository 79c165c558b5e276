package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * A stack of {@code numLayers} copies of a decoder layer, optionally followed by a layer norm, as
 * {@code torch.nn.TransformerDecoder(decoder_layer, num_layers, norm=None)}. The copies start with identical
 * parameters (PyTorch deep-copies the layer).
 *
 * <pre>{@code
 * var dec = new TransformerDecoder(new TransformerDecoderLayer(512, 8), 6);
 * Tensor out = dec.forward(Tensor.randn(20, 32, 512), memory);
 * }</pre>
 */
public class TransformerDecoder extends Module {
    public final ModuleList layers;
    public final int numLayers;
    /** The final layer norm, or null. */
    public final Module norm;

    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers) {
        this(decoderLayer, numLayers, null);
    }

    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers, Module norm) {
        if (numLayers < 1) throw new IllegalArgumentException("TransformerDecoder: num_layers must be at least 1, got " + numLayers);
        layers = registerModule("layers", new ModuleList());
        for (int i = 0; i < numLayers; i++) layers.append(decoderLayer.copy());
        this.numLayers = numLayers;
        this.norm = norm == null ? null : registerModule("norm", norm);
    }

    public Tensor forward(Tensor tgt, Tensor memory) {
        return forward(tgt, memory, null, null, null, null);
    }

    /** All masks may be null. */
    public Tensor forward(Tensor tgt, Tensor memory, Tensor tgtMask, Tensor memoryMask, Tensor tgtKeyPaddingMask, Tensor memoryKeyPaddingMask) {
        Tensor out = tgt;
        for (Module layer : layers) out = (Tensor) layer.call(out, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
        return norm == null ? out : norm.call(out);
    }

    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length >= 2 && a.length <= 6) {
            return forward((Tensor) a[0], (Tensor) a[1], a.length > 2 ? (Tensor) a[2] : null, a.length > 3 ? (Tensor) a[3] : null,
                    a.length > 4 ? (Tensor) a[4] : null, a.length > 5 ? (Tensor) a[5] : null);
        }
        throw new IllegalArgumentException("TransformerDecoder.forward: expected (tgt, memory, masks...), got " + describe(a));
    }
}
