package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;

/**
 * Options of {@code gridSample} ({@code torch.nn.functional.grid_sample}), also its primitive.
 *
 * <pre>{@code
 * var sampler = GridSample.opts().mode("bilinear").paddingMode("border").alignCorners(true);
 * Tensor warped = sampler.apply(image, grid);   // image (N, C, H, W), grid (N, Ho, Wo, 2) -> (N, C, Ho, Wo)
 * }</pre>
 *
 * <p>Defaults are PyTorch's: {@code mode = "bilinear"}, {@code paddingMode = "zeros"},
 * {@code alignCorners = false}. Immutable; every setter returns a new object.
 */
public final class GridSample implements Cloneable {
    private String mode = "bilinear";
    private String paddingMode = "zeros";
    private boolean alignCorners;

    private GridSample() {}

    private GridSample copy() {
        try {
            return (GridSample) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** New options with PyTorch's defaults. */
    public static GridSample opts() {
        return new GridSample();
    }

    /** {@code bilinear} (default), {@code nearest}, or {@code bicubic} (4-D input only). */
    public GridSample mode(String mode) {
        var c = copy();
        c.mode = mode;
        return c;
    }

    /** Values outside the input: {@code zeros} (default), {@code border} (clamped), {@code reflection}. */
    public GridSample paddingMode(String paddingMode) {
        var c = copy();
        c.paddingMode = paddingMode;
        return c;
    }

    /** True: grid values -1 and 1 are the centers of the corner pixels; false (default): their outer edges. */
    public GridSample alignCorners(boolean alignCorners) {
        var c = copy();
        c.alignCorners = alignCorners;
        return c;
    }

    /** Samples {@code input} at the locations of {@code grid}. */
    public Tensor apply(Tensor input, Tensor grid) {
        return gridSample(input, grid, mode, paddingMode, alignCorners);
    }

    static Tensor gridSample(Tensor input, Tensor grid, String mode, String paddingMode, boolean alignCorners) {
        if (input == null || grid == null) throw new IllegalArgumentException("grid_sample: input and grid must not be null");
        int m = switch (mode == null ? "" : mode) {
            case "bilinear" -> GridSampler.BILINEAR;
            case "nearest" -> GridSampler.NEAREST;
            case "bicubic" -> GridSampler.BICUBIC;
            default -> throw new IllegalArgumentException("grid_sample: expected mode to be 'bilinear', 'nearest' or 'bicubic', but got: '"
                    + mode + "'");
        };
        int p = switch (paddingMode == null ? "" : paddingMode) {
            case "zeros" -> GridSampler.ZEROS;
            case "border" -> GridSampler.BORDER;
            case "reflection" -> GridSampler.REFLECTION;
            default -> throw new IllegalArgumentException("grid_sample: expected padding_mode to be 'zeros', 'border', or 'reflection', "
                    + "but got: '" + paddingMode + "'");
        };
        int nd = input.dim();
        if (nd != 4 && nd != 5) {
            throw new IllegalArgumentException("grid_sample: expected 4D or 5D input (N, C, [D,] H, W), but got input of shape "
                    + Shapes.str(input.shape()));
        }
        if (grid.dim() != nd) {
            throw new IllegalArgumentException("grid_sample: expected grid to have the same number of dimensions as input ("
                    + nd + "), but got grid of shape " + Shapes.str(grid.shape()) + " for input of shape " + Shapes.str(input.shape()));
        }
        if (grid.size(0) != input.size(0)) {
            throw new IllegalArgumentException("grid_sample: expected grid and input to have same batch size, but got input of shape "
                    + Shapes.str(input.shape()) + " and grid of shape " + Shapes.str(grid.shape()));
        }
        if (grid.size(-1) != nd - 2) {
            throw new IllegalArgumentException("grid_sample: expected grid to have size " + (nd - 2) + " in last dimension, but got grid of shape "
                    + Shapes.str(grid.shape()));
        }
        if (m == GridSampler.BICUBIC && nd != 4) {
            throw new IllegalArgumentException("grid_sample: bicubic interpolation only supports 4D input, got input of shape "
                    + Shapes.str(input.shape()));
        }
        for (int d = 2; d < nd; d++) {
            if (input.size(d) <= 0) {
                throw new IllegalArgumentException("grid_sample: expected input to have non-empty spatial dimensions, but got input of shape "
                        + Shapes.str(input.shape()));
            }
        }
        if (!input.isFloatingPoint() || !grid.isFloatingPoint()) {
            throw new IllegalArgumentException("grid_sample: expected floating point input and grid, got " + input.dtype() + " and " + grid.dtype());
        }
        if (input.dtype() != grid.dtype()) {
            throw new IllegalArgumentException("grid_sample: expected input and grid to have the same dtype, but input has "
                    + input.dtype() + " and grid has " + grid.dtype());
        }
        return new GridSampler(m, p, alignCorners).apply(input, grid);
    }
}
