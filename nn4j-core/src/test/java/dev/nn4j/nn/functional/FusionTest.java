package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/** The fused inference ops against the composites they stand for: the same values, bit for bit. */
class FusionTest {
    private final Generator gen = new Generator(41);

    @Test
    void convReluPoolEqualsComposite() {
        int[][] cases = {{2, 8, 8, 10, 10, 0, 1}, {3, 32, 64, 26, 26, 0, 1}, {1, 9, 12, 9, 13, 1, 0}, {2, 16, 8, 35, 33, 1, 1},
                {1, 8, 16, 4, 4, 0, 0}, {2, 3, 4, 8, 8, 1, 1}};
        for (int[] c : cases) {
            Tensor x = Tensor.randn(gen, c[0], c[1], c[3], c[4]), w = Tensor.randn(gen, c[2], c[1], 3, 3).mul(0.3);
            Tensor b = c[6] == 1 ? Tensor.randn(gen, c[2]) : null;
            x.set(Double.NaN, 0, 0, 1, 1);
            Conv opts = Conv.opts().padding(c[5]);
            Tensor want = F.maxPool2d(F.relu(F.conv2d(x, w, b, opts)), 2);
            Tensor got;
            try (var ng = Autograd.noGrad()) {
                got = Fusion.conv2dReluMaxPool2d(x, w, b, opts);
            }
            String what = java.util.Arrays.toString(c);
            assertArrayEquals(want.shape(), got.shape(), what);
            assertArrayEquals(want.toFloatArray(), got.toFloatArray(), what);
            Tensor relu = Fusion.conv2dRelu(x, w, b, opts);
            assertArrayEquals(F.relu(F.conv2d(x, w, b, opts)).toFloatArray(), relu.toFloatArray(), what + " conv+relu");
        }
    }

    @Test
    void otherConvolutionsFallBackToTheComposite() {
        Tensor x = Tensor.randn(gen, 2, 8, 12, 12), w = Tensor.randn(gen, 8, 8, 3, 3);
        Conv strided = Conv.opts().stride(2).padding(1);
        assertArrayEquals(F.maxPool2d(F.relu(F.conv2d(x, w, null, strided)), 2).toFloatArray(),
                Fusion.conv2dReluMaxPool2d(x, w, null, strided).toFloatArray());
        Tensor w5 = Tensor.randn(gen, 8, 8, 5, 5);
        assertArrayEquals(F.maxPool2d(F.relu(F.conv2d(x, w5, null, Conv.opts())), 2).toFloatArray(),
                Fusion.conv2dReluMaxPool2d(x, w5, null, Conv.opts()).toFloatArray());
    }

    @Test
    void withGradientsTheCompositeRecordsTheGraph() {
        Tensor x = Tensor.randn(gen, 1, 8, 10, 10).requiresGrad_(true), w = Tensor.randn(gen, 8, 8, 3, 3);
        Tensor y = Fusion.conv2dReluMaxPool2d(x, w, null, Conv.opts());
        assertTrue(y.requiresGrad());
        y.sum().backward();
        assertTrue(x.grad() != null);
        assertTrue(Fusion.conv2dRelu(x, w, null, Conv.opts()).requiresGrad());
    }
}
