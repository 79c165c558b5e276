package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 3-D average pooling: the mean of each window, as {@code torch.nn.AvgPool3d(kernel_size, stride=None, padding=0,
 * ceil_mode=False, count_include_pad=True, divisor_override=None)}; see {@link AvgPoolNd}.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W); output with each spatial size floor_or_ceil((in + 2·padding - kernel) / stride) + 1.
 *
 * <pre>{@code
 * Tensor y = new AvgPool3d(3, 2).forward(Tensor.randn(20, 16, 10, 12, 8));
 * }</pre>
 */
public class AvgPool3d extends AvgPoolNd {
    public AvgPool3d(int kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), false, true, null);
    }

    public AvgPool3d(int kernelSize, int stride) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(0), false, true, null);
    }

    public AvgPool3d(int kernelSize, int stride, int padding) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(padding), false, true, null);
    }

    public AvgPool3d(int[] kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), false, true, null);
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public AvgPool3d(IntArg kernelSize, IntArg stride, IntArg padding, boolean ceilMode, boolean countIncludePad, Integer divisorOverride) {
        super(3, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool3d(input, pool);
    }
}
