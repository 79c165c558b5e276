package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Interpolate;

/**
 * Upsamples 1-D, 2-D or 3-D data (N, C, *) to a {@code size} or by a {@code scaleFactor}, as
 * {@code torch.nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None,
 * recompute_scale_factor=None)}; the forward is {@code F.interpolate}. Modes: {@code nearest},
 * {@code linear}, {@code bilinear}, {@code bicubic}, {@code trilinear}.
 *
 * <pre>{@code
 * var up = new Upsample(2.0, "bilinear", false);
 * Tensor y = up.forward(Tensor.randn(1, 1, 2, 2));   // (1, 1, 4, 4)
 * }</pre>
 */
public class Upsample extends Module {
    /** The output size (null when a scale factor is used). */
    private final IntArg size;
    /** The scale factor per dim, or one for all (null when a size is used). */
    public final double[] scaleFactor;
    private final boolean scaleScalar;
    public final String mode;
    public final Boolean alignCorners;
    public final Boolean recomputeScaleFactor;
    private final Interpolate interpolate;

    /** Scales every spatial dim by {@code scaleFactor} with nearest-neighbour interpolation. */
    public Upsample(double scaleFactor) {
        this(null, new double[] {scaleFactor}, true, "nearest", null, null);
    }

    public Upsample(double scaleFactor, String mode) {
        this(null, new double[] {scaleFactor}, true, mode, null, null);
    }

    public Upsample(double scaleFactor, String mode, Boolean alignCorners) {
        this(null, new double[] {scaleFactor}, true, mode, alignCorners, null);
    }

    /** Scales every spatial dim by {@code scaleFactor}, with all of PyTorch's options. */
    public Upsample(double scaleFactor, String mode, Boolean alignCorners, Boolean recomputeScaleFactor) {
        this(null, new double[] {scaleFactor}, true, mode, alignCorners, recomputeScaleFactor);
    }

    /** Resizes every spatial dim to {@code size}. */
    public Upsample(int size, String mode) {
        this(IntArg.of(size), null, false, mode, null, null);
    }

    /** Resizes every spatial dim to {@code size}, with all of PyTorch's options. */
    public Upsample(int size, String mode, Boolean alignCorners, Boolean recomputeScaleFactor) {
        this(IntArg.of(size), null, false, mode, alignCorners, recomputeScaleFactor);
    }

    /**
     * PyTorch's full argument list: exactly one of {@code size} (one value per spatial dim) and
     * {@code scaleFactor} (one value per spatial dim) is non-null.
     */
    public Upsample(int[] size, double[] scaleFactor, String mode, Boolean alignCorners, Boolean recomputeScaleFactor) {
        this(IntArg.of(size), scaleFactor, false, mode, alignCorners, recomputeScaleFactor);
    }

    Upsample(IntArg size, double[] scaleFactor, boolean scaleScalar, String mode, Boolean alignCorners, Boolean recomputeScaleFactor) {
        if (mode == null) throw new IllegalArgumentException(getName() + ": mode must not be null");
        this.size = size;
        this.scaleFactor = scaleFactor == null ? null : scaleFactor.clone();
        this.scaleScalar = scaleScalar;
        this.mode = mode;
        this.alignCorners = alignCorners;
        this.recomputeScaleFactor = recomputeScaleFactor;
        Interpolate o = Interpolate.opts().mode(mode).alignCorners(alignCorners).recomputeScaleFactor(recomputeScaleFactor);
        if (size != null) o = o.size(size.values());
        if (scaleFactor != null && scaleFactor.length > 0) o = o.scaleFactor(scaleFactor);
        this.interpolate = o;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.interpolate(input, interpolate);
    }

    @Override
    public String extraRepr() {
        String info;
        if (scaleFactor != null && scaleFactor.length > 0) {
            info = "scale_factor=" + (scaleScalar ? Repr.py(scaleFactor[0]) : Repr.tuple(scaleFactor));
        } else {
            info = "size=" + IntArg.repr(size);
        }
        return info + ", mode=" + mode;
    }
}
