package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * conv2d shapes that take the Winograd path (3x3, stride 1, >= 8 channels) in float32, against the same conv in
 * float64 (direct loops): output, input gradient (Winograd backward-input) and weight and bias gradients.
 */
class ConvFastPathTest {
    private static void assertClose(Tensor want, Tensor got, double tol, String what) {
        double[] w = want.toDoubleArray(), g = got.toDoubleArray();
        assertEquals(w.length, g.length, what);
        for (int i = 0; i < w.length; i++) assertEquals(w[i], g[i], tol * (1 + Math.abs(w[i])), what + " at " + i);
    }

    @Test
    void winogradShapesMatchFloat64InValuesAndGradients() {
        Generator gen = new Generator(31);
        int[][] cases = {{2, 8, 16, 9, 11, 1}, {3, 16, 8, 26, 26, 0}, {1, 12, 10, 5, 34, 2}};
        for (int[] c : cases) {
            Tensor x = Tensor.randn(gen, c[0], c[1], c[3], c[4]), w = Tensor.randn(gen, c[2], c[1], 3, 3).mul(0.2);
            Tensor b = Tensor.randn(gen, c[2]);
            Conv opts = Conv.opts().padding(c[5]);
            Tensor x32 = x.detach().requiresGrad_(true), w32 = w.detach().requiresGrad_(true), b32 = b.detach().requiresGrad_(true);
            Tensor x64 = x.to(DType.FLOAT64).requiresGrad_(true), w64 = w.to(DType.FLOAT64).requiresGrad_(true);
            Tensor b64 = b.to(DType.FLOAT64).requiresGrad_(true);
            Tensor y32 = F.conv2d(x32, w32, b32, opts), y64 = F.conv2d(x64, w64, b64, opts);
            Tensor gy = Tensor.randn(gen, y32.shape());
            y32.backward(gy);
            y64.backward(gy.to(DType.FLOAT64));
            String what = java.util.Arrays.toString(c);
            assertClose(y64, y32, 1e-4, what + " output");
            assertClose(x64.grad(), x32.grad(), 1e-4, what + " input grad");
            assertClose(w64.grad(), w32.grad(), 1e-4, what + " weight grad");
            assertClose(b64.grad(), b32.grad(), 1e-4, what + " bias grad");
        }
    }
}
