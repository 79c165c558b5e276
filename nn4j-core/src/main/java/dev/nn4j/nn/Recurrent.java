package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.ArrayList;
import java.util.List;

/**
 * The functional recurrences behind the RNN modules (PyTorch's {@code _VF.rnn_tanh/lstm/gru} and the cell
 * functions), composed from {@code F.linear}, {@code F.sigmoid}, {@code F.tanh} and {@code F.dropout}, so
 * autograd differentiates them. Sequences are handled as one tensor per time step whose batch may shrink
 * (a packed sequence: the first {@code batchSizes[t]} sequences run at step t); padded input is the case
 * where every step has the whole batch.
 */
final class Recurrent {
    private Recurrent() {}

    enum Mode {
        RNN_TANH(1), RNN_RELU(1), LSTM(4), GRU(3);

        final int gates;

        Mode(int gates) {
            this.gates = gates;
        }
    }

    /** One layer-direction's weights: w_ih (G·H, in), w_hh (G·H, H_out), optional biases, optional w_hr (proj, H). */
    record Weights(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh, Tensor wHr) {}

    // ------------------------------------------------------------------ cells

    /** h' = act(W_ih x + b_ih + W_hh h + b_hh). */
    static Tensor rnnCell(Tensor x, Tensor h, Weights w, boolean relu) {
        Tensor pre = F.linear(x, w.wIh(), w.bIh()).add(F.linear(h, w.wHh(), w.bHh()));
        return relu ? F.relu(pre) : F.tanh(pre);
    }

    /** The gate pre-activations {@code xProj + W_hh h + b_hh} (xProj = W_ih x + b_ih, precomputed for a whole sequence). */
    private static Tensor[] lstmStep(Tensor xProj, Tensor h, Tensor c, Weights w) {
        Tensor gates = xProj.add(F.linear(h, w.wHh(), w.bHh()));
        Tensor[] g = gates.chunk(4, 1);
        Tensor i = F.sigmoid(g[0]), f = F.sigmoid(g[1]), cand = F.tanh(g[2]), o = F.sigmoid(g[3]);
        Tensor c2 = f.mul(c).add(i.mul(cand));
        Tensor h2 = o.mul(F.tanh(c2));
        if (w.wHr() != null) h2 = F.linear(h2, w.wHr());
        return new Tensor[] {h2, c2};
    }

    private static Tensor gruStep(Tensor xProj, Tensor h, Weights w) {
        Tensor hProj = F.linear(h, w.wHh(), w.bHh());
        Tensor[] gi = xProj.chunk(3, 1), gh = hProj.chunk(3, 1);
        Tensor r = F.sigmoid(gi[0].add(gh[0]));
        Tensor z = F.sigmoid(gi[1].add(gh[1]));
        Tensor n = F.tanh(gi[2].add(r.mul(gh[2])));
        return n.add(z.mul(h.sub(n))); // (1 - z) * n + z * h
    }

    /** One LSTM cell step on a batch: {h', c'}. */
    static Tensor[] lstmCell(Tensor x, Tensor h, Tensor c, Weights w) {
        return lstmStep(F.linear(x, w.wIh(), w.bIh()), h, c, w);
    }

    static Tensor gruCell(Tensor x, Tensor h, Weights w) {
        return gruStep(F.linear(x, w.wIh(), w.bIh()), h, w);
    }

    // ------------------------------------------------------------------ sequences

