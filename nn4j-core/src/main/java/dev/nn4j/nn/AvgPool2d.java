package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 2-D average pooling: the mean of each window, as {@code torch.nn.AvgPool2d(kernel_size, stride=None, padding=0,
 * ceil_mode=False, count_include_pad=True, divisor_override=None)}; see {@link AvgPoolNd}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W); output with each spatial size floor_or_ceil((in + 2·padding - kernel) / stride) + 1.
 *
 * <pre>{@code
 * Tensor y = new AvgPool2d(3, 2).forward(Tensor.randn(20, 16, 50, 32));
 * }</pre>
 */
public class AvgPool2d extends AvgPoolNd {
    public AvgPool2d(int kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), false, true, null);
    }

    public AvgPool2d(int kernelSize, int stride) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(0), false, true, null);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(padding), false, true, null);
    }

    public AvgPool2d(int[] kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), false, true, null);
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public AvgPool2d(IntArg kernelSize, IntArg stride, IntArg padding, boolean ceilMode, boolean countIncludePad, Integer divisorOverride) {
        super(2, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, pool);
    }
}
