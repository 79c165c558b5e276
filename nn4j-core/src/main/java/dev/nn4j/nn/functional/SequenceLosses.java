package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.Losses.requireFloat;
import static dev.nn4j.nn.functional.Losses.requireReduction;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;

/** The connectionist temporal classification loss: argument checks and reduction around {@link CtcLossFunction}. */
final class SequenceLosses {
    private SequenceLosses() {}

    private static int[] lengths(String op, String arg, Tensor t, int n) {
        if (t == null) throw new IllegalArgumentException(op + ": '" + arg + "' must not be null");
        if (t.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected '" + arg + "' of an integer dtype, got " + t.dtype());
        if (t.dim() > 1 || t.numel() != n) {
            throw new IllegalArgumentException(op + ": " + arg + " must be of size batch_size (" + n + "), got shape " + Shapes.str(t.shape()));
        }
        long[] v = t.contiguous().toLongArray();
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            if (v[i] < 0) throw new IllegalArgumentException(op + ": " + arg + " must be non-negative, got " + v[i] + " for sample " + i);
            r[i] = (int) v[i];
        }
        return r;
    }

    static Tensor ctcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths, Ctc o) {
        String op = "ctc_loss";
        requireReduction(op, o.reduction());
        requireFloat(op, "log_probs", logProbs);
        if (logProbs.dim() != 2 && logProbs.dim() != 3) {
            throw new IllegalArgumentException(op + ": expected log_probs of shape (T, N, C) or unbatched (T, C), got " + Shapes.str(logProbs.shape()));
        }
        if (targets == null) throw new IllegalArgumentException(op + ": 'targets' must not be null");
        if (targets.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected targets of an integer dtype, got " + targets.dtype());
        boolean batched = logProbs.dim() == 3;
        Tensor lp = batched ? logProbs : logProbs.unsqueeze(1);
        Tensor tg = batched ? targets : targets.unsqueeze(0);
        int tMax = lp.size(0), n = lp.size(1), c = lp.size(2);
        if (o.blank() < 0 || o.blank() >= c) throw new IllegalArgumentException(op + ": blank must be in label range [0, " + (c - 1) + "], got " + o.blank());
        int[] inLen = lengths(op, "input_lengths", inputLengths, n);
        int[] tgLen = lengths(op, "target_lengths", targetLengths, n);
        for (int b = 0; b < n; b++) {
            if (inLen[b] > tMax) {
                throw new IllegalArgumentException(op + ": expected input_lengths to have value at most " + tMax + " (T of log_probs "
                        + Shapes.str(logProbs.shape()) + "), but got value " + inLen[b] + " for sample " + b);
            }
        }
        long[] tv = tg.contiguous().toLongArray();
        long[][] seqs = new long[n][];
        if (tg.dim() == 1) {
            // concatenated targets: sample b's target follows those of samples 0..b-1
            long total = 0;
            for (int len : tgLen) total += len;
            if (total > tv.length) {
                throw new IllegalArgumentException(op + ": concatenated targets hold " + tv.length + " labels but target_lengths sum to " + total);
            }
            int pos = 0;
            for (int b = 0; b < n; b++) {
                seqs[b] = java.util.Arrays.copyOfRange(tv, pos, pos + tgLen[b]);
                pos += tgLen[b];
            }
        } else if (tg.dim() == 2) {
            if (tg.size(0) != n) {
                throw new IllegalArgumentException(op + ": expected padded targets of shape (N=" + n + ", S), got " + Shapes.str(targets.shape()));
            }
            int s = tg.size(1);
            for (int b = 0; b < n; b++) {
                if (tgLen[b] > s) {
                    throw new IllegalArgumentException(op + ": expected targets to have size at least " + tgLen[b] + " at dimension 1 (target_lengths["
                            + b + "]), but got size " + s);
                }
                seqs[b] = java.util.Arrays.copyOfRange(tv, b * s, b * s + tgLen[b]);
            }
        } else {
            throw new IllegalArgumentException(op + ": expected targets of shape (N, S) or concatenated (sum(target_lengths)), got "
                    + Shapes.str(targets.shape()));
        }
        for (int b = 0; b < n; b++) {
            for (long v : seqs[b]) {
                if (v < 0 || v >= c) {
                    throw new IllegalArgumentException(op + ": target " + v + " of sample " + b + " is out of bounds: labels must be in [0, " + (c - 1) + "]");
                }
            }
        }
        Tensor res = new CtcLossFunction(seqs, inLen, o.blank(), o.zeroInfinity()).apply(lp);
        if (o.zeroInfinity()) res = Tensor.where(res.isinf(), Tensor.zerosLike(res), res);
        return switch (o.reduction()) {
            case MEAN -> {
                double[] div = new double[n];
                for (int b = 0; b < n; b++) div[b] = Math.max(tgLen[b], 1);
                yield res.div(Tensor.fromArray(div, n).to(res.dtype())).mean();
            }
            case SUM -> res.sum();
            default -> batched ? res : res.squeeze(0);
        };
    }
}
