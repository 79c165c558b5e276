package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.Parallel;
import dev.nn4j.internal.Storage;

/**
 * Applies a {@link Taps} sparse matrix along one dimension of a floating tensor:
 * {@code out[.., j, ..] = sum_t weight[t] * in[.., index[t], ..]} (or, {@code transposed}, its adjoint
 * {@code out[.., index[t], ..] += weight[t] * in[.., j, ..]}). The backward of one is the other, so the op
 * is differentiable to any order. Every separable resampling (interpolate, non-constant pad) runs on it.
 */
final class Resample1d extends Function {
    private final int dim;
    private final Taps taps;
    private final boolean transposed;

    Resample1d(int dim, Taps taps, boolean transposed) {
        this.dim = dim;
        this.taps = taps;
        this.transposed = transposed;
    }

    /** Resamples {@code x} along {@code dim} with {@code taps} (a no-op copy is still a new tensor). */
    static Tensor apply(Tensor x, int dim, Taps taps) {
        return new Resample1d(dim, taps, false).apply(x);
    }

    @Override
    protected String name() {
        return transposed ? "Resample1dTransposeBackward" : "Resample1dBackward";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0].contiguous();
        int[] shape = x.shape();
        int inLen = transposed ? taps.outSize() : taps.inSize();
        int outLen = transposed ? taps.inSize() : taps.outSize();
        if (shape[dim] != inLen) {
            throw new IllegalStateException("resample: expected size " + inLen + " at dim " + dim + ", got " + shape[dim]);
        }
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= shape[d];
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        shape[dim] = outLen;
        Tensor out = Tensor.zeros(x.dtype(), shape);
        int xo = x.storageOffset();
        int in = inLen, o = outLen, n = inner;
        int grain = Math.max(1, 32768 / Math.max(1, o * n));
        if (x.dtype() == DType.FLOAT32) {
            float[] src = ((Storage.F32) x.storage()).data;
            float[] dst = ((Storage.F32) out.storage()).data;
            Parallel.forRange(outer, grain, (s, e) -> {
                for (int b = s; b < e; b++) run(src, xo + b * in * n, dst, b * o * n, n);
            });
        } else if (x.dtype() == DType.FLOAT64) {
            double[] src = ((Storage.F64) x.storage()).data;
            double[] dst = ((Storage.F64) out.storage()).data;
            Parallel.forRange(outer, grain, (s, e) -> {
                for (int b = s; b < e; b++) run(src, xo + b * in * n, dst, b * o * n, n);
            });
        } else {
            throw new IllegalArgumentException("resample: expected a floating point input, got " + x.dtype());
        }
        return out;
    }

    private void run(float[] src, int so, float[] dst, int dO, int n) {
        int[] start = taps.start(), index = taps.index();
        double[] weight = taps.weight();
        for (int j = 0; j < taps.outSize(); j++) {
            for (int t = start[j]; t < start[j + 1]; t++) {
                float w = (float) weight[t];
                // forward reads row index[t] into row j; the adjoint writes row j into row index[t]
                int from = so + (transposed ? j : index[t]) * n;
                int to = dO + (transposed ? index[t] : j) * n;
                for (int i = 0; i < n; i++) dst[to + i] += w * src[from + i];
            }
        }
    }

    private void run(double[] src, int so, double[] dst, int dO, int n) {
        int[] start = taps.start(), index = taps.index();
        double[] weight = taps.weight();
        for (int j = 0; j < taps.outSize(); j++) {
            for (int t = start[j]; t < start[j + 1]; t++) {
                double w = weight[t];
                int from = so + (transposed ? j : index[t]) * n;
                int to = dO + (transposed ? index[t] : j) * n;
                for (int i = 0; i < n; i++) dst[to + i] += w * src[from + i];
            }
        }
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        return new Tensor[] {new Resample1d(dim, taps, !transposed).apply(gradOutput)};
    }
}
