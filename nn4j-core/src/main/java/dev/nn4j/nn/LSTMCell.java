package dev.nn4j.nn;

import dev.nn4j.Tensor;
import java.util.List;

/**
 * One LSTM step (gates i, f, g, o as in {@link LSTM}), as {@code torch.nn.LSTMCell(input_size, hidden_size,
 * bias=True)}; see {@link RNNCellBase}. Returns the next {@code (h, c)}.
 *
 * <pre>{@code
 * var cell = new LSTMCell(10, 20);
 * LSTMCell.State s = cell.forward(Tensor.randn(3, 10), null, null);
 * s = cell.forward(Tensor.randn(3, 10), s.h(), s.c());
 * }</pre>
 */
public class LSTMCell extends RNNCellBase {
    /** PyTorch's {@code (h_1, c_1)}. */
    public record State(Tensor h, Tensor c) implements TensorTuple {
        @Override
        public List<Tensor> tensors() {
            return TensorTuple.of(h, c);
        }
    }

    public LSTMCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public LSTMCell(int inputSize, int hiddenSize, boolean bias) {
        super(inputSize, hiddenSize, bias, 4);
    }

    /** The next hidden state only; use {@link #forward(Tensor, Tensor, Tensor)} for the cell state too. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null, null).h();
    }

    /** The next (h, c); both states null means zeros. */
    public State forward(Tensor input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) throw new IllegalArgumentException("LSTMCell: give both h_0 and c_0, or neither");
        boolean batched = checkInput(input);
        Tensor x = batched ? input : input.unsqueeze(0);
        Tensor[] hc = Recurrent.lstmCell(x, state(h0, x, batched, "hx[0]"), state(c0, x, batched, "hx[1]"), weights);
        return batched ? new State(hc[0], hc[1]) : new State(hc[0].squeeze(0), hc[1].squeeze(0));
    }

    /** {@code (input)}, {@code (input, h0, c0)} or {@code (input, List.of(h0, c0))}. */
    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 1) return forward((Tensor) args[0], null, null);
        if (args.length == 2 && args[1] instanceof List<?> l && l.size() == 2) return forward((Tensor) args[0], (Tensor) l.get(0), (Tensor) l.get(1));
        if (args.length == 3) return forward((Tensor) args[0], (Tensor) args[1], (Tensor) args[2]);
        throw new IllegalArgumentException("LSTMCell.forward: expected (input, (h0, c0)), got " + describe(args));
    }
}
