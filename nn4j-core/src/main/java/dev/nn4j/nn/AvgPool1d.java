package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 1-D average pooling: the mean of each window, as {@code torch.nn.AvgPool1d(kernel_size, stride=None, padding=0,
 * ceil_mode=False, count_include_pad=True)}; see {@link AvgPoolNd}.
 *
 * <p>Shapes: input (N, C, L) or (C, L); output with each spatial size floor_or_ceil((in + 2·padding - kernel) / stride) + 1.
 *
 * <pre>{@code
 * Tensor y = new AvgPool1d(3, 2).forward(Tensor.randn(20, 16, 50));
 * }</pre>
 */
public class AvgPool1d extends AvgPoolNd {
    public AvgPool1d(int kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), false, true);
    }

    public AvgPool1d(int kernelSize, int stride) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(0), false, true);
    }

    public AvgPool1d(int kernelSize, int stride, int padding) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(padding), false, true);
    }

    public AvgPool1d(int[] kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0), false, true);
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public AvgPool1d(IntArg kernelSize, IntArg stride, IntArg padding, boolean ceilMode, boolean countIncludePad) {
        super(1, kernelSize, stride, padding, ceilMode, countIncludePad, null);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool1d(input, pool);
    }
}
