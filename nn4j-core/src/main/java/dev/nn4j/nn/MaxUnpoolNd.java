package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.MaxUnpool;

/**
 * What the max-unpooling modules share (PyTorch's {@code _MaxUnpoolNd}): the inverse of max pooling, placing
 * each value at its index and zeros elsewhere; kernel size, stride (default: the kernel size) and padding,
 * stored as tuples. Forward takes the pooled values, the indices from {@code MaxPool(returnIndices)} and an
 * optional output size.
 */
public abstract class MaxUnpoolNd extends Module {
    public final int[] kernelSize;
    public final int[] stride;
    public final int[] padding;

    MaxUnpoolNd(int dims, IntArg kernelSize, IntArg stride, IntArg padding) {
        String op = getName();
        this.kernelSize = kernelSize.expand(dims, op, "kernel_size");
        this.stride = (stride != null ? stride : kernelSize).expand(dims, op, "stride");
        this.padding = padding.expand(dims, op, "padding");
    }

    MaxUnpool opts(int[] outputSize) {
        MaxUnpool o = MaxUnpool.opts(kernelSize).stride(stride).padding(padding);
        return outputSize == null ? o : o.outputSize(outputSize);
    }

    public Tensor forward(Tensor input, Tensor indices) {
        return forward(input, indices, null);
    }

    /** {@code outputSize}: the spatial size (or the full shape) to produce, null for the default. */
    public abstract Tensor forward(Tensor input, Tensor indices, int[] outputSize);

    @Override
    protected Object forwardArgs(Object[] a) {
        if (a.length == 2 || a.length == 3) {
            return forward((Tensor) a[0], (Tensor) a[1], a.length == 3 ? ConvTransposes.toInts(a[2]) : null);
        }
        throw new IllegalArgumentException(getName() + ".forward: expected (input, indices[, output_size]), got " + describe(a));
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride) + ", padding=" + Repr.tuple(padding);
    }

}
