package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.utils.PackedSequence;
import java.util.List;

/**
 * A long short-term memory network, as {@code torch.nn.LSTM(input_size, hidden_size, num_layers=1, bias=True,
 * batch_first=False, dropout=0.0, bidirectional=False, proj_size=0)}: gates i, f, g, o (in that order in the
 * weights), c' = f ⊙ c + i ⊙ g, h' = o ⊙ tanh(c'), projected by {@code weight_hr} when proj_size > 0; see
 * {@link RNNBase} for parameters and shapes. The cell state is (layers·dirs, N, hidden_size).
 *
 * <pre>{@code
 * var lstm = new LSTM(10, 20, RNNBase.opts().numLayers(2).bidirectional(true));
 * RNNBase.Output r = lstm.forward(Tensor.randn(5, 3, 10), null, null);
 * r.output();   // (5, 3, 40); r.hN(), r.cN(): (4, 3, 20)
 * }</pre>
 */
public class LSTM extends RNNBase {
    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, opts());
    }

    public LSTM(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, opts().numLayers(numLayers));
    }

    public LSTM(int inputSize, int hiddenSize, Options o) {
        super(Recurrent.Mode.LSTM, "LSTM", inputSize, hiddenSize, o.numLayers, o.bias, o.batchFirst, o.dropout, o.bidirectional, o.projSize);
    }

    /** The output sequence, h_n and c_n; {@code h0} and {@code c0} may be null (zeros), but not just one of them. */
    public Output forward(Tensor input, Tensor h0, Tensor c0) {
        checkPair(h0, c0);
        return run(input, h0, c0);
    }

    /** A packed batch: the output is packed too ({@link Output#packedOutput()}). */
    public Output forward(PackedSequence input, Tensor h0, Tensor c0) {
        checkPair(h0, c0);
        return run(input, h0, c0);
    }

    private static void checkPair(Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) throw new IllegalArgumentException("LSTM: give both h_0 and c_0, or neither");
    }

    /** {@code (input)}, {@code (input, h0, c0)} or {@code (input, List.of(h0, c0))}, padded or packed. */
    @Override
    protected Object forwardArgs(Object[] args) {
        Tensor h0 = null, c0 = null;
        if (args.length == 2 && args[1] instanceof List<?> l && l.size() == 2) {
            h0 = (Tensor) l.get(0);
            c0 = (Tensor) l.get(1);
        } else if (args.length == 3) {
            h0 = (Tensor) args[1];
            c0 = (Tensor) args[2];
        } else if (args.length != 1 && !(args.length == 2 && args[1] == null)) {
            throw new IllegalArgumentException("LSTM.forward: expected (input, (h0, c0)), got " + describe(args));
        }
        if (args[0] instanceof PackedSequence p) return forward(p, h0, c0);
        return forward((Tensor) args[0], h0, c0);
    }
}
