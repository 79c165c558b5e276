package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * Options of {@code maxPool1d/2d/3d} and the max-pooling primitive: PyTorch's {@code kernel_size} (required),
 * {@code stride=kernel_size, padding=0, dilation=1, ceil_mode=False}. Immutable; every setter returns a new
 * object. A size given as one int applies to every spatial dim.
 *
 * <p>Output size per spatial dim: {@code floor_or_ceil((in + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1};
 * with {@code ceilMode} a last window that would start inside the right padding is dropped. Padding counts as
 * {@code -inf} and must be at most half the kernel size.
 *
 * <pre>{@code
 * var pool = MaxPool.opts(3).stride(2).padding(1);
 * Tensor y = F.maxPool2d(x, pool);                    // (N, C, H, W) -> (N, C, ceil(H/2), ceil(W/2)) for odd H, W
 * Tensor.ValuesIndices vi = F.maxPool2dWithIndices(x, pool);
 * Tensor z = pool.apply(x);                           // batched input: dims = x.dim() - 2
 * }</pre>
 */
public final class MaxPool {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    private MaxPool(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    /** Windows of {@code kernelSize} (one value or one per spatial dim), stride = kernel size, no padding. */
    public static MaxPool opts(int... kernelSize) {
        return new MaxPool(ConvArgs.positive("MaxPool", "kernel_size", kernelSize), null, new int[] {0}, new int[] {1}, false);
    }

    /** Step between windows; PyTorch's default ({@code None}) is the kernel size. */
    public MaxPool stride(int... stride) {
        return new MaxPool(kernelSize, ConvArgs.positive("MaxPool", "stride", stride), padding, dilation, ceilMode);
    }

    /** Implicit {@code -inf} padding on both sides; at most half the kernel size. */
    public MaxPool padding(int... padding) {
        return new MaxPool(kernelSize, stride, ConvArgs.nonNegative("MaxPool", "padding", padding), dilation, ceilMode);
    }

    /** Spacing between the elements of a window. */
    public MaxPool dilation(int... dilation) {
        return new MaxPool(kernelSize, stride, padding, ConvArgs.positive("MaxPool", "dilation", dilation), ceilMode);
    }

    /** Use ceil instead of floor for the output size (windows may run past the right edge). */
    public MaxPool ceilMode(boolean ceilMode) {
        return new MaxPool(kernelSize, stride, padding, dilation, ceilMode);
    }

    public int[] kernelSize() { return kernelSize.clone(); }
    /** The stride, or null for PyTorch's default (the kernel size). */
    public int[] stride() { return stride == null ? null : stride.clone(); }
    public int[] padding() { return padding.clone(); }
    public int[] dilation() { return dilation.clone(); }
    public boolean ceilMode() { return ceilMode; }

    /** Max-pools a batched input (N, C, *spatial) over its {@code x.dim() - 2} spatial dims. */
    public Tensor apply(Tensor input) {
        int dims = Pooling.primitiveDims("MaxPool.apply", input);
        return Pooling.maxPoolValues("maxPool" + dims + "d", dims, input, this);
    }

    /** As {@link #apply}, also returning the flat index of each maximum within its input plane (int64). */
    public Tensor.ValuesIndices applyWithIndices(Tensor input) {
        int dims = Pooling.primitiveDims("MaxPool.apply", input);
        return Pooling.maxPool("maxPool" + dims + "d", dims, input, this);
    }

    @Override
    public String toString() {
        return "MaxPool(kernel_size=" + Arrays.toString(kernelSize) + ", stride=" + (stride == null ? "None" : Arrays.toString(stride))
                + ", padding=" + Arrays.toString(padding) + ", dilation=" + Arrays.toString(dilation) + ", ceil_mode=" + ceilMode + ")";
    }
}
