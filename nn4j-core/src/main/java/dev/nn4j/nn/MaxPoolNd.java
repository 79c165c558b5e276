package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.MaxPool;

/**
 * What the max-pooling modules share (PyTorch's {@code _MaxPoolNd}): kernel size, stride (default: the kernel
 * size), padding, dilation (each an int or a tuple, printed as given), {@code returnIndices} and
 * {@code ceilMode}. With {@code returnIndices}, {@link #call(Object...)} returns values and indices (for
 * {@code MaxUnpool}); {@link #forward(Tensor)} always returns the values.
 */
public abstract class MaxPoolNd extends Module {
    final IntArg kernelSize, stride, padding, dilation;
    public final boolean returnIndices;
    public final boolean ceilMode;
    final MaxPool pool;

    MaxPoolNd(int dims, IntArg kernelSize, IntArg stride, IntArg padding, IntArg dilation, boolean returnIndices, boolean ceilMode) {
        String op = getName();
        this.kernelSize = kernelSize;
        this.stride = stride != null ? stride : kernelSize;
        this.padding = padding;
        this.dilation = dilation;
        this.returnIndices = returnIndices;
        this.ceilMode = ceilMode;
        this.pool = MaxPool.opts(kernelSize.expand(dims, op, "kernel_size")).stride(this.stride.expand(dims, op, "stride"))
                .padding(padding.expand(dims, op, "padding")).dilation(dilation.expand(dims, op, "dilation")).ceilMode(ceilMode);
    }

    /** The pooled values and the flat index of each maximum in its input plane. */
    public abstract Tensor.ValuesIndices forwardWithIndices(Tensor input);

    @Override
    protected Object forwardArgs(Object[] args) {
        if (returnIndices && args.length == 1 && args[0] instanceof Tensor x) return forwardWithIndices(x);
        return super.forwardArgs(args);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + Repr.py(ceilMode);
    }
}
