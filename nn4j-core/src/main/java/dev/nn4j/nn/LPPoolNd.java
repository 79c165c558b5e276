package dev.nn4j.nn;

/**
 * What the power-average pooling modules share (PyTorch's {@code _LPPoolNd}): the norm p ({@code normType},
 * kept as given), kernel size, stride (null: the kernel size; printed as None) and {@code ceilMode}.
 */
public abstract class LPPoolNd extends Module {
    public final Number normType;
    final IntArg kernelSize, stride;
    public final boolean ceilMode;
    final int[] kernel, strideValues;

    LPPoolNd(int dims, Number normType, IntArg kernelSize, IntArg stride, boolean ceilMode) {
        String op = getName();
        Repr.num(op, "norm_type", normType);
        this.normType = normType;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.ceilMode = ceilMode;
        this.kernel = kernelSize.expand(dims, op, "kernel_size");
        this.strideValues = stride == null ? null : stride.expand(dims, op, "stride");
    }

    @Override
    public String extraRepr() {
        return "norm_type=" + Repr.py(normType) + ", kernel_size=" + kernelSize + ", stride=" + IntArg.repr(stride) + ", ceil_mode=" + Repr.py(ceilMode);
    }
}
