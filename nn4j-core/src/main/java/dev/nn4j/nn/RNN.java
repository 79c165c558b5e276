package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.utils.PackedSequence;

/**
 * An Elman RNN, h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh) (or relu), as {@code torch.nn.RNN(input_size,
 * hidden_size, num_layers=1, nonlinearity='tanh', bias=True, batch_first=False, dropout=0.0,
 * bidirectional=False)}; see {@link RNNBase} for parameters and shapes.
 *
 * <pre>{@code
 * var rnn = new RNN(10, 20, RNNBase.opts().numLayers(2));
 * RNNBase.Output r = rnn.forward(Tensor.randn(5, 3, 10), Tensor.randn(2, 3, 20));
 * r.output();   // (5, 3, 20);  r.hN(): (2, 3, 20)
 * }</pre>
 */
public class RNN extends RNNBase {
    public final String nonlinearity;

    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, opts());
    }

    public RNN(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, opts().numLayers(numLayers));
    }

    public RNN(int inputSize, int hiddenSize, Options o) {
        super(mode(o.nonlinearity), "RNN", inputSize, hiddenSize, o.numLayers, o.bias, o.batchFirst, o.dropout, o.bidirectional, o.projSize);
        this.nonlinearity = o.nonlinearity;
    }

    private static Recurrent.Mode mode(String nonlinearity) {
        return switch (nonlinearity) {
            case "tanh" -> Recurrent.Mode.RNN_TANH;
            case "relu" -> Recurrent.Mode.RNN_RELU;
            default -> throw new IllegalArgumentException("RNN: Unknown nonlinearity '" + nonlinearity + "'. Select from 'tanh' or 'relu'.");
        };
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
        throw new IllegalArgumentException("RNN.forward: expected (input, hx), got " + describe(args));
    }
}
