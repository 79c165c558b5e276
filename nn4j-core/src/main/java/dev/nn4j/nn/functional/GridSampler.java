package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.Parallel;
import java.util.Arrays;

/**
 * The {@code grid_sample} kernel for 2 or 3 spatial dims (ATen {@code GridSampler.h} /
 * {@code GridSamplerKernel.cpp}). Each output point is a short list of taps into the input (4 or 8 corners
 * for bilinear, 1 for nearest, 16 for bicubic) with weights and the weights' derivatives along each grid
 * coordinate; forward sums the taps, backward scatter-adds into the input and contracts with the input
 * values for the grid. Coordinates are computed in float for float32 inputs, as ATen does, so that
 * nearest-neighbour ties resolve the same way.
 */
final class GridSampler extends Function {
    static final int BILINEAR = 0, NEAREST = 1, BICUBIC = 2;
    static final int ZEROS = 0, BORDER = 1, REFLECTION = 2;

    private final int mode, padding;
    private final boolean alignCorners;

    GridSampler(int mode, int padding, boolean alignCorners) {
        this.mode = mode;
        this.padding = padding;
        this.alignCorners = alignCorners;
    }

    @Override
    protected String name() {
        return "GridSamplerBackward";
    }

    /** Geometry shared by forward and backward. */
    private record Geometry(int n, int c, int[] sizes, int spatial, int points, int nsp) {}

    private static Geometry geometry(Tensor input, Tensor grid) {
        int nd = input.dim(), nsp = nd - 2;
        int[] sizes = Arrays.copyOfRange(input.shape(), 2, nd);
        int spatial = 1, points = 1;
        for (int s : sizes) spatial *= s;
        for (int d = 1; d < grid.dim() - 1; d++) points *= grid.size(d);
        return new Geometry(input.size(0), input.size(1), sizes, spatial, points, nsp);
    }

    /** Per-thread scratch: the taps of one output point. */
    private final class TapSet {
        final int nsp;
        final int max;
        int count;
        final int[] off;
        final double[] w;
        final double[] dw;    // [tap * nsp + d]: d weight / d coordinate d (unnormalized, after padding)
        final double[] mult;  // d coordinate / d grid value, per spatial dim
        final double[] coord = new double[3], frac = new double[3];
        final long[] base = new long[3];
        final double[][] coef = new double[3][4], dcoef = new double[3][4];

        TapSet(int nsp) {
            this.nsp = nsp;
            this.max = mode == BICUBIC ? 1 << (2 * nsp) : mode == BILINEAR ? 1 << nsp : 1;
            off = new int[max];
            w = new double[max];
            dw = new double[max * nsp];
            mult = new double[nsp];
        }

        void compute(double[] grid, int gOff, int[] sizes, boolean single) {
            count = 0;
            for (int d = 0; d < nsp; d++) {
                // grid's last dim is (x, y[, z]) = (W, H[, D]): reversed spatial order
                double g = grid[gOff + nsp - 1 - d];
                int size = sizes[d];
                double c;
                if (nsp == 2) {
                    // the vectorized 2-D CPU kernel's form: (g + 1) * scale - 0.5
                    double scale = alignCorners ? r(single, (size - 1) / 2.0) : r(single, size / 2.0);
                    c = alignCorners ? r(single, r(single, g + 1) * scale) : r(single, r(single, r(single, g + 1) * scale) - 0.5);
                    mult[d] = scale;
                } else {
                    c = alignCorners ? r(single, r(single, r(single, g + 1) / 2) * (size - 1))
                            : r(single, r(single, r(single, r(single, g + 1) * size) - 1) / 2);
                    mult[d] = alignCorners ? (size - 1) / 2.0 : size / 2.0;
                }
                if (mode != BICUBIC) c = pad(c, size, d, single);
                coord[d] = c;
            }
            if (mode == NEAREST) {
                int o = 0;
                for (int d = 0; d < nsp; d++) {
                    double p = Math.rint(coord[d]);
                    if (!(p >= 0 && p < sizes[d])) return;
                    o = o * sizes[d] + (int) p;
                }
                off[0] = o;
                w[0] = 1;
                for (int d = 0; d < nsp; d++) dw[d] = 0;
                count = 1;
            } else if (mode == BILINEAR) {
                for (int d = 0; d < nsp; d++) {
                    base[d] = (long) Math.floor(coord[d]);
                    frac[d] = coord[d] - base[d];
                }
                corners:
                for (int mask = 0; mask < (1 << nsp); mask++) {
                    int o = 0;
                    for (int d = 0; d < nsp; d++) {
                        long p = base[d] + ((mask >> (nsp - 1 - d)) & 1);
                        if (p < 0 || p >= sizes[d]) continue corners;
                        o = o * sizes[d] + (int) p;
                    }
                    double weight = 1;
                    for (int d = 0; d < nsp; d++) weight *= bit(mask, d) ? frac[d] : 1 - frac[d];
                    for (int d = 0; d < nsp; d++) {
                        double dd = bit(mask, d) ? 1 : -1;
                        for (int e = 0; e < nsp; e++) if (e != d) dd *= bit(mask, e) ? frac[e] : 1 - frac[e];
                        dw[count * nsp + d] = dd;
                    }
                    off[count] = o;
                    w[count] = weight;
                    count++;
                }
            } else {
                for (int d = 0; d < nsp; d++) {
                    base[d] = (long) Math.floor(coord[d]);
                    double t = coord[d] - base[d];
                    Taps.cubicCoefficients(coef[d], t, false);
                    Taps.cubicCoefficientsGrad(dcoef[d], t);
                }
                taps:
                for (int k = 0; k < max; k++) {
                    int o = 0;
                    for (int d = 0; d < nsp; d++) {
                        int digit = (k >> (2 * (nsp - 1 - d))) & 3;
                        // padding applies to the integer tap position itself
                        double p = pad(base[d] - 1 + digit, sizes[d], -1, single);
                        long ip = (long) p;
                        if (!(p >= 0 && ip < sizes[d])) continue taps;
                        o = o * sizes[d] + (int) ip;
                    }
                    double weight = 1;
                    for (int d = 0; d < nsp; d++) weight *= coef[d][(k >> (2 * (nsp - 1 - d))) & 3];
                    for (int d = 0; d < nsp; d++) {
                        double dd = 1;
                        for (int e = 0; e < nsp; e++) {
                            int digit = (k >> (2 * (nsp - 1 - e))) & 3;
                            dd *= e == d ? dcoef[e][digit] : coef[e][digit];
                        }
                        dw[count * nsp + d] = dd;
                    }
                    off[count] = o;
                    w[count] = weight;
                    count++;
                }
            }
        }

