package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/**
 * The vision functions behind {@link F}: pixel (un)shuffle, channel shuffle and affine grids as composites
 * of views, and the entry points of {@link Pad}, {@link Interpolate} and {@link GridSample}.
 */
final class Vision {
    private Vision() {}

    /** (*, C r^2, H, W) -> (*, C, H r, W r). */
    static Tensor pixelShuffle(Tensor x, int r) {
        String op = "pixel_shuffle";
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
        if (x.dim() < 3) {
            throw new IllegalArgumentException(op + ": expects its input to have at least 3 dimensions, but got input of shape "
                    + Shapes.str(x.shape()));
        }
        if (r <= 0) throw new IllegalArgumentException(op + ": expects a positive upscale_factor, but got " + r);
        int nd = x.dim(), c = x.size(-3), h = x.size(-2), w = x.size(-1);
        if (c % (r * r) != 0) {
            throw new IllegalArgumentException(op + ": expects input channel to be divisible by square of upscale_factor, but input.size(-3)="
                    + c + " is not divisible by " + r * r + " (input of shape " + Shapes.str(x.shape()) + ")");
        }
        int[] batch = Arrays.copyOfRange(x.shape(), 0, nd - 3);
        int oc = c / (r * r);
        Tensor v = x.reshape(concat(batch, oc, r, r, h, w));
        int b = batch.length;
        // (*, oc, r, r, h, w) -> (*, oc, h, r, w, r)
        v = v.permute(concat(range(b), b, b + 3, b + 1, b + 4, b + 2));
        return v.reshape(concat(batch, oc, h * r, w * r));
    }

    /** (*, C, H r, W r) -> (*, C r^2, H, W). */
    static Tensor pixelUnshuffle(Tensor x, int r) {
        String op = "pixel_unshuffle";
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
        if (x.dim() < 3) {
            throw new IllegalArgumentException(op + ": expects its input to have at least 3 dimensions, but got input of shape "
                    + Shapes.str(x.shape()));
        }
        if (r <= 0) throw new IllegalArgumentException(op + ": expects a positive downscale_factor, but got " + r);
        int nd = x.dim(), c = x.size(-3), h = x.size(-2), w = x.size(-1);
        if (h % r != 0 || w % r != 0) {
            throw new IllegalArgumentException(op + ": expects height and width to be divisible by downscale_factor " + r
                    + ", but got input of shape " + Shapes.str(x.shape()));
        }
        int[] batch = Arrays.copyOfRange(x.shape(), 0, nd - 3);
        int oh = h / r, ow = w / r;
        Tensor v = x.reshape(concat(batch, c, oh, r, ow, r));
        int b = batch.length;
        // (*, c, oh, r, ow, r) -> (*, c, r, r, oh, ow)
        v = v.permute(concat(range(b), b, b + 2, b + 4, b + 1, b + 3));
        return v.reshape(concat(batch, c * r * r, oh, ow));
    }

    /** (N, g C', *) -> channels regrouped: (N, g, C', *) transposed to (N, C', g, *) and flattened back. */
    static Tensor channelShuffle(Tensor x, int groups) {
        String op = "channel_shuffle";
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
        if (x.dim() < 3) {
            throw new IllegalArgumentException(op + ": expects input to have at least 3 dimensions, but got input of shape "
                    + Shapes.str(x.shape()));
        }
        if (groups <= 0) throw new IllegalArgumentException(op + ": number of groups to divide channels in must be positive, got " + groups);
        int c = x.size(1);
        if (c % groups != 0) {
            throw new IllegalArgumentException(op + ": number of channels must be divisible by groups. Got " + c + " channels and "
                    + groups + " groups (input of shape " + Shapes.str(x.shape()) + ")");
        }
        int[] shape = x.shape();
        return x.unflatten(1, groups, c / groups).transpose(1, 2).reshape(shape);
    }

