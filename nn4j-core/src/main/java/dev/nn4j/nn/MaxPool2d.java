package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 2-D max pooling: the maximum of each window, as {@code torch.nn.MaxPool2d(kernel_size, stride=None,
 * padding=0, dilation=1, return_indices=False, ceil_mode=False)}; see {@link MaxPoolNd}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W); output with each spatial size
 * floor_or_ceil((in + 2·padding - dilation·(kernel - 1) - 1) / stride) + 1.
 *
 * <pre>{@code
 * Tensor y = new MaxPool2d(3, 2).forward(Tensor.randn(20, 16, 50, 32));
 * }</pre>
 */
public class MaxPool2d extends MaxPoolNd {
    public MaxPool2d(int kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), IntArg.of(1), false, false);
    }

    public MaxPool2d(int kernelSize, int stride) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(0), IntArg.of(1), false, false);
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(padding), IntArg.of(1), false, false);
    }

    public MaxPool2d(int[] kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), IntArg.of(1), false, false);
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public MaxPool2d(IntArg kernelSize, IntArg stride, IntArg padding, IntArg dilation, boolean returnIndices, boolean ceilMode) {
        super(2, kernelSize, stride, padding, dilation, returnIndices, ceilMode);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, pool);
    }

    @Override
    public Tensor.ValuesIndices forwardWithIndices(Tensor input) {
        return F.maxPool2dWithIndices(input, pool);
    }
}