    /**
     * Runs a multi-layer, possibly bidirectional recurrence over {@code steps} (one (batch_t, in) tensor per
     * time step, batch sizes non-increasing). {@code h0} (and {@code c0} for LSTM) are (layers·dirs, N, *).
     * Returns the per-step outputs of the last layer (batch_t, dirs·H_out) followed by h_n (and c_n).
     */
    static Result run(Mode mode, List<Tensor> steps, Tensor h0, Tensor c0, List<Weights> weights, int numLayers, boolean bidirectional,
                      double dropout, boolean training) {
        int dirs = bidirectional ? 2 : 1;
        List<Tensor> hN = new ArrayList<>(), cN = new ArrayList<>();
        List<Tensor> layerInput = steps;
        for (int layer = 0; layer < numLayers; layer++) {
            List<List<Tensor>> dirOutputs = new ArrayList<>();
            for (int d = 0; d < dirs; d++) {
                int idx = layer * dirs + d;
                Tensor h = h0.select(0, idx), c = c0 == null ? null : c0.select(0, idx);
                Tensor[] last = new Tensor[2];
                dirOutputs.add(direction(mode, layerInput, h, c, weights.get(idx), d == 1, last));
                hN.add(last[0]);
                if (c0 != null) cN.add(last[1]);
            }
            List<Tensor> out = new ArrayList<>();
            for (int t = 0; t < layerInput.size(); t++) {
                Tensor o = dirs == 1 ? dirOutputs.get(0).get(t) : Tensor.cat(List.of(dirOutputs.get(0).get(t), dirOutputs.get(1).get(t)), 1);
                if (dropout > 0 && training && layer < numLayers - 1) o = F.dropout(o, dropout, true);
                out.add(o);
            }
            layerInput = out;
        }
        return new Result(layerInput, Tensor.stack(hN, 0), c0 == null ? null : Tensor.stack(cN, 0));
    }

    record Result(List<Tensor> steps, Tensor hN, Tensor cN) {}

    /**
     * One direction of one layer. The input projection of all steps is one matmul; the hidden state keeps all
     * N rows and only the first batch_t are updated at step t (forward), or rows join as their sequences
     * start (reverse). {@code last} receives h_n and c_n.
     */
    private static List<Tensor> direction(Mode mode, List<Tensor> steps, Tensor h0, Tensor c0, Weights w, boolean reverse, Tensor[] last) {
        int T = steps.size();
        int[] bs = new int[T];
        for (int t = 0; t < T; t++) bs[t] = steps.get(t).size(0);
        Tensor all = T == 1 ? steps.get(0) : Tensor.cat(steps, 0);
        Tensor proj = F.linear(all, w.wIh(), w.bIh());
        int[] offsets = new int[T];
        for (int t = 1; t < T; t++) offsets[t] = offsets[t - 1] + bs[t - 1];
        Tensor[] outs = new Tensor[T];
        int n = h0.size(0);
        Tensor h = h0, c = c0;
        if (reverse && T > 0) { // start with the sequences that run through the last step
            h = h0.narrow(0, 0, bs[T - 1]);
            c = c0 == null ? null : c0.narrow(0, 0, bs[T - 1]);
        }
        for (int k = 0; k < T; k++) {
            int t = reverse ? T - 1 - k : k;
            int b = bs[t];
            Tensor xp = proj.narrow(0, offsets[t], b);
            Tensor hIn, cIn;
            if (reverse) {
                if (b > h.size(0)) { // sequences whose last step is t join with their initial state
                    int have = h.size(0);
                    h = Tensor.cat(List.of(h, h0.narrow(0, have, b - have)), 0);
                    if (c != null) c = Tensor.cat(List.of(c, c0.narrow(0, have, b - have)), 0);
                }
                hIn = h;
                cIn = c;
            } else {
                hIn = b == h.size(0) ? h : h.narrow(0, 0, b);
                cIn = c == null ? null : (b == c.size(0) ? c : c.narrow(0, 0, b));
            }
            Tensor hNew, cNew = null;
            switch (mode) {
                case LSTM -> {
                    Tensor[] hc = lstmStep(xp, hIn, cIn, w);
                    hNew = hc[0];
                    cNew = hc[1];
                }
                case GRU -> hNew = gruStep(xp, hIn, w);
                default -> {
                    Tensor pre = xp.add(F.linear(hIn, w.wHh(), w.bHh()));
                    hNew = mode == Mode.RNN_RELU ? F.relu(pre) : F.tanh(pre);
                }
            }
            outs[t] = hNew;
            if (reverse || b == n) {
                h = hNew;
                c = cNew;
            } else { // finished sequences keep their last state in the rows after b
                h = Tensor.cat(List.of(hNew, h.narrow(0, b, h.size(0) - b)), 0);
                if (c != null) c = Tensor.cat(List.of(cNew, c.narrow(0, b, c.size(0) - b)), 0);
            }
        }
        last[0] = h;
        last[1] = c;
        return java.util.Arrays.asList(outs);
    }
}
