package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Fusion#conv2dReluConv2dReluMaxPool2d} against the composite it stands for, on shapes with odd sizes, both
 * paddings, partial Winograd tiles, several input channels and kernel sizes for conv1, with and without bias. The
 * second conv runs as F(4x4, 3x3), so the values agree up to float rounding relative to the size of the sums.
 */
class ConvPairFusionTest {
    private final Generator gen = new Generator(43);

    @Test
    void equalsTheCompositeUpToRounding() {
        Assumptions.assumeTrue(FloatVector.SPECIES_PREFERRED.length() == 16, "the pair kernel needs 512-bit vectors");
        // n, cin, h, w, c1, k1, p1, c2, p2, bias
        int[][] cases = {{3, 1, 28, 28, 32, 3, 0, 64, 0, 1}, {2, 1, 9, 13, 16, 3, 1, 32, 1, 0}, {1, 3, 11, 7, 16, 5, 2, 32, 0, 1},
                {2, 2, 6, 6, 32, 1, 0, 32, 1, 1}, {1, 1, 4, 5, 16, 3, 0, 64, 1, 1}, {5, 1, 17, 19, 48, 3, 0, 96, 0, 1},
                {1, 4, 10, 10, 16, 2, 1, 32, 0, 0}};
        for (int[] c : cases) {
            Tensor x = Tensor.randn(gen, c[0], c[1], c[2], c[3]);
            Tensor w1 = Tensor.randn(gen, c[4], c[1], c[5], c[5]).mul(0.5), w2 = Tensor.randn(gen, c[7], c[4], 3, 3).mul(0.2);
            Tensor b1 = c[9] == 1 ? Tensor.randn(gen, c[4]).mul(0.1) : null, b2 = c[9] == 1 ? Tensor.randn(gen, c[7]).mul(0.1) : null;
            Conv o1 = Conv.opts().padding(c[6]), o2 = Conv.opts().padding(c[8]);
            Tensor want = F.maxPool2d(F.relu(F.conv2d(F.relu(F.conv2d(x, w1, b1, o1)), w2, b2, o2)), 2);
            Tensor got;
            try (var ng = Autograd.noGrad()) {
                got = Fusion.conv2dReluConv2dReluMaxPool2d(x, w1, b1, o1, w2, b2, o2);
            }
            String what = java.util.Arrays.toString(c);
            assertNotNull(got, what);
            assertArrayEquals(want.shape(), got.shape(), what);
            float[] a = want.toFloatArray(), b = got.toFloatArray();
            double scale = 0;
            for (float v : a) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < a.length; i++) {
                assertTrue(Math.abs(a[i] - b[i]) <= 1e-5 * scale + 1e-5 * Math.abs(a[i]), what + " at " + i + ": " + b[i] + " vs " + a[i]);
            }
        }
    }

    @Test
    void otherGeometriesAndGradientsAreNotHandled() {
        Tensor x = Tensor.randn(gen, 1, 1, 12, 12), w1 = Tensor.randn(gen, 16, 1, 3, 3), w2 = Tensor.randn(gen, 32, 16, 3, 3);
        try (var ng = Autograd.noGrad()) {
            assertNull(Fusion.conv2dReluConv2dReluMaxPool2d(x, w1, null, Conv.opts().stride(2), w2, null, Conv.opts()));
            assertNull(Fusion.conv2dReluConv2dReluMaxPool2d(x, w1, null, Conv.opts(), Tensor.randn(gen, 32, 16, 5, 5), null, Conv.opts()));
            assertNull(Fusion.conv2dReluConv2dReluMaxPool2d(x, Tensor.randn(gen, 12, 1, 3, 3), null, Conv.opts(),
                    Tensor.randn(gen, 32, 12, 3, 3), null, Conv.opts()), "12 channels are not a multiple of the lanes");
        }
        assertNull(Fusion.conv2dReluConv2dReluMaxPool2d(x, w1.requiresGrad_(true), null, Conv.opts(), w2, null, Conv.opts()),
                "a weight that needs its gradient takes the recorded path");
    }
}
