package dev.nn4j.nn;

/**
 * 2-D bilinear upsampling of (N, C, H, W) with {@code align_corners=True}, as
 * {@code torch.nn.UpsamplingBilinear2d(size=None, scale_factor=None)} (deprecated in PyTorch in favour of
 * {@link Upsample}).
 *
 * <pre>{@code
 * Tensor y = new UpsamplingBilinear2d(2.0).forward(Tensor.randn(1, 1, 2, 2));   // (1, 1, 4, 4)
 * }</pre>
 */
public class UpsamplingBilinear2d extends Upsample {
    public UpsamplingBilinear2d(double scaleFactor) {
        super(null, new double[] {scaleFactor}, true, "bilinear", true, null);
    }

    public UpsamplingBilinear2d(int size) {
        super(IntArg.of(size), null, false, "bilinear", true, null);
    }

    /** Exactly one of {@code size} and {@code scaleFactor} is non-null. */
    public UpsamplingBilinear2d(int[] size, double[] scaleFactor) {
        super(IntArg.of(size), scaleFactor, false, "bilinear", true, null);
    }
}
