package dev.nn4j.nn;

import dev.nn4j.nn.functional.AvgPool;

/**
 * What the average-pooling modules share (PyTorch's {@code _AvgPoolNd}): kernel size, stride (default: the
 * kernel size), padding, {@code ceilMode}, {@code countIncludePad} and (2-D, 3-D) {@code divisorOverride}.
 */
public abstract class AvgPoolNd extends Module {
    final IntArg kernelSize, stride, padding;
    public final boolean ceilMode;
    public final boolean countIncludePad;
    public final Integer divisorOverride;
    final AvgPool pool;

    AvgPoolNd(int dims, IntArg kernelSize, IntArg stride, IntArg padding, boolean ceilMode, boolean countIncludePad, Integer divisorOverride) {
        String op = getName();
        this.stride = stride != null ? stride : kernelSize;
        // AvgPool1d stores tuples (_single); 2-D and 3-D keep the arguments as given
        this.kernelSize = dims == 1 ? IntArg.of(kernelSize.expand(1, op, "kernel_size")) : kernelSize;
        this.padding = dims == 1 ? IntArg.of(padding.expand(1, op, "padding")) : padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
        this.pool = AvgPool.opts(kernelSize.expand(dims, op, "kernel_size")).stride(this.stride.expand(dims, op, "stride"))
                .padding(padding.expand(dims, op, "padding")).ceilMode(ceilMode).countIncludePad(countIncludePad).divisorOverride(divisorOverride);
    }

    @Override
    public String extraRepr() {
        IntArg s = this instanceof AvgPool1d ? IntArg.of(stride.expand(1, getName(), "stride")) : stride;
        return "kernel_size=" + kernelSize + ", stride=" + s + ", padding=" + padding;
    }
}
