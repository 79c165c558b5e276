package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.LossKernels;
import dev.nn4j.internal.Storage;

/**
 * Cross-entropy of logit rows {@code (M, C)} with int64 class indices {@code (M)} as one primitive (the caller moves
 * the class dim of unbatched and K-dim inputs last and flattens the rest): log-softmax,
 * gather and reduction in one pass over the logits, backward {@code g * w[t] * (softmax(x) - onehot(t))}
 * (divided by the total weight for "mean"). Weight and ignore_index are supported, label smoothing is not.
 * {@link ClassificationLosses#crossEntropyComposite} (log-softmax + nll_loss) is its reference twin.
 * Targets are validated by the caller.
 */
final class CrossEntropyFunction extends Function {
    private final long[] target;
    private final Tensor weight;
    private final long ignoreIndex;
    private final Reduction reduction;

    CrossEntropyFunction(Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        this.target = target.contiguous().toLongArray();
        this.weight = weight;
        this.ignoreIndex = ignoreIndex;
        this.reduction = reduction;
    }

    @Override
    protected String name() {
        return "NllLossBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0].contiguous();
        int n = x.size(0), c = x.size(1);
        double[] w = new double[n];
        double totalWeight = 0;
        double[] cw = weight == null ? null : weight.toDoubleArray();
        for (int r = 0; r < n; r++) {
            long t = target[r];
            w[r] = t == ignoreIndex ? 0 : cw == null ? 1 : cw[(int) t];
            totalWeight += w[r];
        }
        double[] loss = new double[n];
        Tensor lse;
        if (x.dtype() == DType.FLOAT32) {
            float[] xd = ((Storage.F32) x.storage()).data;
            int xo = x.storageOffset();
            float[] l = new float[n];
            LossKernels.rowLogSumExp(xd, xo, n, c, l);
            for (int r = 0; r < n; r++) if (w[r] != 0) loss[r] = w[r] * ((double) l[r] - xd[xo + r * c + (int) target[r]]);
            lse = Tensor.fromArray(l, n);
        } else {
            double[] xd = ((Storage.F64) x.storage()).data;
            int xo = x.storageOffset();
            double[] l = new double[n];
            LossKernels.rowLogSumExp(xd, xo, n, c, l);
            for (int r = 0; r < n; r++) if (w[r] != 0) loss[r] = w[r] * (l[r] - xd[xo + r * c + (int) target[r]]);
            lse = Tensor.fromArray(l, n);
        }
        ctx.saveForBackward(x, lse);
        ctx.put("w", w);
        ctx.put("totalWeight", totalWeight);
        Tensor perRow = Tensor.fromArray(loss, n).to(x.dtype());
        return switch (reduction) {
            case NONE -> perRow;
            case SUM -> perRow.sum();
            default -> perRow.sum().div(totalWeight);
        };
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        if (!ctx.needsInputGrad(0)) return new Tensor[] {null};
        Tensor x = ctx.saved(0), lse = ctx.saved(1);
        double[] w = ctx.get("w");
        double totalWeight = ctx.get("totalWeight");
        int n = x.size(0), c = x.size(1);
        double[] g = gradOutput.contiguous().toDoubleArray();
        double[] scale = new double[n];
        for (int r = 0; r < n; r++) {
            double gr = reduction == Reduction.NONE ? g[r] : g[0];
            scale[r] = w[r] == 0 ? 0 : reduction == Reduction.MEAN ? gr * w[r] / totalWeight : gr * w[r];
        }
        Tensor grad;
        if (x.dtype() == DType.FLOAT32) {
            float[] sc = new float[n];
            for (int r = 0; r < n; r++) sc[r] = (float) scale[r];
            float[] out = new float[n * c];
            LossKernels.softmaxMinusOneHot(((Storage.F32) x.storage()).data, x.storageOffset(), n, c,
                    ((Storage.F32) lse.storage()).data, target, sc, out);
            grad = Tensor.fromArray(out, n, c);
        } else {
            double[] out = new double[n * c];
            LossKernels.softmaxMinusOneHot(((Storage.F64) x.storage()).data, x.storageOffset(), n, c,
                    ((Storage.F64) lse.storage()).data, target, scale, out);
            grad = Tensor.fromArray(out, n, c);
        }
        return new Tensor[] {grad};
    }
}
