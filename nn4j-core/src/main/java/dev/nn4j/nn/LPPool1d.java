package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 1-D power-average pooling, (Σ_window x^p)^(1/p) (p = 1: sum pooling, p = ∞: max pooling), as
 * {@code torch.nn.LPPool1d(norm_type, kernel_size, stride=None, ceil_mode=False)}; see {@link LPPoolNd}.
 *
 * <p>Shapes: input (N, C, L) or (C, L); output with each spatial size floor_or_ceil((in - kernel) / stride) + 1.
 *
 * <pre>{@code
 * Tensor y = new LPPool1d(2, 3).forward(Tensor.randn(20, 16, 50));
 * }</pre>
 */
public class LPPool1d extends LPPoolNd {
    public LPPool1d(Number normType, int kernelSize) {
        this(normType, IntArg.of(kernelSize), null, false);
    }

    public LPPool1d(Number normType, int[] kernelSize) {
        this(normType, IntArg.of(kernelSize), null, false);
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public LPPool1d(Number normType, IntArg kernelSize, IntArg stride, boolean ceilMode) {
        super(1, normType, kernelSize, stride, ceilMode);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.lpPool1d(input, normType.doubleValue(), kernel, strideValues, ceilMode);
    }
}
