package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 GEMM conv kernels against their scalar twin {@link ConvReference} (float64 direct loops), on
 * random geometries: 1-3 spatial dims, odd sizes, strides, dilation, padding, groups, 1x1 kernels, and
 * shapes large enough to need several register tiles, depth blocks and column blocks.
 */
class ConvKernelsTest {

    @Test
    void randomGeometriesMatchTheDirectLoops() {
        Random r = new Random(42);
        List<ConvGeometry> cases = new ArrayList<>();
        for (int i = 0; i < 60; i++) cases.add(randomGeometry(r, 6));
        for (int i = 0; i < 6; i++) cases.add(randomGeometry(r, 20));
        for (ConvGeometry g : cases) check(g, r);
    }

    @Test
    void largeShapesCoverEveryBlockingPath() {
        Random r = new Random(7);
        // > MR and > NR: full register tiles plus edges; k = 25 * 9 > KC: several depth blocks; 21 x 23 > NC columns
        check(geometry(2, 25, 19, 1, new int[] {1, 21, 23}, new int[] {1, 3, 3}, new int[] {1, 2, 1}, new int[] {0, 1, 2}, new int[] {1, 1, 2}), r);
        // one sample, one group: the forward splits columns over threads
        check(geometry(1, 24, 40, 1, new int[] {1, 30, 30}, new int[] {1, 3, 3}, new int[] {1, 1, 1}, new int[] {0, 1, 1}, new int[] {1, 1, 1}), r);
        // pointwise (1x1, stride 1, no padding): the image is its own im2col matrix
        check(geometry(3, 17, 33, 1, new int[] {1, 9, 11}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {0, 0, 0}, new int[] {1, 1, 1}), r);
        check(geometry(2, 12, 18, 3, new int[] {1, 1, 70}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {0, 0, 0}, new int[] {1, 1, 1}), r);
        // unit stride with C_in/groups >= C_out/groups >= 16: the input gradient runs as a full convolution
        check(geometry(2, 24, 16, 1, new int[] {1, 9, 10}, new int[] {1, 3, 3}, new int[] {1, 1, 1}, new int[] {0, 1, 2}, new int[] {1, 1, 2}), r);
        check(geometry(1, 36, 20, 2, new int[] {4, 5, 6}, new int[] {2, 2, 3}, new int[] {1, 1, 1}, new int[] {1, 0, 1}, new int[] {1, 1, 1}), r);
        // ... except when the padding is larger than dilation * (k - 1)
        check(geometry(2, 20, 16, 1, new int[] {1, 5, 6}, new int[] {1, 1, 2}, new int[] {1, 1, 1}, new int[] {0, 1, 2}, new int[] {1, 1, 1}), r);
        // depthwise, 3-D
        check(geometry(2, 6, 6, 6, new int[] {5, 6, 7}, new int[] {2, 3, 3}, new int[] {1, 2, 1}, new int[] {1, 1, 0}, new int[] {2, 1, 1}), r);
    }

    @Test
    void resultDoesNotDependOnTheThreadCount() {
        ConvGeometry g = geometry(5, 8, 16, 2, new int[] {1, 13, 12}, new int[] {1, 3, 3}, new int[] {1, 1, 1}, new int[] {0, 1, 1}, new int[] {1, 1, 1});
        Random r = new Random(3);
        float[] x = random(r, g.batch() * g.inChannels() * g.inPlane()), dy = random(r, g.batch() * g.outChannels() * g.outPlane());
        float[] dw1 = new float[g.outChannels() * g.colRows()], dw2 = dw1.clone();
        int threads = Parallel.numThreads();
        try {
            Parallel.setNumThreads(1);
            ConvKernels.backwardWeight(x, dy, dw1, g);
            Parallel.setNumThreads(3);
            ConvKernels.backwardWeight(x, dy, dw2, g);
        } finally {
            Parallel.setNumThreads(threads);
        }
        for (int i = 0; i < dw1.length; i++) assertEquals(dw1[i], dw2[i], 1e-4 * (1 + Math.abs(dw1[i])));
    }

    @Test
    void im2colMatchesTheFloat64TwinAndCol2imIsItsAdjoint() {
        Random r = new Random(11);
        for (int i = 0; i < 30; i++) {
            ConvGeometry g = randomGeometry(r, 5);
            int c = g.inChannels(), rows = c * g.kernelSize(), len = g.outPlane();
            float[] x = random(r, c * g.inPlane());
            float[] cols = new float[rows * len];
            Im2col.im2col(x, 0, c, g, cols, 0);
            double[] colsRef = new double[rows * len];
            Im2col.im2col(toDouble(x), 0, c, g, colsRef, 0);
            for (int j = 0; j < colsRef.length; j++) assertEquals(colsRef[j], cols[j], 0.0, g.toString());
            // <im2col(x), y> == <x, col2im(y)>
            float[] y = random(r, rows * len);
            float[] back = new float[x.length];
            Im2col.col2im(y, 0, c, g, back, 0);
            double lhs = 0, rhs = 0;
            for (int j = 0; j < y.length; j++) lhs += (double) cols[j] * y[j];
            for (int j = 0; j < x.length; j++) rhs += (double) x[j] * back[j];
            assertEquals(lhs, rhs, 1e-3 * (1 + Math.abs(lhs)), g.toString());
        }
    }

