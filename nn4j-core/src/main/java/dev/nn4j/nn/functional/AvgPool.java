package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * Options of {@code avgPool1d/2d/3d} and the average-pooling primitive: PyTorch's {@code kernel_size}
 * (required), {@code stride=kernel_size, padding=0, ceil_mode=False, count_include_pad=True,
 * divisor_override=None}. Immutable; every setter returns a new object. A size given as one int applies to
 * every spatial dim.
 *
 * <p>Each output is the window sum divided by the window size: the part inside the padded input when
 * {@code countIncludePad}, the part inside the input otherwise, or {@code divisorOverride} when set.
 *
 * <pre>{@code
 * Tensor y = F.avgPool2d(x, AvgPool.opts(3).stride(2).padding(1).countIncludePad(false));
 * }</pre>
 */
public final class AvgPool {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    private final Integer divisorOverride;

    private AvgPool(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad, Integer divisorOverride) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    /** Windows of {@code kernelSize} (one value or one per spatial dim), stride = kernel size, no padding. */
    public static AvgPool opts(int... kernelSize) {
        return new AvgPool(ConvArgs.positive("AvgPool", "kernel_size", kernelSize), null, new int[] {0}, false, true, null);
    }

    /** Step between windows; PyTorch's default ({@code None}) is the kernel size. */
    public AvgPool stride(int... stride) {
        return new AvgPool(kernelSize, ConvArgs.positive("AvgPool", "stride", stride), padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** Implicit zero padding on both sides; at most half the kernel size. */
    public AvgPool padding(int... padding) {
        return new AvgPool(kernelSize, stride, ConvArgs.nonNegative("AvgPool", "padding", padding), ceilMode, countIncludePad, divisorOverride);
    }

    /** Use ceil instead of floor for the output size. */
    public AvgPool ceilMode(boolean ceilMode) {
        return new AvgPool(kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** Whether the zero padding counts in the divisor (PyTorch default true). */
    public AvgPool countIncludePad(boolean countIncludePad) {
        return new AvgPool(kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** Divide every window sum by this value instead (not 0); null restores the default. */
    public AvgPool divisorOverride(Integer divisorOverride) {
        if (divisorOverride != null && divisorOverride == 0) {
            throw new IllegalArgumentException("AvgPool: divisor_override must not be zero");
        }
        return new AvgPool(kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    public int[] kernelSize() { return kernelSize.clone(); }
    /** The stride, or null for PyTorch's default (the kernel size). */
    public int[] stride() { return stride == null ? null : stride.clone(); }
    public int[] padding() { return padding.clone(); }
    public boolean ceilMode() { return ceilMode; }
    public boolean countIncludePad() { return countIncludePad; }
    /** The divisor override, or null. */
    public Integer divisorOverride() { return divisorOverride; }

    /** Average-pools a batched input (N, C, *spatial) over its {@code x.dim() - 2} spatial dims. */
    public Tensor apply(Tensor input) {
        int dims = Pooling.primitiveDims("AvgPool.apply", input);
        return Pooling.avgPool("avgPool" + dims + "d", dims, input, this);
    }

    @Override
    public String toString() {
        return "AvgPool(kernel_size=" + Arrays.toString(kernelSize) + ", stride=" + (stride == null ? "None" : Arrays.toString(stride))
                + ", padding=" + Arrays.toString(padding) + ", ceil_mode=" + ceilMode + ", count_include_pad=" + countIncludePad
                + ", divisor_override=" + (divisorOverride == null ? "None" : divisorOverride) + ")";
    }
}
