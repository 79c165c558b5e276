package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.utils.PackedSequence;

/**
 * A gated recurrent unit network, as {@code torch.nn.GRU(input_size, hidden_size, num_layers=1, bias=True,
 * batch_first=False, dropout=0.0, bidirectional=False)}:
 * r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 - z) ⊙ n + z ⊙ h (gate order r, z, n in the weights);
 * see {@link RNNBase} for parameters and shapes.
 *
 * <pre>{@code
 * var gru = new GRU(10, 20, 2);
 * RNNBase.Output r = gru.forward(Tensor.randn(5, 3, 10), null);   // output (5, 3, 20), h_n (2, 3, 20)
 * }</pre>
 */
public class GRU extends RNNBase {
    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, opts());
    }

    public GRU(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, opts().numLayers(numLayers));
    }

    public GRU(int inputSize, int hiddenSize, Options o) {
        super(Recurrent.Mode.GRU, "GRU", inputSize, hiddenSize, o.numLayers, o.bias, o.batchFirst, o.dropout, o.bidirectional, o.projSize);
    }

    /** The output sequence and h_n; {@code hx} (layers·dirs, N, H) may be null (zeros). */
    public Output forward(Tensor input, Tensor hx) {
        return run(input, hx, null);
    }

    /** A packed batch: the output is packed too ({@link Output#packedOutput()}). */
    public Output forward(PackedSequence input, Tensor hx) {
        return run(input, hx, null);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Tensor hx = args.length > 1 ? (Tensor) args[1] : null;
        if (args.length <= 2 && args[0] instanceof PackedSequence p) return forward(p, hx);
        if (args.length <= 2 && args[0] instanceof Tensor x) return forward(x, hx);
        throw new IllegalArgumentException("GRU.forward: expected (input, hx), got " + describe(args));
    }
}
