package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 3-D power-average pooling, (Σ_window x^p)^(1/p) (p = 1: sum pooling, p = ∞: max pooling), as
 * {@code torch.nn.LPPool3d(norm_type, kernel_size, stride=None, ceil_mode=False)}; see {@link LPPoolNd}.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W); output with each spatial size floor_or_ceil((in - kernel) / stride) + 1.
 *
 * <pre>{@code
 * Tensor y = new LPPool3d(2, 3).forward(Tensor.randn(20, 16, 10, 12, 8));
 * }</pre>
 */
public class LPPool3d extends LPPoolNd {
    public LPPool3d(Number normType, int kernelSize) {
        this(normType, IntArg.of(kernelSize), null, false);
    }

    public LPPool3d(Number normType, int[] kernelSize) {
        this(normType, IntArg.of(kernelSize), null, false);
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public LPPool3d(Number normType, IntArg kernelSize, IntArg stride, boolean ceilMode) {
        super(3, normType, kernelSize, stride, ceilMode);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.lpPool3d(input, normType.doubleValue(), kernel, strideValues, ceilMode);
    }
}
