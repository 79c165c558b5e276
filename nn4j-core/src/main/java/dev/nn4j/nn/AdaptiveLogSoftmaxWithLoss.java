package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Efficient softmax approximation for large output spaces (Grave et al. 2016), as
 * {@code torch.nn.AdaptiveLogSoftmaxWithLoss(in_features, n_classes, cutoffs, div_value=4.0, head_bias=False)}:
 * a {@code head} Linear scores the frequent classes (below {@code cutoffs[0]}) plus one entry per tail
 * cluster; each cluster {@code tail[i]} is a low-rank Sequential(Linear, Linear) over its classes.
 *
 * <p>Shapes: input (N, in_features) or (in_features), target int64 (N) or (); output: the target
 * log-probabilities (N) and the mean negative log likelihood (scalar).
 *
 * <pre>{@code
 * var asm = new AdaptiveLogSoftmaxWithLoss(64, 1000, new int[] {10, 100}, 4.0, false);
 * AdaptiveLogSoftmaxWithLoss.Output r = asm.forward(hidden, targets);
 * r.loss().backward();
 * }</pre>
 */
public class AdaptiveLogSoftmaxWithLoss extends Module {
    public final int inFeatures;
    public final int nClasses;
    /** The given cutoffs followed by n_classes. */
    public final int[] cutoffs;
    public final double divValue;
    public final boolean headBias;
    public final int shortlistSize;
    public final int nClusters;
    public final int headSize;
    public final Linear head;
    public final ModuleList tail;

    /** PyTorch's {@code _ASMoutput(output, loss)}. */
    public record Output(Tensor output, Tensor loss) implements TensorTuple {
        @Override
        public List<Tensor> tensors() {
            return TensorTuple.of(output, loss);
        }
    }

    public AdaptiveLogSoftmaxWithLoss(int inFeatures, int nClasses, int[] cutoffs) {
        this(inFeatures, nClasses, cutoffs, 4.0, false);
    }

    public AdaptiveLogSoftmaxWithLoss(int inFeatures, int nClasses, int[] cutoffs, double divValue, boolean headBias) {
        int[] sorted = cutoffs.clone();
        Arrays.sort(sorted);
        boolean ok = cutoffs.length > 0 && Arrays.equals(sorted, cutoffs) && sorted[0] > 0 && sorted[sorted.length - 1] <= nClasses - 1
                && Arrays.stream(cutoffs).distinct().count() == cutoffs.length;
        if (!ok) {
            throw new IllegalArgumentException("AdaptiveLogSoftmaxWithLoss: cutoffs should be a sequence of unique, positive integers sorted in an "
                    + "increasing order, where each value is between 1 and n_classes-1, got " + Arrays.toString(cutoffs));
        }
        this.inFeatures = inFeatures;
        this.nClasses = nClasses;
        this.cutoffs = Arrays.copyOf(cutoffs, cutoffs.length + 1);
        this.cutoffs[cutoffs.length] = nClasses;
        this.divValue = divValue;
        this.headBias = headBias;
        this.shortlistSize = this.cutoffs[0];
        this.nClusters = this.cutoffs.length - 1;
        this.headSize = shortlistSize + nClusters;
        this.head = registerModule("head", new Linear(inFeatures, headSize, headBias));
        this.tail = registerModule("tail", new ModuleList());
        for (int i = 0; i < nClusters; i++) {
            int hsz = (int) Math.floor(inFeatures / Math.pow(divValue, i + 1));
            int osz = this.cutoffs[i + 1] - this.cutoffs[i];
            tail.append(new Sequential(new Linear(inFeatures, hsz, false), new Linear(hsz, osz, false)));
        }
    }

    /** Re-draws the head and every tail projection with the Linear defaults. */
    public void resetParameters() {
        head.resetParameters();
        for (Module m : tail) for (Module l : (Sequential) m) ((Linear) l).resetParameters();
    }

