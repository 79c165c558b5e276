package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;

/** The activation functions behind {@link F}: composites of tensor ops (their gradients come for free). */
final class Activations {
    private Activations() {}

    static int wrapDim(String op, int dim, int ndim) {
        return Shapes.wrapDim(op, dim, Math.max(ndim, 1));
    }

    /** Reference softmax: exp(x - max) / sum(exp(x - max)); the max is a constant for autograd. */
    static Tensor softmaxComposite(Tensor x, int dim) {
        int d = wrapDim("softmax", dim, x.dim());
        if (x.dim() == 0) return x.sub(x.detach()).exp();
        Tensor m = x.detach().amax(new int[] {d}, true);
        m = Tensor.where(m.isinf(), 0.0, m);
        Tensor e = x.sub(m).exp();
        return e.div(e.sum(d, true));
    }

    /** Reference log-softmax: x - max - log(sum(exp(x - max))). */
    static Tensor logSoftmaxComposite(Tensor x, int dim) {
        int d = wrapDim("log_softmax", dim, x.dim());
        if (x.dim() == 0) return x.sub(x.detach()).mul(0.0);
        Tensor m = x.detach().amax(new int[] {d}, true);
        m = Tensor.where(m.isinf(), 0.0, m);
        Tensor shifted = x.sub(m);
        return shifted.sub(shifted.exp().sum(d, true).log());
    }

    static Tensor softmax(Tensor x, int dim, DType dtype) {
        checkFloat("softmax", x, dtype);
        return softmaxComposite(dtype == null ? x : x.to(dtype), dim);
    }

    static Tensor logSoftmax(Tensor x, int dim, DType dtype) {
        checkFloat("log_softmax", x, dtype);
        return logSoftmaxComposite(dtype == null ? x : x.to(dtype), dim);
    }

    static void checkFloat(String op, Tensor x, DType dtype) {
        DType dt = dtype == null ? x.dtype() : dtype;
        if (!dt.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point input (or dtype), got " + dt);
        }
    }
}
