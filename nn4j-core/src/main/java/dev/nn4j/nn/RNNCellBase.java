package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.init.Init;

/**
 * What {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} share (PyTorch's {@code RNNCellBase}): one time
 * step of the recurrence. Parameters {@code weight_ih} (G·H, input_size), {@code weight_hh} (G·H, H) and, when
 * {@code bias}, {@code bias_ih}, {@code bias_hh} (G·H), all from U(±1/√hidden_size).
 *
 * <p>Shapes: input (N, input_size) or (input_size); state (N, H) or (H), zeros when null.
 */
public abstract class RNNCellBase extends Module {
    public final int inputSize;
    public final int hiddenSize;
    public final boolean bias;
    public final Tensor weightIh;
    public final Tensor weightHh;
    public final Tensor biasIh;
    public final Tensor biasHh;
    final Recurrent.Weights weights;

    RNNCellBase(int inputSize, int hiddenSize, boolean bias, int numChunks) {
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.bias = bias;
        this.weightIh = registerParameter("weight_ih", Parameter.of(Tensor.empty(numChunks * hiddenSize, inputSize)));
        this.weightHh = registerParameter("weight_hh", Parameter.of(Tensor.empty(numChunks * hiddenSize, hiddenSize)));
        this.biasIh = registerParameter("bias_ih", bias ? Parameter.of(Tensor.empty(numChunks * hiddenSize)) : null);
        this.biasHh = registerParameter("bias_hh", bias ? Parameter.of(Tensor.empty(numChunks * hiddenSize)) : null);
        this.weights = new Recurrent.Weights(weightIh, weightHh, biasIh, biasHh, null);
        resetParameters();
    }

    /** Re-draws every parameter from U(-1/√hidden_size, 1/√hidden_size). */
    public void resetParameters() {
        double stdv = hiddenSize > 0 ? 1 / Math.sqrt(hiddenSize) : 0;
        for (Tensor p : parameters()) Init.uniform_(p, -stdv, stdv);
    }

    /** Checks the input rank and size; returns whether it is batched. */
    boolean checkInput(Tensor input) {
        if (input.dim() != 1 && input.dim() != 2) {
            throw new IllegalArgumentException(getName() + ": Expected input to be 1-D or 2-D but received " + input.dim() + "-D tensor");
        }
        if (input.size(-1) != inputSize) {
            throw new IllegalArgumentException(getName() + ": input has inconsistent input_size: got " + input.size(-1) + " expected " + inputSize);
        }
        return input.dim() == 2;
    }

    /** The state for a (batched) input: zeros when null, unsqueezed for an unbatched input, shape-checked. */
    Tensor state(Tensor s, Tensor input, boolean batched, String name) {
        if (s == null) return Tensor.zeros(input.dtype(), input.size(0), hiddenSize);
        if (s.dim() != (batched ? 2 : 1)) {
            throw new IllegalArgumentException(getName() + ": Expected " + name + " to be " + (batched ? 2 : 1) + "-D, got " + s.dim() + "-D tensor");
        }
        Tensor b = batched ? s : s.unsqueeze(0);
        if (b.size(0) != input.size(0) || b.size(1) != hiddenSize) {
            throw new IllegalArgumentException(getName() + ": " + name + " has shape " + Repr.list(s.shape()) + ", expected ("
                    + (batched ? input.size(0) + ", " : "") + hiddenSize + ")");
        }
        return b;
    }

    @Override
    public String extraRepr() {
        String s = inputSize + ", " + hiddenSize;
        if (!bias) s += ", bias=False";
        if (this instanceof RNNCell r && !r.nonlinearity.equals("tanh")) s += ", nonlinearity=" + r.nonlinearity;
        return s;
    }
}
