package dev.nn4j.nn.functional;

/**
 * A 1-D resampling as a sparse matrix: output position {@code j} reads input positions
 * {@code index[start[j]] .. index[start[j+1]-1]} with the matching {@code weight}s. Every separable op of
 * this package (interpolate's modes, non-constant padding) is one of these per spatial dimension, and
 * {@link Resample1d} applies it along a dimension (its backward applies the transpose).
 *
 * <p>The factories reproduce ATen's CPU index math of PyTorch 1.13 ({@code UpSample.h},
 * {@code UpSampleKernel.cpp}): for float32 inputs ATen computes scales, source indices and weights in
 * float ({@code opmath_t}), so {@code single} rounds every intermediate to float the way the C++ does;
 * index choices at exact ties then match PyTorch bit for bit.
 */
record Taps(int inSize, int outSize, int[] start, int[] index, double[] weight) {

    /** Whether output position {@code j} copies input position {@code j} with weight 1 everywhere. */
    boolean isIdentity() {
        if (inSize != outSize || index.length != outSize) return false;
        for (int j = 0; j < outSize; j++) {
            if (start[j] != j || index[j] != j || weight[j] != 1) return false;
        }
        return true;
    }

    /** One tap per output position with weight 1 (a gather). */
    static Taps gather(int inSize, int[] index) {
        int n = index.length;
        int[] start = new int[n + 1];
        double[] w = new double[n];
        for (int j = 0; j <= n; j++) start[j] = j;
        java.util.Arrays.fill(w, 1);
        return new Taps(inSize, n, start, index, w);
    }

    private static Taps fixed(int inSize, int outSize, int k, int[] index, double[] weight) {
        int[] start = new int[outSize + 1];
        for (int j = 0; j <= outSize; j++) start[j] = j * k;
        return new Taps(inSize, outSize, start, index, weight);
    }

    /** Rounds to float when emulating ATen's float opmath. */
    private static double r(boolean single, double v) {
        return single ? (double) (float) v : v;
    }

    /** ATen {@code compute_scales_value}: {@code 1/scale} when a positive scale factor was given, else in/out. */
    static double scalesValue(boolean single, Double scale, int in, int out) {
        return scale != null && scale > 0 ? r(single, 1.0 / scale) : r(single, (double) in / out);
    }

    /** ATen {@code area_pixel_compute_scale}. */
    static double areaPixelScale(boolean single, int in, int out, boolean alignCorners, Double scale) {
        if (alignCorners) return out > 1 ? r(single, (double) (in - 1) / (out - 1)) : 0;
        return scalesValue(single, scale, in, out);
    }

    /** ATen {@code area_pixel_compute_source_index}. */
    static double areaPixelSourceIndex(boolean single, double scale, int dst, boolean alignCorners, boolean cubic) {
        if (alignCorners) return r(single, scale * dst);
        double src = r(single, scale * (dst + 0.5) - 0.5);
        return !cubic && src < 0 ? 0 : src;
    }

    /** mode "nearest": {@code src = min(floor(dst * scale), in - 1)} (OpenCV's INTER_NEAREST). */
    static Taps nearest(int in, int out, Double scale, boolean single) {
        double s = scalesValue(single, scale, in, out);
        int[] idx = new int[out];
        for (int j = 0; j < out; j++) {
            double real = areaPixelSourceIndex(single, s, j, true, false);
            idx[j] = (int) Math.min(floorf(real), in - 1);
        }
        return gather(in, idx);
    }

    /** C's {@code floorf}: ATen floors source indices in float even for double inputs. */
    private static long floorf(double v) {
        return (long) Math.floor((float) v);
    }

    /** mode "nearest-exact": {@code src = min(floor((dst + 0.5) * scale), in - 1)} (Pillow, scikit-image). */
    static Taps nearestExact(int in, int out, Double scale, boolean single) {
        double s = scalesValue(single, scale, in, out);
        int[] idx = new int[out];
        for (int j = 0; j < out; j++) {
            double real = areaPixelSourceIndex(single, s, j, false, false);
            idx[j] = (int) Math.min(floorf(real + 0.5), in - 1);
        }
        return gather(in, idx);
    }

    /** modes "linear", "bilinear", "trilinear" along one dimension (ATen {@code compute_source_index_and_lambda}). */
    static Taps linear(int in, int out, boolean alignCorners, Double scale, boolean single) {
        double s = areaPixelScale(single, in, out, alignCorners, scale);
        int[] idx = new int[2 * out];
        double[] w = new double[2 * out];
        for (int j = 0; j < out; j++) {
            int i0, i1;
            double l0, l1;
            if (in == out) {
                i0 = i1 = j;
                l0 = 1;
                l1 = 0;
            } else {
                double real = areaPixelSourceIndex(single, s, j, alignCorners, false);
                i0 = (int) Math.min((long) real, in - 1);
                i1 = i0 + (i0 < in - 1 ? 1 : 0);
                l1 = Math.min(Math.max(r(single, real - i0), 0), 1);
                l0 = r(single, 1 - l1);
            }
            idx[2 * j] = i0;
            idx[2 * j + 1] = i1;
            w[2 * j] = l0;
            w[2 * j + 1] = l1;
        }
        return fixed(in, out, 2, idx, w);
    }

