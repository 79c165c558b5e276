package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * One Elman RNN step, h' = tanh(W_ih x + b_ih + W_hh h + b_hh) (or relu), as {@code torch.nn.RNNCell(input_size,
 * hidden_size, bias=True, nonlinearity='tanh')}; see {@link RNNCellBase}.
 *
 * <pre>{@code
 * var cell = new RNNCell(10, 20);
 * Tensor h = null;
 * for (Tensor x : Tensor.randn(6, 3, 10).unbind(0)) h = cell.forward(x, h);   // (3, 20)
 * }</pre>
 */
public class RNNCell extends RNNCellBase {
    public final String nonlinearity;

    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, "tanh");
    }

    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        super(inputSize, hiddenSize, bias, 1);
        if (!"tanh".equals(nonlinearity) && !"relu".equals(nonlinearity)) {
            throw new IllegalArgumentException("RNNCell: Unknown nonlinearity: " + nonlinearity);
        }
        this.nonlinearity = nonlinearity;
    }

    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null);
    }

    /** The next hidden state; {@code hx} null means zeros. */
    public Tensor forward(Tensor input, Tensor hx) {
        boolean batched = checkInput(input);
        Tensor x = batched ? input : input.unsqueeze(0);
        Tensor h = Recurrent.rnnCell(x, state(hx, x, batched, "hx"), weights, nonlinearity.equals("relu"));
        return batched ? h : h.squeeze(0);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 1 || args.length == 2) return forward((Tensor) args[0], args.length == 2 ? (Tensor) args[1] : null);
        throw new IllegalArgumentException("RNNCell.forward: expected (input, hx), got " + describe(args));
    }
}
