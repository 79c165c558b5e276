package dev.nn4j.nn;

/**
 * 2-D nearest-neighbour upsampling of (N, C, H, W), as {@code torch.nn.UpsamplingNearest2d(size=None,
 * scale_factor=None)} (deprecated in PyTorch in favour of {@link Upsample}).
 *
 * <pre>{@code
 * Tensor y = new UpsamplingNearest2d(2.0).forward(Tensor.randn(1, 1, 2, 2));   // (1, 1, 4, 4)
 * }</pre>
 */
public class UpsamplingNearest2d extends Upsample {
    public UpsamplingNearest2d(double scaleFactor) {
        super(null, new double[] {scaleFactor}, true, "nearest", null, null);
    }

    public UpsamplingNearest2d(int size) {
        super(IntArg.of(size), null, false, "nearest", null, null);
    }

    /** Exactly one of {@code size} and {@code scaleFactor} is non-null. */
    public UpsamplingNearest2d(int[] size, double[] scaleFactor) {
        super(IntArg.of(size), scaleFactor, false, "nearest", null, null);
    }
}
