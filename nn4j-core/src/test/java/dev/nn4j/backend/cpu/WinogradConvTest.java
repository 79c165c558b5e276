package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Winograd F(2x2, 3x3) forward and backward-input against the direct-loop twin {@link ConvReference} (float64), on
 * odd and even sizes, tile rows wider and narrower than a vector, paddings 0..2, with and without bias.
 */
class WinogradConvTest {
    private static ConvGeometry geometry(int n, int cin, int cout, int h, int w, int pad) {
        int oh = h + 2 * pad - 2, ow = w + 2 * pad - 2;
        return new ConvGeometry(n, cin, cout, 1, new int[] {1, h, w}, new int[] {1, 3, 3}, new int[] {1, oh, ow},
                new int[] {1, 1, 1}, new int[] {0, pad, pad}, new int[] {1, 1, 1});
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    /** |got - want| <= 1e-5 * (1 + sum of |terms|): the scale of a float32 sum over C_in * 9 products. */
    private static void assertClose(double[] want, float[] got, double scale, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-5 * (1 + scale), what + " at " + i);
        }
    }

    @Test
    void forwardMatchesDirectConvolution() {
        Random r = new Random(21);
        int[][] cases = {{2, 8, 8, 5, 5, 0}, {1, 9, 16, 7, 6, 1}, {2, 16, 8, 28, 28, 0}, {1, 8, 12, 33, 40, 1},
                {3, 12, 9, 4, 37, 2}, {1, 32, 64, 26, 26, 0}, {1, 8, 8, 2, 2, 2}, {2, 8, 10, 3, 70, 1}};
        for (int[] c : cases) {
            ConvGeometry g = geometry(c[0], c[1], c[2], c[3], c[4], c[5]);
            assertTrue(WinogradConv.supports(g) || jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length() < 8);
            if (!WinogradConv.supports(g)) continue;
            float[] x = random(r, c[0] * c[1] * c[3] * c[4]), w = random(r, c[2] * c[1] * 9), b = random(r, c[2]);
            float[] y = new float[c[0] * c[2] * g.outPlane()];
            java.util.Arrays.fill(y, Float.NaN);
            WinogradConv.forward(x, w, b, y, g);
            double[] want = ConvReference.forward(toDouble(x), toDouble(w), toDouble(b), g);
            assertClose(want, y, 9.0 * c[1] * 4, "forward " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void backwardInputMatchesDirectAdjoint() {
        Random r = new Random(22);
        int[][] cases = {{2, 8, 8, 5, 5, 0}, {1, 9, 16, 7, 6, 1}, {2, 16, 8, 26, 26, 0}, {1, 8, 12, 33, 40, 2}, {2, 10, 8, 9, 18, 1}};
        for (int[] c : cases) {
            ConvGeometry g = geometry(c[0], c[1], c[2], c[3], c[4], c[5]);
            if (!WinogradConv.supports(g)) continue;
            float[] dy = random(r, c[0] * c[2] * g.outPlane()), w = random(r, c[2] * c[1] * 9);
            float[] dx = new float[c[0] * c[1] * c[3] * c[4]];
            java.util.Arrays.fill(dx, Float.NaN);
            WinogradConv.backwardInput(dy, w, dx, g);
            double[] want = ConvReference.backwardInput(toDouble(dy), toDouble(w), g);
            assertClose(want, dx, 9.0 * c[2] * 4, "backwardInput " + java.util.Arrays.toString(c));
        }
    }

    /** F(4x4, 3x3) (>= 32 input channels, outputs >= 29 wide): two-row lane groups (32 wide), one-row groups, several chunks. */
    @Test
    void fourByFourTilesMatchDirectConvolution() {
        Random r = new Random(24);
        int[][] cases = {{2, 32, 8, 10, 32, 1}, {1, 32, 16, 14, 33, 0}, {2, 33, 9, 9, 40, 0}, {1, 32, 8, 34, 34, 1},
                {1, 40, 8, 30, 70, 2}, {2, 32, 12, 26, 26, 0}, {1, 32, 8, 8, 31, 0}, {1, 32, 8, 12, 66, 0}};
        for (int[] c : cases) {
            ConvGeometry g = geometry(c[0], c[1], c[2], c[3], c[4], c[5]);
            if (!WinogradConv.supports(g)) continue;
            assertEquals(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length() == 16 && g.out()[1] >= 8 && g.out()[2] >= 29 ? 4 : 2,
                    WinogradConv.tileSize(g), java.util.Arrays.toString(c));
            float[] x = random(r, c[0] * c[1] * c[3] * c[4]), w = random(r, c[2] * c[1] * 9), b = random(r, c[2]);
            float[] y = new float[c[0] * c[2] * g.outPlane()];
            java.util.Arrays.fill(y, Float.NaN);
            WinogradConv.forward(x, w, b, y, g);
            double[] want = ConvReference.forward(toDouble(x), toDouble(w), toDouble(b), g);
            // unit-normal weights: sums of ~9 * C_in terms of size ~1; F(4x4) errs by ~1e-5 of that scale
            assertClose(want, y, 9.0 * c[1] * 2, "forward F(4x4) " + java.util.Arrays.toString(c));
        }
        // backward-input through F(4x4): the transposed conv has C_out >= 32 input channels
        int[][] back = {{2, 8, 32, 12, 32, 1}, {1, 16, 64, 30, 30, 0}, {1, 9, 32, 18, 40, 2}};
        for (int[] c : back) {
            ConvGeometry g = geometry(c[0], c[1], c[2], c[3], c[4], c[5]);
            float[] dy = random(r, c[0] * c[2] * g.outPlane()), w = random(r, c[2] * c[1] * 9);
            float[] dx = new float[c[0] * c[1] * c[3] * c[4]];
            java.util.Arrays.fill(dx, Float.NaN);
            WinogradConv.backwardInput(dy, w, dx, g);
            double[] want = ConvReference.backwardInput(toDouble(dy), toDouble(w), g);
            assertClose(want, dx, 9.0 * c[2] * 2, "backwardInput F(4x4) " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void backwardWeightMatchesDirectAdjoint() {
        Random r = new Random(23);
        // sgemm path (channels that do not fill the register tile) and direct path (C_in % 8 == 0, C_out % 16 == 0)
        int[][] cases = {{2, 8, 8, 5, 5, 0}, {3, 9, 16, 7, 6, 1}, {2, 16, 8, 26, 26, 0}, {1, 8, 12, 33, 40, 2}, {4, 10, 8, 9, 18, 1},
                {2, 8, 16, 9, 11, 1}, {3, 32, 64, 26, 26, 0}, {1, 16, 48, 7, 8, 0}, {2, 24, 32, 12, 35, 2}};
        for (int[] c : cases) {
            ConvGeometry g = geometry(c[0], c[1], c[2], c[3], c[4], c[5]);
            if (!WinogradConv.supports(g)) continue;
            float[] x = random(r, c[0] * c[1] * c[3] * c[4]), dy = random(r, c[0] * c[2] * g.outPlane());
            float[] dw = new float[c[2] * c[1] * 9];
            java.util.Arrays.fill(dw, Float.NaN);
            WinogradConv.backwardWeight(x, dy, dw, g);
            double[] want = ConvReference.backwardWeight(toDouble(x), toDouble(dy), g);
            assertClose(want, dw, 4.0 * c[0] * g.outPlane(), "backwardWeight " + java.util.Arrays.toString(c));
        }
    }

    @Test
    void onlyThreeByThreeStrideOneSingleGroup() {
        ConvGeometry strided = new ConvGeometry(1, 8, 8, 1, new int[] {1, 9, 9}, new int[] {1, 3, 3}, new int[] {1, 4, 4},
                new int[] {1, 2, 2}, new int[] {0, 0, 0}, new int[] {1, 1, 1});
        ConvGeometry grouped = new ConvGeometry(1, 8, 8, 2, new int[] {1, 9, 9}, new int[] {1, 3, 3}, new int[] {1, 7, 7},
                new int[] {1, 1, 1}, new int[] {0, 0, 0}, new int[] {1, 1, 1});
        ConvGeometry fewChannels = geometry(1, 1, 32, 28, 28, 0);
        assertFalse(WinogradConv.supports(strided));
        assertFalse(WinogradConv.supports(grouped));
        assertFalse(WinogradConv.supports(fewChannels));
    }
}