        private boolean bit(int mask, int d) {
            return ((mask >> (nsp - 1 - d)) & 1) != 0;
        }

        /** Applies the padding mode to an unnormalized coordinate; multiplies mult[d] by its derivative (d >= 0). */
        private double pad(double c, int size, int d, boolean single) {
            if (padding == ZEROS) return c;
            double g = 1;
            if (padding == REFLECTION) {
                double lo = alignCorners ? 0 : -0.5;
                double span = alignCorners ? size - 1 : size;
                if (span == 0) {
                    c = 0;
                    g = 0;
                } else {
                    double in = r(single, c - lo);
                    double sign = 1;
                    if (in < 0) {
                        sign = -1;
                        in = -in;
                    }
                    double extra = r(single, in % span);
                    long flips = (long) Math.floor(in / span);
                    if (flips % 2 == 0) {
                        c = r(single, extra + lo);
                        g = sign;
                    } else {
                        c = r(single, r(single, span - extra) + lo);
                        g = -sign;
                    }
                }
            }
            // clip to [0, size - 1]; the borders themselves count as outside for the gradient
            if (c <= 0) {
                c = 0;
                g = 0;
            } else if (c >= size - 1) {
                c = size - 1;
                g = 0;
            }
            if (d >= 0) mult[d] *= g;
            return c;
        }
    }

    private static double r(boolean single, double v) {
        return single ? (double) (float) v : v;
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor input = inputs[0], grid = inputs[1];
        ctx.saveForBackward(input, grid);
        Geometry g = geometry(input, grid);
        boolean single = input.dtype() == DType.FLOAT32;
        double[] x = input.toDoubleArray(), gr = grid.toDoubleArray();
        double[] out = new double[g.n * g.c * g.points];
        Parallel.forRange(g.n * g.points, Math.max(1, 4096 / Math.max(1, g.c)), (s, e) -> {
            TapSet taps = new TapSet(g.nsp);
            for (int q = s; q < e; q++) {
                int n = q / g.points, p = q % g.points;
                taps.compute(gr, q * g.nsp, g.sizes, single);
                for (int c = 0; c < g.c; c++) {
                    int xo = (n * g.c + c) * g.spatial;
                    double v = 0;
                    for (int t = 0; t < taps.count; t++) v += taps.w[t] * x[xo + taps.off[t]];
                    out[(n * g.c + c) * g.points + p] = v;
                }
            }
        });
        // output (N, C, *grid spatial)
        int[] outShape = new int[input.dim()];
        outShape[0] = g.n;
        outShape[1] = g.c;
        System.arraycopy(grid.shape(), 1, outShape, 2, input.dim() - 2);
        return Tensor.fromArray(out, outShape).to(input.dtype());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        Tensor input = ctx.saved(0), grid = ctx.saved(1);
        Geometry g = geometry(input, grid);
        boolean single = input.dtype() == DType.FLOAT32;
        double[] x = input.toDoubleArray(), gr = grid.toDoubleArray(), go = gradOutput.toDoubleArray();
        double[] gIn = new double[g.n * g.c * g.spatial];
        double[] gGrid = new double[g.n * g.points * g.nsp];
        boolean wantGrid = ctx.needsInputGrad(1) && mode != NEAREST;
        Parallel.forRange(g.n, 1, (s, e) -> {
            TapSet taps = new TapSet(g.nsp);
            double[] acc = new double[g.nsp];
            for (int n = s; n < e; n++) {
                for (int p = 0; p < g.points; p++) {
                    int q = n * g.points + p;
                    taps.compute(gr, q * g.nsp, g.sizes, single);
                    Arrays.fill(acc, 0);
                    for (int c = 0; c < g.c; c++) {
                        int xo = (n * g.c + c) * g.spatial;
                        double gv = go[(n * g.c + c) * g.points + p];
                        for (int t = 0; t < taps.count; t++) {
                            gIn[xo + taps.off[t]] += taps.w[t] * gv;
                            if (wantGrid) {
                                double xv = x[xo + taps.off[t]] * gv;
                                for (int d = 0; d < g.nsp; d++) acc[d] += xv * taps.dw[t * g.nsp + d];
                            }
                        }
                    }
                    if (wantGrid) {
                        for (int d = 0; d < g.nsp; d++) gGrid[q * g.nsp + g.nsp - 1 - d] = acc[d] * taps.mult[d];
                    }
                }
            }
        });
        Tensor gradInput = ctx.needsInputGrad(0) ? Tensor.fromArray(gIn, input.shape()).to(input.dtype()) : null;
        Tensor gradGrid = ctx.needsInputGrad(1) ? Tensor.fromArray(gGrid, grid.shape()).to(grid.dtype()) : null;
        return new Tensor[] {gradInput, gradGrid};
    }
}
