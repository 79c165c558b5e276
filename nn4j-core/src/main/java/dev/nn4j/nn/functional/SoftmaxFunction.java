package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.SoftmaxKernels;
import dev.nn4j.internal.Shapes;
import dev.nn4j.internal.Storage;

/**
 * Softmax / log-softmax as one fused primitive (the hottest ops of classification and attention). The
 * backward reads only the output: softmax {@code gx = y * (g - sum(g * y))}, log-softmax
 * {@code gx = g - exp(y) * sum(g)}. {@link Activations#softmaxComposite} is its reference twin.
 */
final class SoftmaxFunction extends Function {
    private final int dim;
    private final boolean log;

    SoftmaxFunction(int dim, boolean log) {
        this.dim = dim;
        this.log = log;
    }

    @Override
    protected String name() {
        return log ? "LogSoftmaxBackward0" : "SoftmaxBackward0";
    }

    /** (outer, n, inner) of a contiguous tensor viewed around axis {@code d}. */
    private static int[] split(int[] shape, int d) {
        if (shape.length == 0) return new int[] {1, 1, 1};
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= shape[i];
        for (int i = d + 1; i < shape.length; i++) inner *= shape[i];
        return new int[] {outer, shape[d], inner};
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0].contiguous();
        int d = x.dim() == 0 ? 0 : Shapes.wrapDim(log ? "log_softmax" : "softmax", dim, x.dim());
        int[] s = split(x.shape(), d);
        Tensor y = Tensor.empty(x.dtype(), x.shape());
        if (x.numel() > 0) {
            if (x.dtype() == DType.FLOAT32) {
                SoftmaxKernels.forward(((Storage.F32) x.storage()).data, x.storageOffset(), ((Storage.F32) y.storage()).data, 0,
                        s[0], s[1], s[2], log);
            } else {
                SoftmaxKernels.forward(((Storage.F64) x.storage()).data, x.storageOffset(), ((Storage.F64) y.storage()).data, 0,
                        s[0], s[1], s[2], log);
            }
        }
        ctx.saveForBackward(y);
        ctx.put("split", s);
        return y;
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor y = ctx.saved(0);
        int[] s = ctx.get("split");
        Tensor g = gradOutput.to(y.dtype()).contiguous();
        Tensor gx = Tensor.empty(y.dtype(), y.shape());
        if (y.numel() > 0) {
            if (y.dtype() == DType.FLOAT32) {
                SoftmaxKernels.backward(((Storage.F32) g.storage()).data, g.storageOffset(), ((Storage.F32) y.storage()).data,
                        y.storageOffset(), ((Storage.F32) gx.storage()).data, 0, s[0], s[1], s[2], log);
            } else {
                SoftmaxKernels.backward(((Storage.F64) g.storage()).data, g.storageOffset(), ((Storage.F64) y.storage()).data,
                        y.storageOffset(), ((Storage.F64) gx.storage()).data, 0, s[0], s[1], s[2], log);
            }
        }
        return new Tensor[] {gx};
    }
}
