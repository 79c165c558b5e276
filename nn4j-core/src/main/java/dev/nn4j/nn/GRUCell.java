package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * One GRU step (gates r, z, n as in {@link GRU}), as {@code torch.nn.GRUCell(input_size, hidden_size, bias=True)};
 * see {@link RNNCellBase}.
 *
 * <pre>{@code
 * var cell = new GRUCell(10, 20);
 * Tensor h = cell.forward(Tensor.randn(3, 10), null);   // (3, 20)
 * }</pre>
 */
public class GRUCell extends RNNCellBase {
    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    public GRUCell(int inputSize, int hiddenSize, boolean bias) {
        super(inputSize, hiddenSize, bias, 3);
    }

    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null);
    }

    /** The next hidden state; {@code hx} null means zeros. */
    public Tensor forward(Tensor input, Tensor hx) {
        boolean batched = checkInput(input);
        Tensor x = batched ? input : input.unsqueeze(0);
        Tensor h = Recurrent.gruCell(x, state(hx, x, batched, "hx"), weights);
        return batched ? h : h.squeeze(0);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 1 || args.length == 2) return forward((Tensor) args[0], args.length == 2 ? (Tensor) args[1] : null);
        throw new IllegalArgumentException("GRUCell.forward: expected (input, hx), got " + describe(args));
    }
}
