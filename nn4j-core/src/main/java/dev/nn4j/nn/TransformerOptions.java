package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.function.UnaryOperator;

/**
 * The optional constructor arguments of {@link TransformerEncoderLayer}, {@link TransformerDecoderLayer} and
 * {@link Transformer}, with PyTorch's defaults: {@code dim_feedforward=2048, dropout=0.1, activation=relu,
 * layer_norm_eps=1e-5, batch_first=False, norm_first=False, bias=True}. Immutable: each setter returns a new
 * object.
 *
 * <pre>{@code
 * var layer = new TransformerEncoderLayer(512, 8, TransformerOptions.opts().dimFeedforward(1024).activation("gelu"));
 * }</pre>
 */
public final class TransformerOptions {
    final int dimFeedforward;
    final double dropout;
    final String activationName;
    final Module activationModule;
    final UnaryOperator<Tensor> activationFunction;
    final double layerNormEps;
    final boolean batchFirst;
    final boolean normFirst;
    final boolean bias;

    private TransformerOptions(int dimFeedforward, double dropout, String activationName, Module activationModule,
                               UnaryOperator<Tensor> activationFunction, double layerNormEps, boolean batchFirst, boolean normFirst, boolean bias) {
        this.dimFeedforward = dimFeedforward;
        this.dropout = dropout;
        this.activationName = activationName;
        this.activationModule = activationModule;
        this.activationFunction = activationFunction;
        this.layerNormEps = layerNormEps;
        this.batchFirst = batchFirst;
        this.normFirst = normFirst;
        this.bias = bias;
    }

    public static TransformerOptions opts() {
        return new TransformerOptions(2048, 0.1, "relu", null, null, 1e-5, false, false, true);
    }

    /** Width of the feed-forward block. */
    public TransformerOptions dimFeedforward(int v) {
        return new TransformerOptions(v, dropout, activationName, activationModule, activationFunction, layerNormEps, batchFirst, normFirst, bias);
    }

    public TransformerOptions dropout(double v) {
        return new TransformerOptions(dimFeedforward, v, activationName, activationModule, activationFunction, layerNormEps, batchFirst, normFirst, bias);
    }

    /** {@code "relu"} or {@code "gelu"} (the functional op). */
    public TransformerOptions activation(String name) {
        if (!"relu".equals(name) && !"gelu".equals(name)) {
            throw new IllegalArgumentException("Transformer: activation should be relu/gelu, not " + name);
        }
        return new TransformerOptions(dimFeedforward, dropout, name, null, null, layerNormEps, batchFirst, normFirst, bias);
    }

    /** A module (registered as the layer's child {@code activation}, as PyTorch does). */
    public TransformerOptions activation(Module module) {
        return new TransformerOptions(dimFeedforward, dropout, null, module, null, layerNormEps, batchFirst, normFirst, bias);
    }

    /** Any function of a tensor (not registered). */
    public TransformerOptions activation(UnaryOperator<Tensor> function) {
        return new TransformerOptions(dimFeedforward, dropout, null, null, function, layerNormEps, batchFirst, normFirst, bias);
    }

    public TransformerOptions layerNormEps(double v) {
        return new TransformerOptions(dimFeedforward, dropout, activationName, activationModule, activationFunction, v, batchFirst, normFirst, bias);
    }

    /** Inputs and outputs as (N, L, E) instead of (L, N, E). */
    public TransformerOptions batchFirst(boolean v) {
        return new TransformerOptions(dimFeedforward, dropout, activationName, activationModule, activationFunction, layerNormEps, v, normFirst, bias);
    }

    /** Layer norm before attention and feed-forward (pre-norm) instead of after (post-norm). */
    public TransformerOptions normFirst(boolean v) {
        return new TransformerOptions(dimFeedforward, dropout, activationName, activationModule, activationFunction, layerNormEps, batchFirst, v, bias);
    }

    /** Whether the linear and layer-norm layers have biases. */
    public TransformerOptions bias(boolean v) {
        return new TransformerOptions(dimFeedforward, dropout, activationName, activationModule, activationFunction, layerNormEps, batchFirst, normFirst, v);
    }

    /** Applies the configured activation. */
    Tensor activate(Tensor x) {
        if (activationModule != null) return activationModule.call(x);
        if (activationFunction != null) return activationFunction.apply(x);
        return "gelu".equals(activationName) ? F.gelu(x) : F.relu(x);
    }
}