    /**
     * Sampling grid of the affine maps {@code theta}: (N, 2, 3) with size (N, C, H, W) gives (N, H, W, 2);
     * (N, 3, 4) with size (N, C, D, H, W) gives (N, D, H, W, 3). grid = base @ theta^T where base holds the
     * normalized (x, y[, z], 1) coordinates of the output pixels.
     */
    static Tensor affineGrid(Tensor theta, int[] size, boolean alignCorners) {
        String op = "affine_grid";
        if (theta == null || size == null) throw new IllegalArgumentException(op + ": theta and size must not be null");
        if (!theta.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected theta to have floating point type, but got " + theta.dtype());
        }
        int nsp;
        if (size.length == 4) {
            nsp = 2;
            if (theta.dim() != 3 || theta.size(1) != 2 || theta.size(2) != 3) {
                throw new IllegalArgumentException(op + ": expected a batch of 2D affine matrices of shape Nx2x3 for size "
                        + Arrays.toString(size) + ". Got " + Shapes.str(theta.shape()) + ".");
            }
        } else if (size.length == 5) {
            nsp = 3;
            if (theta.dim() != 3 || theta.size(1) != 3 || theta.size(2) != 4) {
                throw new IllegalArgumentException(op + ": expected a batch of 3D affine matrices of shape Nx3x4 for size "
                        + Arrays.toString(size) + ". Got " + Shapes.str(theta.shape()) + ".");
            }
        } else {
            throw new IllegalArgumentException(op + ": only supports 4D and 5D sizes, for 2D and 3D affine transforms, respectively. Got size "
                    + Arrays.toString(size) + ".");
        }
        for (int s : size) {
            if (s <= 0) throw new IllegalArgumentException(op + ": expected non-zero, positive output size. Got " + Arrays.toString(size));
        }
        if (theta.size(0) != size[0]) {
            throw new IllegalArgumentException(op + ": expected theta of batch size " + size[0] + " for size " + Arrays.toString(size)
                    + ", got theta of shape " + Shapes.str(theta.shape()));
        }
        int n = size[0];
        int[] sp = Arrays.copyOfRange(size, 2, size.length);   // (H, W) or (D, H, W)
        int points = 1;
        for (int s : sp) points *= s;
        double[] base = new double[points * (nsp + 1)];
        double[][] lin = new double[nsp][];
        for (int d = 0; d < nsp; d++) lin[d] = linspaceFromNegOne(sp[d], alignCorners, theta.dtype());
        for (int p = 0; p < points; p++) {
            int rem = p;
            for (int d = nsp - 1; d >= 0; d--) {
                // base[..., 0] = x runs along the last dim (W), [..., 1] = y along H, [..., 2] = z along D
                base[p * (nsp + 1) + (nsp - 1 - d)] = lin[d][rem % sp[d]];
                rem /= sp[d];
            }
            base[p * (nsp + 1) + nsp] = 1;
        }
        Tensor baseGrid = Tensor.fromArray(base, 1, points, nsp + 1).to(theta.dtype());
        Tensor grid = baseGrid.expand(n, points, nsp + 1).matmul(theta.transpose(1, 2));
        int[] outShape = new int[nsp + 2];
        outShape[0] = n;
        System.arraycopy(sp, 0, outShape, 1, nsp);
        outShape[nsp + 1] = nsp;
        return grid.reshape(outShape);
    }

    /** ATen {@code linspace_from_neg_one}: linspace(-1, 1, n), shrunk by (n - 1) / n unless aligning corners. */
    private static double[] linspaceFromNegOne(int n, boolean alignCorners, DType dtype) {
        double[] r = new double[n];
        if (n <= 1) return r;
        Tensor lin = Tensor.linspace(-1, 1, n, dtype);
        if (!alignCorners) lin = lin.mul((double) (n - 1)).div((double) n);
        double[] v = lin.toDoubleArray();
        System.arraycopy(v, 0, r, 0, n);
        return r;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static int[] concat(int[] a, int... b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