    @Test
    void im2colRowWritesAnyColumnRangeWithAnyStride() {
        Random r = new Random(5);
        for (int i = 0; i < 20; i++) {
            ConvGeometry g = randomGeometry(r, 5);
            int c = g.inChannels(), rows = c * g.kernelSize(), len = g.outPlane();
            float[] x = random(r, c * g.inPlane());
            float[] cols = new float[rows * len];
            Im2col.im2col(x, 0, c, g, cols, 0);
            int row = r.nextInt(rows), l0 = r.nextInt(len), n = 1 + r.nextInt(len - l0), stride = 1 + r.nextInt(3);
            float[] dst = new float[n * stride];
            Im2col.row(x, 0, g, row, l0, n, dst, 0, stride);
            for (int t = 0; t < n; t++) assertEquals(cols[row * len + l0 + t], dst[t * stride], 0.0);
        }
    }

    private static void check(ConvGeometry g, Random r) {
        int xn = g.batch() * g.inChannels() * g.inPlane(), yn = g.batch() * g.outChannels() * g.outPlane(), wn = g.outChannels() * g.colRows();
        float[] x = random(r, xn), w = random(r, wn), b = random(r, g.outChannels()), dy = random(r, yn);
        double[] xd = toDouble(x), wd = toDouble(w), dyd = toDouble(dy);
        // |x| * |w| sums bound the rounding error of every output element
        double[] yRef = ConvReference.forward(xd, wd, toDouble(b), g), yAbs = ConvReference.forward(abs(xd), abs(wd), null, g);
        float[] y = new float[yn];
        ConvKernels.forward(x, w, b, y, g);
        assertClose("forward", g, yRef, yAbs, y);
        float[] y0 = new float[yn];
        ConvKernels.forward(x, w, null, y0, g);
        assertClose("forward without bias", g, ConvReference.forward(xd, wd, null, g), yAbs, y0);

        float[] dx = new float[xn];
        java.util.Arrays.fill(dx, Float.NaN);  // the kernel must overwrite, not accumulate
        ConvKernels.backwardInput(dy, w, dx, g);
        assertClose("backwardInput", g, ConvReference.backwardInput(dyd, wd, g), ConvReference.backwardInput(abs(dyd), abs(wd), g), dx);

        float[] dw = new float[wn];
        java.util.Arrays.fill(dw, Float.NaN);
        ConvKernels.backwardWeight(x, dy, dw, g);
        assertClose("backwardWeight", g, ConvReference.backwardWeight(xd, dyd, g), ConvReference.backwardWeight(abs(xd), abs(dyd), g), dw);
    }

    private static void assertClose(String what, ConvGeometry g, double[] want, double[] bound, float[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            double tol = 1e-5 * bound[i] + 1e-6;
            if (!(Math.abs(want[i] - got[i]) <= tol)) {
                throw new AssertionError(what + " differs at " + i + ": got " + got[i] + ", want " + want[i] + " for " + describe(g));
            }
        }
    }

    static ConvGeometry randomGeometry(Random r, int maxChannels) {
        int dims = 1 + r.nextInt(3);
        int groups = 1 + r.nextInt(3);
        int cin = groups * (1 + r.nextInt(maxChannels)), cout = groups * (1 + r.nextInt(maxChannels));
        int[] in = {1, 1, 1}, k = {1, 1, 1}, st = {1, 1, 1}, pad = {0, 0, 0}, dil = {1, 1, 1};
        for (int d = 3 - dims; d < 3; d++) {
            k[d] = 1 + r.nextInt(dims == 3 ? 3 : 4);
            st[d] = 1 + r.nextInt(3);
            dil[d] = 1 + r.nextInt(2);
            pad[d] = r.nextInt(k[d] + 1);
            int span = dil[d] * (k[d] - 1) + 1;
            in[d] = Math.max(1, span - 2 * pad[d]) + r.nextInt(dims == 3 ? 5 : 12);
        }
        return geometry(1 + r.nextInt(3), cin, cout, groups, in, k, st, pad, dil);
    }

    static ConvGeometry geometry(int n, int cin, int cout, int groups, int[] in, int[] k, int[] st, int[] pad, int[] dil) {
        int[] out = new int[3];
        for (int d = 0; d < 3; d++) out[d] = (in[d] + 2 * pad[d] - dil[d] * (k[d] - 1) - 1) / st[d] + 1;
        return new ConvGeometry(n, cin, cout, groups, in, k, out, st, pad, dil);
    }

    private static String describe(ConvGeometry g) {
        return "N=" + g.batch() + " Cin=" + g.inChannels() + " Cout=" + g.outChannels() + " groups=" + g.groups()
                + " in=" + java.util.Arrays.toString(g.in()) + " k=" + java.util.Arrays.toString(g.kernel())
                + " out=" + java.util.Arrays.toString(g.out()) + " stride=" + java.util.Arrays.toString(g.stride())
                + " pad=" + java.util.Arrays.toString(g.padding()) + " dil=" + java.util.Arrays.toString(g.dilation());
    }

    static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    private static double[] abs(double[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = Math.abs(a[i]);
        return d;
    }
}
