package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.NormKernels;
import dev.nn4j.internal.Storage;

/**
 * Layer norm as one primitive: inputs (input, weight, bias), the last {@code d} elements of each row
 * normalised; weight and bias (shape {@code normalized_shape}) may be null. With
 * {@code xhat = (x - mean) * rstd} and {@code gw = g * w}: {@code dx = rstd * (gw - mean(gw) - xhat * mean(gw * xhat))},
 * {@code dw = sum_rows(g * xhat)}, {@code db = sum_rows(g)}. {@link Normalization#layerNormComposite} is its
 * reference twin.
 */
final class LayerNormFunction extends Function {
    private final int d;
    private final double eps;

    LayerNormFunction(int d, double eps) {
        this.d = d;
        this.eps = eps;
    }

    @Override
    protected String name() {
        return "NativeLayerNormBackward0";
    }

    private static float[] f32(Tensor t) {
        return ((Storage.F32) t.storage()).data;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0].contiguous();
        Tensor w = inputs[1] == null ? null : inputs[1].contiguous(), b = inputs[2] == null ? null : inputs[2].contiguous();
        int rows = d == 0 ? 0 : x.numel() / d;
        double[] mean = new double[rows], rstd = new double[rows];
        Tensor y = Tensor.empty(x.dtype(), x.shape());
        if (rows > 0) {
            if (x.dtype() == DType.FLOAT32) {
                NormKernels.layerNorm(f32(x), x.storageOffset(), w == null ? null : f32(w), w == null ? 0 : w.storageOffset(),
                        b == null ? null : f32(b), b == null ? 0 : b.storageOffset(), f32(y), 0, rows, d, eps, mean, rstd);
            } else {
                NormKernels.layerNormScalar(BatchNormFunction.buf(x), x.storageOffset(), w == null ? null : BatchNormFunction.buf(w),
                        w == null ? 0 : w.storageOffset(), b == null ? null : BatchNormFunction.buf(b), b == null ? 0 : b.storageOffset(),
                        BatchNormFunction.buf(y), 0, rows, d, eps, mean, rstd);
            }
        }
        ctx.saveForBackward(x, w);
        ctx.put("mean", mean);
        ctx.put("rstd", rstd);
        ctx.put("weightShape", inputs[1] == null ? null : inputs[1].shape());
        ctx.put("biasShape", inputs[2] == null ? null : inputs[2].shape());
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor x = ctx.saved(0), w = ctx.saved(1);
        double[] mean = ctx.get("mean"), rstd = ctx.get("rstd");
        Tensor g = gradOutput.to(x.dtype()).contiguous();
        int rows = mean.length;
        Tensor dx = ctx.needsInputGrad(0) ? Tensor.empty(x.dtype(), x.shape()) : null;
        double[] dw = ctx.needsInputGrad(1) ? new double[d] : null, db = ctx.needsInputGrad(2) ? new double[d] : null;
        if (rows > 0 && x.dtype() == DType.FLOAT32) {
            NormKernels.layerNormBackward(f32(g), g.storageOffset(), f32(x), x.storageOffset(), w == null ? null : f32(w),
                    w == null ? 0 : w.storageOffset(), mean, rstd, dx == null ? null : f32(dx), 0, dw, db, rows, d);
        } else if (rows > 0) {
            NormKernels.layerNormBackward(BatchNormFunction.buf(g), g.storageOffset(), BatchNormFunction.buf(x), x.storageOffset(),
                    w == null ? null : BatchNormFunction.buf(w), w == null ? 0 : w.storageOffset(), mean, rstd,
                    dx == null ? null : BatchNormFunction.buf(dx), 0, dw, db, rows, d);
        }
        int[] ws = ctx.get("weightShape"), bs = ctx.get("biasShape");
        return new Tensor[] {dx,
                dw == null ? null : Tensor.fromArray(dw, d).to(x.dtype()).reshape(ws),
                db == null ? null : Tensor.fromArray(db, d).to(x.dtype()).reshape(bs)};
    }
}
