package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/**
 * Options of {@code interpolate} ({@code torch.nn.functional.interpolate}), also its primitive:
 * configure once, {@link #apply} many times.
 *
 * <pre>{@code
 * Tensor y = Interpolate.opts().scaleFactor(2).mode("bilinear").apply(x);   // (N, C, H, W) -> (N, C, 2H, 2W)
 * var down = Interpolate.opts().size(32, 32).mode("area");
 * Tensor z = down.apply(x);
 * }</pre>
 *
 * <p>Defaults are PyTorch's: {@code mode = "nearest"}, {@code alignCorners = null} (false for the
 * interpolating modes, and it may not be set for nearest / nearest-exact / area),
 * {@code recomputeScaleFactor = null}, {@code antialias = false}. Exactly one of {@link #size} and
 * {@link #scaleFactor} must be set. Immutable; every setter returns a new object.
 */
public final class Interpolate implements Cloneable {
    private int[] size;
    private double[] scaleFactor;
    private String mode = "nearest";
    private Boolean alignCorners;
    private Boolean recomputeScaleFactor;
    private boolean antialias;

    private Interpolate() {}

    private Interpolate copy() {
        try {
            return (Interpolate) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** New options with PyTorch's defaults. */
    public static Interpolate opts() {
        return new Interpolate();
    }

    /** Output spatial size: one value per spatial dim, or a single value used for all of them. */
    public Interpolate size(int... size) {
        var c = copy();
        c.size = size == null ? null : size.clone();
        return c;
    }

    /** Multiplier of the spatial size: one per spatial dim, or a single value used for all of them. */
    public Interpolate scaleFactor(double... scaleFactor) {
        var c = copy();
        c.scaleFactor = scaleFactor == null ? null : scaleFactor.clone();
        return c;
    }

    /** {@code nearest | nearest-exact | linear | bilinear | bicubic | trilinear | area}. */
    public Interpolate mode(String mode) {
        var c = copy();
        c.mode = mode;
        return c;
    }

    /**
     * For linear / bilinear / bicubic / trilinear: true maps the corner pixels' centers of input and output onto
     * each other; false (default) maps their corner edges (scale = in / out).
     */
    public Interpolate alignCorners(Boolean alignCorners) {
        var c = copy();
        c.alignCorners = alignCorners;
        return c;
    }

    /**
     * True: compute the output size from {@code scaleFactor}, then interpolate as if that size had been given
     * (the scale used is in/out, not the factor). Not allowed together with {@code size}.
     */
    public Interpolate recomputeScaleFactor(Boolean recomputeScaleFactor) {
        var c = copy();
        c.recomputeScaleFactor = recomputeScaleFactor;
        return c;
    }

    /** Antialiased downsampling (PIL's filters); bilinear and bicubic on 4-D inputs only. */
    public Interpolate antialias(boolean antialias) {
        var c = copy();
        c.antialias = antialias;
        return c;
    }

    /** Interpolates {@code input} of shape {@code (N, C, d1[, d2[, d3]])} with these options. */
    public Tensor apply(Tensor input) {
        return interpolate(input, size, scaleFactor, mode, alignCorners, recomputeScaleFactor, antialias);
    }

    private static final String MODES = "nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact";

    static Tensor interpolate(Tensor input, int[] size, double[] scaleFactor, String mode, Boolean alignCorners,
                              Boolean recomputeScaleFactor, boolean antialias) {
        if (input == null) throw new IllegalArgumentException("interpolate: input must not be null");
        if (mode == null) throw new IllegalArgumentException("interpolate: mode must not be null; expected one of " + MODES);
        boolean nearestLike = switch (mode) {
            case "nearest", "nearest-exact", "area" -> true;
            case "linear", "bilinear", "bicubic", "trilinear" -> false;
            default -> throw new IllegalArgumentException("interpolate: unknown mode '" + mode + "'; expected one of " + MODES);
        };
        if (nearestLike && alignCorners != null) {
            throw new IllegalArgumentException("interpolate: align_corners option can only be set with the interpolating modes: "
                    + "linear | bilinear | bicubic | trilinear (got mode '" + mode + "')");
        }
        boolean align = alignCorners != null && alignCorners;
        int nd = input.dim();
        if (nd < 3 || nd > 5) {
            throw new IllegalArgumentException("interpolate: only 3D, 4D and 5D input tensors (N, C, d1, ...) are supported, got "
                    + nd + "D input of shape " + Shapes.str(input.shape()) + " (mode '" + mode + "')");
        }
        int dim = nd - 2;
        int[] inSize = Arrays.copyOfRange(input.shape(), 2, nd);
        int[] outSize;
        Double[] scales = new Double[dim];
        if (size != null && scaleFactor != null) {
            throw new IllegalArgumentException("interpolate: only one of size or scale_factor should be defined");
        } else if (size != null) {
            outSize = expand("size", size, dim, inSize);
        } else if (scaleFactor != null) {
            if (scaleFactor.length != 1 && scaleFactor.length != dim) {
                throw new IllegalArgumentException("interpolate: input and scale_factor must have the same number of spatial dimensions, "
                        + "but got input with spatial dimensions of " + Arrays.toString(inSize) + " and scale_factor of shape "
                        + Arrays.toString(scaleFactor) + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and "
                        + "scale_factor in (s1, s2, ...,sK) format.");
            }
            outSize = new int[dim];
            for (int i = 0; i < dim; i++) {
                double s = scaleFactor[scaleFactor.length == 1 ? 0 : i];
                if (!(s > 0) || Double.isInfinite(s)) {
                    throw new IllegalArgumentException("interpolate: scale_factor must be positive and finite, got " + Arrays.toString(scaleFactor));
                }
                scales[i] = s;
                // ATen: output size = (int64) (input size * scale) in double; Python's recompute path floors too
                outSize[i] = (int) Math.floor(inSize[i] * s);
            }
        } else {
            throw new IllegalArgumentException("interpolate: either size or scale_factor should be defined");
        }
        if (recomputeScaleFactor != null && recomputeScaleFactor && size != null) {
            throw new IllegalArgumentException("interpolate: recompute_scale_factor is not meaningful with an explicit size.");
        }
        // "area" always works from the output size (Python sets recompute_scale_factor for it)
        if ((recomputeScaleFactor != null && recomputeScaleFactor) || mode.equals("area")) Arrays.fill(scales, null);
        if (antialias && !((mode.equals("bilinear") || mode.equals("bicubic")) && nd == 4)) {
            throw new IllegalArgumentException("interpolate: anti-alias option is only supported for bilinear and bicubic modes "
                    + "on 4D input, got mode '" + mode + "' and " + nd + "D input");
        }
        int wantDim = switch (mode) {
            case "linear" -> 3;
            case "bilinear", "bicubic" -> 4;
            case "trilinear" -> 5;
            default -> nd;
        };
        if (wantDim != nd) {
            throw new IllegalArgumentException("interpolate: got " + nd + "D input of shape " + Shapes.str(input.shape())
                    + ", but " + mode + " mode needs " + wantDim + "D input");
        }
        for (int i = 0; i < dim; i++) {
            if (inSize[i] <= 0 || outSize[i] <= 0) {
                throw new IllegalArgumentException("interpolate: input and output sizes should be greater than 0, but got input "
                        + Arrays.toString(inSize) + " and output " + Arrays.toString(outSize));
            }
        }
        if (!input.isFloatingPoint() && !mode.startsWith("nearest")) {
            throw new IllegalArgumentException("interpolate: mode '" + mode + "' expects a floating point input, got " + input.dtype());
        }
        boolean single = input.dtype() == dev.nn4j.DType.FLOAT32;
        Tensor x = input;
        for (int i = dim - 1; i >= 0; i--) {
            Taps taps = switch (mode) {
                case "nearest" -> Taps.nearest(inSize[i], outSize[i], scales[i], single);
                case "nearest-exact" -> Taps.nearestExact(inSize[i], outSize[i], scales[i], single);
                case "area" -> Taps.area(inSize[i], outSize[i]);
                case "bicubic" -> antialias ? Taps.antialias(inSize[i], outSize[i], align, scales[i], 4, single)
                        : Taps.cubic(inSize[i], outSize[i], align, scales[i], single);
                default -> antialias ? Taps.antialias(inSize[i], outSize[i], align, scales[i], 2, single)
                        : Taps.linear(inSize[i], outSize[i], align, scales[i], single);
            };
            if (x.isFloatingPoint()) {
                x = Resample1d.apply(x, i + 2, taps);
            } else {
                x = x.indexSelect(i + 2, Tensor.fromArray(Arrays.stream(taps.index()).asLongStream().toArray(), taps.index().length));
            }
        }
        return x;
    }

    private static int[] expand(String what, int[] v, int dim, int[] inSize) {
        if (v.length == 1) {
            int[] r = new int[dim];
            Arrays.fill(r, v[0]);
            return r;
        }
        if (v.length != dim) {
            throw new IllegalArgumentException("interpolate: input and output must have the same number of spatial dimensions, but got "
                    + "input with spatial dimensions of " + Arrays.toString(inSize) + " and output " + what + " of "
                    + Arrays.toString(v) + ". Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in "
                    + "(o1, o2, ...,oK) format.");
        }
        return v.clone();
    }
}
