package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 1-D max pooling: the maximum of each window, as {@code torch.nn.MaxPool1d(kernel_size, stride=None,
 * padding=0, dilation=1, return_indices=False, ceil_mode=False)}; see {@link MaxPoolNd}.
 *
 * <p>Shapes: input (N, C, L) or (C, L); output with each spatial size
 * floor_or_ceil((in + 2·padding - dilation·(kernel - 1) - 1) / stride) + 1.
 *
 * <pre>{@code
 * Tensor y = new MaxPool1d(3, 2).forward(Tensor.randn(20, 16, 50));
 * }</pre>
 */
public class MaxPool1d extends MaxPoolNd {
    public MaxPool1d(int kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), IntArg.of(1), false, false);
    }

    public MaxPool1d(int kernelSize, int stride) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(0), IntArg.of(1), false, false);
    }

    public MaxPool1d(int kernelSize, int stride, int padding) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(padding), IntArg.of(1), false, false);
    }

    public MaxPool1d(int[] kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), IntArg.of(1), false, false);
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public MaxPool1d(IntArg kernelSize, IntArg stride, IntArg padding, IntArg dilation, boolean returnIndices, boolean ceilMode) {
        super(1, kernelSize, stride, padding, dilation, returnIndices, ceilMode);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool1d(input, pool);
    }

    @Override
    public Tensor.ValuesIndices forwardWithIndices(Tensor input) {
        return F.maxPool1dWithIndices(input, pool);
    }
}
