package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.NormKernels;
import dev.nn4j.backend.cpu.NormKernels.Buf;
import dev.nn4j.internal.Storage;

/**
 * Batch norm as one primitive over an {@code (N, C, *)} input: inputs are (input, weight, bias), weight and
 * bias possibly null. Training normalises with the batch statistics (and updates the running ones in place,
 * unbiased variance); evaluation uses the running statistics. With {@code xhat = (x - mean) * invstd}:
 * training {@code dx = w * invstd * (g - mean(g) - xhat * mean(g * xhat))}, evaluation
 * {@code dx = w * invstd * g}; {@code dw = sum(g * xhat)}, {@code db = sum(g)} over N and *.
 * {@link Normalization#batchNormComposite} is its reference twin.
 */
final class BatchNormFunction extends Function {
    private final Tensor runningMean, runningVar;
    private final boolean training;
    private final double momentum, eps;

    BatchNormFunction(Tensor runningMean, Tensor runningVar, boolean training, double momentum, double eps) {
        this.runningMean = runningMean;
        this.runningVar = runningVar;
        this.training = training;
        this.momentum = momentum;
        this.eps = eps;
    }

    @Override
    protected String name() {
        return "NativeBatchNormBackward0";
    }

    static Buf buf(Tensor t) {
        return t.storage() instanceof Storage.F32 f ? Buf.of(f.data) : Buf.of(((Storage.F64) t.storage()).data);
    }

    static double[] values(Tensor t) {
        return t == null ? null : t.toDoubleArray();
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0].contiguous(), w = inputs[1], b = inputs[2];
        int[] shape = x.shape();
        int n = shape[0], c = shape[1], s = x.numel() / Math.max(1, n * c);
        double[] mean = new double[c], var = new double[c];
        boolean f32 = x.dtype() == DType.FLOAT32;
        if (training) {
            if (f32) NormKernels.batchStats(((Storage.F32) x.storage()).data, x.storageOffset(), n, c, s, mean, var);
            else NormKernels.batchStatsScalar(buf(x), x.storageOffset(), n, c, s, mean, var);
            // an empty batch leaves the running statistics alone (PyTorch)
            if (x.numel() > 0) updateRunningStats(mean, var, (long) n * s);
        } else {
            mean = values(runningMean);
            var = values(runningVar);
        }
        double[] invstd = new double[c], scale = new double[c], shift = new double[c];
        double[] wv = values(w), bv = values(b);
        for (int ch = 0; ch < c; ch++) {
            invstd[ch] = 1 / Math.sqrt(var[ch] + eps);
            scale[ch] = invstd[ch] * (wv == null ? 1 : wv[ch]);
            shift[ch] = (bv == null ? 0 : bv[ch]) - mean[ch] * scale[ch];
        }
        Tensor y = Tensor.empty(x.dtype(), shape);
        if (f32) {
            NormKernels.channelAffine(((Storage.F32) x.storage()).data, x.storageOffset(), ((Storage.F32) y.storage()).data, 0,
                    n, c, s, scale, shift);
        } else {
            NormKernels.channelAffineScalar(buf(x), x.storageOffset(), buf(y), 0, n, c, s, scale, shift);
        }
        ctx.saveForBackward(x, w);
        ctx.put("mean", mean);
        ctx.put("invstd", invstd);
        return y;
    }

    private void updateRunningStats(double[] mean, double[] var, long m) {
        if (runningMean == null && runningVar == null) return;
        double unbias = m > 1 ? (double) m / (m - 1) : Double.NaN;
        int c = mean.length;
        double[] newVar = new double[c];
        for (int ch = 0; ch < c; ch++) newVar[ch] = var[ch] * unbias;
        if (runningMean != null) {
            runningMean.mul_(1 - momentum).add_(Tensor.fromArray(mean, c).to(runningMean.dtype()), momentum);
        }
        if (runningVar != null) {
            runningVar.mul_(1 - momentum).add_(Tensor.fromArray(newVar, c).to(runningVar.dtype()), momentum);
        }
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor x = ctx.saved(0), w = ctx.saved(1);
        double[] mean = ctx.get("mean"), invstd = ctx.get("invstd");
        Tensor g = gradOutput.to(x.dtype()).contiguous();
        int[] shape = x.shape();
        int n = shape[0], c = shape[1], s = x.numel() / Math.max(1, n * c);
        long m = (long) n * s;
        boolean f32 = x.dtype() == DType.FLOAT32;
        double[] sumG = new double[c], sumGX = new double[c];
        // an empty batch has NaN statistics: its sums stay 0 so none reach the gradients
        if (x.numel() > 0 && f32) {
            NormKernels.batchGradSums(((Storage.F32) g.storage()).data, g.storageOffset(), ((Storage.F32) x.storage()).data,
                    x.storageOffset(), n, c, s, mean, sumG, sumGX);
        } else if (x.numel() > 0) {
            NormKernels.batchGradSums(buf(g), g.storageOffset(), buf(x), x.storageOffset(), n, c, s, mean, sumG, sumGX);
        }
        Tensor dx = null, dw = null, db = null;
        if (ctx.needsInputGrad(0)) {
            double[] wv = values(w);
            double[] a = new double[c], bcoef = new double[c], k = new double[c];
            for (int ch = 0; ch < c; ch++) {
                double ws = (wv == null ? 1 : wv[ch]) * invstd[ch];
                a[ch] = ws;
                if (training) {
                    bcoef[ch] = -ws * invstd[ch] * invstd[ch] * sumGX[ch] / m;
                    k[ch] = -ws * sumG[ch] / m;
                }
            }
            dx = Tensor.empty(x.dtype(), shape);
            if (f32) {
                NormKernels.batchGradInput(((Storage.F32) g.storage()).data, g.storageOffset(), ((Storage.F32) x.storage()).data,
                        x.storageOffset(), ((Storage.F32) dx.storage()).data, 0, n, c, s, mean, a, bcoef, k);
            } else {
                NormKernels.batchGradInput(buf(g), g.storageOffset(), buf(x), x.storageOffset(), buf(dx), 0, n, c, s, mean, a, bcoef, k);
            }
        }
        if (ctx.needsInputGrad(1)) {
            double[] gw = new double[c];
            for (int ch = 0; ch < c; ch++) gw[ch] = m == 0 ? 0 : sumGX[ch] * invstd[ch];
            dw = Tensor.fromArray(gw, c).to(w.dtype()).reshape(w.shape());
        }
        if (ctx.needsInputGrad(2)) {
            db = Tensor.fromArray(sumG, c).to(x.dtype());
        }
        return new Tensor[] {dx, dw, db};
    }
}
