package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.init.Init;
import dev.nn4j.nn.utils.PackedSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share (PyTorch's {@code RNNBase}): {@code numLayers} stacked
 * layers, optionally bidirectional, with dropout between layers in training, time-major or
 * {@code batchFirst} input, padded or packed ({@link PackedSequence}).
 *
 * <p>Parameters, per layer k and direction (suffix {@code _reverse} for the backward one), registered in
 * PyTorch's order: {@code weight_ih_l{k}} (G·H, in_k), {@code weight_hh_l{k}} (G·H, H_out),
 * {@code bias_ih_l{k}}, {@code bias_hh_l{k}} (G·H) when {@code bias}, and {@code weight_hr_l{k}} (proj, H) for
 * an LSTM with projections; G = 1 (RNN), 3 (GRU), 4 (LSTM). All start from U(±1/√hidden_size).
 *
 * <p>Shapes: input (L, N, H_in), (N, L, H_in) with batchFirst, or (L, H_in) unbatched; initial state
 * (layers·dirs, N, H_out) (zeros when null); output (L, N, dirs·H_out) and h_n (layers·dirs, N, H_out).
 */
public abstract class RNNBase extends Module {
    final Recurrent.Mode mode;
    public final int inputSize;
    public final int hiddenSize;
    public final int numLayers;
    public final boolean bias;
    public final boolean batchFirst;
    public final double dropout;
    public final boolean bidirectional;
    public final int projSize;
    private final List<Recurrent.Weights> weights = new ArrayList<>();

    /** The result of a recurrent module: PyTorch's {@code (output, h_n)} or {@code (output, (h_n, c_n))}. */
    public record Output(Tensor output, Tensor hN, Tensor cN, PackedSequence packedOutput) implements TensorTuple {
        /** {@code output}, {@code h_n} and, for an LSTM, {@code c_n}. */
        @Override
        public java.util.List<Tensor> tensors() {
            return TensorTuple.of(output, hN, cN);
        }
    }

    /**
     * The optional constructor arguments of the recurrent modules, PyTorch's defaults: {@code num_layers=1,
     * nonlinearity='tanh'} (RNN only), {@code bias=True, batch_first=False, dropout=0.0, bidirectional=False,
     * proj_size=0} (LSTM only). Immutable: each setter returns a new object.
     */
    public static final class Options {
        final int numLayers;
        final String nonlinearity;
        final boolean bias;
        final boolean batchFirst;
        final double dropout;
        final boolean bidirectional;
        final int projSize;

        private Options(int numLayers, String nonlinearity, boolean bias, boolean batchFirst, double dropout, boolean bidirectional, int projSize) {
            this.numLayers = numLayers;
            this.nonlinearity = nonlinearity;
            this.bias = bias;
            this.batchFirst = batchFirst;
            this.dropout = dropout;
            this.bidirectional = bidirectional;
            this.projSize = projSize;
        }

        public Options numLayers(int v) { return new Options(v, nonlinearity, bias, batchFirst, dropout, bidirectional, projSize); }
        /** {@code "tanh"} or {@code "relu"} (RNN only). */
        public Options nonlinearity(String v) { return new Options(numLayers, v, bias, batchFirst, dropout, bidirectional, projSize); }
        public Options bias(boolean v) { return new Options(numLayers, nonlinearity, v, batchFirst, dropout, bidirectional, projSize); }
        /** Input and output as (N, L, H) instead of (L, N, H); the states stay (layers·dirs, N, H). */
        public Options batchFirst(boolean v) { return new Options(numLayers, nonlinearity, bias, v, dropout, bidirectional, projSize); }
        /** Dropout probability on the outputs of every layer but the last (training only). */
        public Options dropout(double v) { return new Options(numLayers, nonlinearity, bias, batchFirst, v, bidirectional, projSize); }
        public Options bidirectional(boolean v) { return new Options(numLayers, nonlinearity, bias, batchFirst, dropout, v, projSize); }
        /** LSTM only: project h to this size with {@code weight_hr}. */
        public Options projSize(int v) { return new Options(numLayers, nonlinearity, bias, batchFirst, dropout, bidirectional, v); }
    }

    /** The recurrent modules' defaults, to adjust: {@code new LSTM(10, 20, RNNBase.opts().numLayers(2).batchFirst(true))}. */
    public static Options opts() {
        return new Options(1, "tanh", true, false, 0.0, false, 0);
    }

    RNNBase(Recurrent.Mode mode, String op, int inputSize, int hiddenSize, int numLayers, boolean bias, boolean batchFirst, double dropout,
            boolean bidirectional, int projSize) {
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new IllegalArgumentException(op + ": dropout should be a number in range [0, 1] representing the probability of an element being zeroed, got " + dropout);
        }
        if (inputSize < 0) throw new IllegalArgumentException(op + ": input_size must be non-negative, got " + inputSize);
        if (hiddenSize <= 0) throw new IllegalArgumentException(op + ": hidden_size must be greater than zero, got " + hiddenSize);
        if (numLayers <= 0) throw new IllegalArgumentException(op + ": num_layers must be greater than zero, got " + numLayers);
        if (projSize < 0) throw new IllegalArgumentException(op + ": proj_size should be a positive integer or zero to disable projections");
        if (projSize >= hiddenSize && projSize > 0) throw new IllegalArgumentException(op + ": proj_size has to be smaller than hidden_size");
        if (projSize > 0 && mode != Recurrent.Mode.LSTM) throw new IllegalArgumentException(op + ": proj_size argument is only supported for LSTM, not RNN or GRU");
        this.mode = mode;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = batchFirst;
        this.dropout = dropout;
        this.bidirectional = bidirectional;
        this.projSize = projSize;
        int dirs = bidirectional ? 2 : 1, gateSize = mode.gates * hiddenSize, realHidden = projSize > 0 ? projSize : hiddenSize;
        for (int layer = 0; layer < numLayers; layer++) {
            for (int d = 0; d < dirs; d++) {
                int layerInput = layer == 0 ? inputSize : realHidden * dirs;
                String sfx = "_l" + layer + (d == 1 ? "_reverse" : "");
                Tensor wIh = registerParameter("weight_ih" + sfx, Parameter.of(Tensor.empty(gateSize, layerInput)));
                Tensor wHh = registerParameter("weight_hh" + sfx, Parameter.of(Tensor.empty(gateSize, realHidden)));
                Tensor bIh = bias ? registerParameter("bias_ih" + sfx, Parameter.of(Tensor.empty(gateSize))) : null;
                Tensor bHh = bias ? registerParameter("bias_hh" + sfx, Parameter.of(Tensor.empty(gateSize))) : null;
                Tensor wHr = projSize > 0 ? registerParameter("weight_hr" + sfx, Parameter.of(Tensor.empty(projSize, hiddenSize))) : null;
                weights.add(new Recurrent.Weights(wIh, wHh, bIh, bHh, wHr));
            }
        }
        resetParameters();
    }

    /** Re-draws every parameter from U(-1/√hidden_size, 1/√hidden_size). */
    public void resetParameters() {
        double stdv = hiddenSize > 0 ? 1 / Math.sqrt(hiddenSize) : 0;
        for (Tensor p : parameters()) Init.uniform_(p, -stdv, stdv);
    }

    /** The output sequence only ({@code forward(input, null).output()}), so an RNN can sit in a {@link Sequential}. */
    @Override
    public Tensor forward(Tensor input) {
        return run(input, null, null).output();
    }

    Output run(Tensor input, Tensor h0, Tensor c0) {
        String op = getName();
        if (input.dim() != 2 && input.dim() != 3) {
            throw new IllegalArgumentException(op + ": Expected input to be 2D or 3D, got " + input.dim() + "D tensor instead");
        }
        boolean batched = input.dim() == 3;
        if (!batched) {
            input = input.unsqueeze(1);
            h0 = unbatchedState(op, h0, "hx");
            c0 = unbatchedState(op, c0, "cx");
        } else {
            batchedState(op, h0, "hx");
            batchedState(op, c0, "cx");
            if (batchFirst) input = input.transpose(0, 1);
        }
        checkInputSize(op, input);
        int n = input.size(1);
        h0 = state(op, h0, n, outputHidden(), "hidden", input);
        if (mode == Recurrent.Mode.LSTM) c0 = state(op, c0, n, hiddenSize, "cell", input);
        List<Tensor> steps = new ArrayList<>(Arrays.asList(input.unbind(0)));
        Recurrent.Result r = Recurrent.run(mode, steps, h0, c0, weights, numLayers, bidirectional, dropout, training);
        Tensor out = steps.isEmpty() ? Tensor.zeros(0, n, outputHidden() * (bidirectional ? 2 : 1)) : Tensor.stack(r.steps(), 0);
        Tensor hN = r.hN(), cN = r.cN();
        if (!batched) {
            out = out.squeeze(1);
            hN = hN.squeeze(1);
            if (cN != null) cN = cN.squeeze(1);
        } else if (batchFirst) {
            out = out.transpose(0, 1);
        }
        return new Output(out, hN, cN, null);
    }

    Output run(PackedSequence input, Tensor h0, Tensor c0) {
        String op = getName();
        Tensor data = input.data();
        if (data.dim() != 2) throw new IllegalArgumentException(op + ": packed input data must be 2-D (sum of lengths, input_size), got "
                + data.dim() + "D");
        if (data.size(-1) != inputSize) {
            throw new IllegalArgumentException(op + ": input.size(-1) must be equal to input_size. Expected " + inputSize + ", got " + data.size(-1));
        }
        int[] bs = input.batchSizesArray();
        int n = input.batchSize();
        if (h0 != null && input.sortedIndices() != null) h0 = h0.indexSelect(1, input.sortedIndices());
        if (c0 != null && input.sortedIndices() != null) c0 = c0.indexSelect(1, input.sortedIndices());
        h0 = state(op, h0, n, outputHidden(), "hidden", data);
        if (mode == Recurrent.Mode.LSTM) c0 = state(op, c0, n, hiddenSize, "cell", data);
        List<Tensor> steps = new ArrayList<>();
        int offset = 0;
        for (int b : bs) {
            steps.add(data.narrow(0, offset, b));
            offset += b;
        }
        Recurrent.Result r = Recurrent.run(mode, steps, h0, c0, weights, numLayers, bidirectional, dropout, training);
        Tensor outData = Tensor.cat(r.steps(), 0);
        Tensor hN = r.hN(), cN = r.cN();
        if (input.unsortedIndices() != null) {
            hN = hN.indexSelect(1, input.unsortedIndices());
            if (cN != null) cN = cN.indexSelect(1, input.unsortedIndices());
        }
        PackedSequence packed = input.withData(outData);
        return new Output(outData, hN, cN, packed);
    }

    private int outputHidden() {
        return projSize > 0 ? projSize : hiddenSize;
    }

    private void checkInputSize(String op, Tensor input) {
        if (input.size(-1) != inputSize) {
            throw new IllegalArgumentException(op + ": input.size(-1) must be equal to input_size. Expected " + inputSize + ", got " + input.size(-1));
        }
    }

    private static Tensor unbatchedState(String op, Tensor s, String name) {
        if (s == null) return null;
        if (s.dim() != 2) {
            throw new IllegalArgumentException(op + ": For unbatched 2-D input, " + name + " should also be 2-D but got " + s.dim() + "-D tensor");
        }
        return s.unsqueeze(1);
    }

    private static void batchedState(String op, Tensor s, String name) {
        if (s != null && s.dim() != 3) {
            throw new IllegalArgumentException(op + ": For batched 3-D input, " + name + " should also be 3-D but got " + s.dim() + "-D tensor");
        }
    }

    private Tensor state(String op, Tensor s, int n, int size, String what, Tensor like) {
        int[] expected = {numLayers * (bidirectional ? 2 : 1), n, size};
        if (s == null) return Tensor.zeros(like.dtype(), expected);
        if (!Arrays.equals(s.shape(), expected)) {
            String prefix = mode == Recurrent.Mode.LSTM && what.equals("cell") ? "Expected hidden[1] size " : mode == Recurrent.Mode.LSTM ? "Expected hidden[0] size " : "Expected hidden size ";
            throw new IllegalArgumentException(op + ": " + prefix + Repr.tuple(expected) + ", got " + Repr.list(s.shape()));
        }
        return s;
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (projSize != 0) s.append(", proj_size=").append(projSize);
        if (numLayers != 1) s.append(", num_layers=").append(numLayers);
        if (!bias) s.append(", bias=False");
        if (batchFirst) s.append(", batch_first=True");
        if (dropout != 0) s.append(", dropout=").append(Repr.py(dropout));
        if (bidirectional) s.append(", bidirectional=True");
        return s.toString();
    }
}
