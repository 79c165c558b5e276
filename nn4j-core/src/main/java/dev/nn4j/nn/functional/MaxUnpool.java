package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * Options of {@code maxUnpool1d/2d/3d} and the max-unpooling primitive: PyTorch's {@code kernel_size}
 * (required), {@code stride=kernel_size, padding=0, output_size=None}. Immutable. The defaults describe the
 * max pooling being undone; the output size defaults to {@code (in - 1) * stride - 2 * padding + kernel}.
 *
 * <pre>{@code
 * var vi = F.maxPool2dWithIndices(x, MaxPool.opts(2));
 * Tensor up = F.maxUnpool2d(vi.values(), vi.indices(), MaxUnpool.opts(2));   // zeros except at the maxima
 * }</pre>
 */
public final class MaxUnpool {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputSize;

    private MaxUnpool(int[] kernelSize, int[] stride, int[] padding, int[] outputSize) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.outputSize = outputSize;
    }

    /** Undoes a max pooling with windows of {@code kernelSize} (one value or one per spatial dim). */
    public static MaxUnpool opts(int... kernelSize) {
        return new MaxUnpool(ConvArgs.positive("MaxUnpool", "kernel_size", kernelSize), null, new int[] {0}, null);
    }

    /** The pooling's stride; PyTorch's default ({@code None}) is the kernel size. */
    public MaxUnpool stride(int... stride) {
        return new MaxUnpool(kernelSize, ConvArgs.positive("MaxUnpool", "stride", stride), padding, outputSize);
    }

    public MaxUnpool padding(int... padding) {
        return new MaxUnpool(kernelSize, stride, ConvArgs.nonNegative("MaxUnpool", "padding", padding), outputSize);
    }

    /** The exact output size: the spatial sizes, optionally preceded by the leading (N, C) sizes; null = default. */
    public MaxUnpool outputSize(int... outputSize) {
        return new MaxUnpool(kernelSize, stride, padding, outputSize == null ? null : outputSize.clone());
    }

    public int[] kernelSize() { return kernelSize.clone(); }
    public int[] stride() { return stride == null ? null : stride.clone(); }
    public int[] padding() { return padding.clone(); }
    public int[] outputSize() { return outputSize == null ? null : outputSize.clone(); }

    /** Unpools a batched input (N, C, *spatial) with the indices of the max pooling. */
    public Tensor apply(Tensor input, Tensor indices) {
        int dims = Pooling.primitiveDims("MaxUnpool.apply", input);
        return Pooling.maxUnpool("maxUnpool" + dims + "d", dims, input, indices, this);
    }

    @Override
    public String toString() {
        return "MaxUnpool(kernel_size=" + Arrays.toString(kernelSize) + ", stride=" + (stride == null ? "None" : Arrays.toString(stride))
                + ", padding=" + Arrays.toString(padding) + ", output_size=" + (outputSize == null ? "None" : Arrays.toString(outputSize)) + ")";
    }
}