    /** mode "bicubic" along one dimension: Keys' cubic convolution with A = -0.75, indices clamped to the border. */
    static Taps cubic(int in, int out, boolean alignCorners, Double scale, boolean single) {
        double s = areaPixelScale(single, in, out, alignCorners, scale);
        int[] idx = new int[4 * out];
        double[] w = new double[4 * out];
        double[] c = new double[4];
        for (int j = 0; j < out; j++) {
            double real = areaPixelSourceIndex(single, s, j, alignCorners, true);
            long i = floorf(real);
            cubicCoefficients(c, r(single, real - i), single);
            for (int k = 0; k < 4; k++) {
                idx[4 * j + k] = (int) Math.max(Math.min(i - 1 + k, in - 1), 0);
                w[4 * j + k] = c[k];
            }
        }
        return fixed(in, out, 4, idx, w);
    }

    static final double CUBIC_A = -0.75;

    static double cubicConvolution1(double x, double a) {
        return ((a + 2) * x - (a + 3)) * x * x + 1;
    }

    static double cubicConvolution2(double x, double a) {
        return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    }

    /** ATen {@code get_cubic_upsample_coefficients}: the 4 weights at fractional offset {@code t}. */
    static void cubicCoefficients(double[] c, double t, boolean single) {
        c[0] = r(single, cubicConvolution2(t + 1, CUBIC_A));
        c[1] = r(single, cubicConvolution1(t, CUBIC_A));
        c[2] = r(single, cubicConvolution1(1 - t, CUBIC_A));
        c[3] = r(single, cubicConvolution2(2 - t, CUBIC_A));
    }

    /** d/dt of {@link #cubicCoefficients}. */
    static void cubicCoefficientsGrad(double[] c, double t) {
        double a = CUBIC_A;
        double x0 = t + 1, x1 = t, x2 = 1 - t, x3 = 2 - t;
        c[0] = (3 * a * x0 - 10 * a) * x0 + 8 * a;
        c[1] = (3 * (a + 2) * x1 - 2 * (a + 3)) * x1;
        c[2] = -(3 * (a + 2) * x2 - 2 * (a + 3)) * x2;
        c[3] = -((3 * a * x3 - 10 * a) * x3 + 8 * a);
    }

    /** mode "area" = adaptive average pooling: output j averages inputs {@code [floor(j*in/out), ceil((j+1)*in/out))}. */
    static Taps area(int in, int out) {
        int[] start = new int[out + 1];
        int total = 0;
        for (int j = 0; j < out; j++) {
            start[j] = total;
            total += adaptiveEnd(j, in, out) - adaptiveStart(j, in, out);
        }
        start[out] = total;
        int[] idx = new int[total];
        double[] w = new double[total];
        for (int j = 0; j < out; j++) {
            int s = adaptiveStart(j, in, out), e = adaptiveEnd(j, in, out);
            for (int i = s; i < e; i++) {
                idx[start[j] + i - s] = i;
                w[start[j] + i - s] = 1.0 / (e - s);
            }
        }
        return new Taps(in, out, start, idx, w);
    }

    private static int adaptiveStart(int j, int in, int out) {
        return (int) ((long) j * in / out);
    }

    private static int adaptiveEnd(int j, int in, int out) {
        return (int) (((long) (j + 1) * in + out - 1) / out);
    }

    /**
     * Antialiased "bilinear" ({@code interpSize = 2}) or "bicubic" ({@code interpSize = 4}) along one dimension
     * (ATen {@code _compute_weights_aa}): when downsampling, the filter is stretched by the scale so that every
     * input contributes; weights are normalized to sum to 1.
     */
    static Taps antialias(int in, int out, boolean alignCorners, Double scale, int interpSize, boolean single) {
        double s = areaPixelScale(single, in, out, alignCorners, scale);
        double support = r(single, s >= 1.0 ? interpSize * 0.5 * s : interpSize * 0.5);
        double invscale = s >= 1.0 ? r(single, 1.0 / s) : 1.0;
        int[] start = new int[out + 1];
        java.util.List<int[]> idxs = new java.util.ArrayList<>();
        java.util.List<double[]> ws = new java.util.ArrayList<>();
        int total = 0;
        for (int j = 0; j < out; j++) {
            double center = r(single, s * (j + 0.5));
            int xmin = (int) Math.max((long) r(single, center - support + 0.5), 0);
            int xsize = (int) Math.min((long) r(single, center + support + 0.5), in) - xmin;
            int[] ji = new int[Math.max(xsize, 0)];
            double[] jw = new double[ji.length];
            double totalW = 0;
            for (int k = 0; k < ji.length; k++) {
                double x = r(single, (k + xmin - center + 0.5) * invscale);
                double v = r(single, interpSize == 2 ? linearFilter(x) : cubicFilter(x));
                ji[k] = xmin + k;
                jw[k] = v;
                totalW = r(single, totalW + v);
            }
            if (totalW != 0) {
                for (int k = 0; k < jw.length; k++) jw[k] = r(single, jw[k] / totalW);
            }
            start[j] = total;
            total += ji.length;
            idxs.add(ji);
            ws.add(jw);
        }
        start[out] = total;
        int[] idx = new int[total];
        double[] w = new double[total];
        for (int j = 0; j < out; j++) {
            System.arraycopy(idxs.get(j), 0, idx, start[j], idxs.get(j).length);
            System.arraycopy(ws.get(j), 0, w, start[j], ws.get(j).length);
        }
        return new Taps(in, out, start, idx, w);
    }

    private static double linearFilter(double x) {
        x = Math.abs(x);
        return x < 1 ? 1 - x : 0;
    }

    /** Keys' cubic with a = -0.5, the antialias filter (PIL's). */
    private static double cubicFilter(double x) {
        x = Math.abs(x);
        if (x < 1) return cubicConvolution1(x, -0.5);
        if (x < 2) return cubicConvolution2(x, -0.5);
        return 0;
    }
}