    public Output forward(Tensor input, Tensor target) {
        int tdim = target.dim();
        if (tdim == 1) {
            if (input.size(0) != target.size(0)) throw new IllegalArgumentException("AdaptiveLogSoftmaxWithLoss: Input and target should have the same size in the batch dimension.");
            if (input.dim() != 2) throw new IllegalArgumentException("AdaptiveLogSoftmaxWithLoss: 1D target tensor expects 2D input tensors, but found inputs with size " + Repr.list(input.shape()));
        } else if (tdim == 0) {
            if (input.dim() != 1) throw new IllegalArgumentException("AdaptiveLogSoftmaxWithLoss: 0D target tensor expects 1D input tensors, but found inputs with size " + Repr.list(input.shape()));
        } else {
            throw new IllegalArgumentException("AdaptiveLogSoftmaxWithLoss: 0D or 1D target tensor expected, multi-target not supported");
        }
        boolean batched = tdim > 0;
        Tensor x = batched ? input : input.unsqueeze(0);
        long[] t = (batched ? target : target.unsqueeze(0)).toLongArray();
        int batch = t.length;
        Tensor output = Tensor.zeros(x.dtype(), batch);
        long[] gather = new long[batch];
        int used = 0;
        int[] bounds = new int[cutoffs.length + 1];
        System.arraycopy(cutoffs, 0, bounds, 1, cutoffs.length);
        for (int i = 0; i < bounds.length - 1; i++) {
            List<Long> rows = new ArrayList<>(), rel = new ArrayList<>();
            for (int b = 0; b < batch; b++) {
                if (t[b] >= bounds[i] && t[b] < bounds[i + 1]) {
                    rows.add((long) b);
                    rel.add(t[b] - bounds[i]);
                    gather[b] = i == 0 ? t[b] : shortlistSize + i - 1;
                }
            }
            if (rows.isEmpty()) continue;
            used += rows.size();
            if (i == 0) continue;
            Tensor rowIdx = Tensor.fromArray(rows.stream().mapToLong(Long::longValue).toArray(), rows.size());
            Tensor relIdx = Tensor.fromArray(rel.stream().mapToLong(Long::longValue).toArray(), rel.size(), 1);
            Tensor clusterOutput = tail.get(i - 1).call(x.indexSelect(0, rowIdx));
            Tensor local = F.logSoftmax(clusterOutput, 1).gather(1, relIdx).squeeze(1);
            output = output.indexAdd(0, rowIdx, local);
        }
        if (used != batch) {
            long min = Arrays.stream(t).min().orElse(0), max = Arrays.stream(t).max().orElse(0);
            throw new IllegalArgumentException("AdaptiveLogSoftmaxWithLoss: Target values should be in [0, " + (nClasses - 1) + "], but values in range ["
                    + min + ", " + max + "] were found. ");
        }
        Tensor headLogprob = F.logSoftmax(head.call(x), 1);
        output = output.add(headLogprob.gather(1, Tensor.fromArray(gather, batch, 1)).squeeze(1));
        Tensor loss = output.neg().mean();
        return new Output(batched ? output : output.squeeze(0), loss);
    }

    /** Log-probabilities of all n_classes, (N, n_classes). */
    public Tensor logProb(Tensor input) {
        Tensor headLogprob = F.logSoftmax(head.call(input), 1);
        List<Tensor> parts = new ArrayList<>();
        parts.add(headLogprob.narrow(1, 0, shortlistSize));
        for (int i = 0; i < nClusters; i++) {
            Tensor clusterLogprob = F.logSoftmax(tail.get(i).call(input), 1);
            parts.add(clusterLogprob.add(headLogprob.narrow(1, shortlistSize + i, 1)));
        }
        return Tensor.cat(parts, 1);
    }

    /** The most likely class of each row, (N) int64 ({@code logProb(input).argmax(1)}). */
    public Tensor predict(Tensor input) {
        return logProb(input).argmax(1);
    }

    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length == 2) return forward((Tensor) a[0], (Tensor) a[1]);
        throw new IllegalArgumentException("AdaptiveLogSoftmaxWithLoss.forward: expected (input, target), got " + describe(a));
    }
}
