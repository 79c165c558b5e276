package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActivationFunctionalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/** linear and bilinear: gradients by finite differences, N-D shapes, errors. */
class LayersFunctionalTest {
    private static Tensor rand64(long seed, int... shape) {
        return Tensor.randn(DType.FLOAT64, new Generator(seed), shape);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor x = rand64(1, 2, 3, 4).requiresGrad_(), w = rand64(2, 5, 4).requiresGrad_(), b = rand64(3, 5).requiresGrad_();
        GradCheck.check(in -> F.linear(in[0], in[1], in[2]), x, w, b);
        GradCheck.check(in -> F.linear(in[0].transpose(0, 1), in[1]), x, w);
        Tensor x2 = rand64(4, 2, 3, 6).requiresGrad_(), bw = rand64(5, 5, 4, 6).requiresGrad_();
        GradCheck.check(in -> F.bilinear(in[0], in[1], in[2], in[3]), x, x2, bw, b);
    }

    @Test
    void linearMatchesExplicitFormulaForEveryRank() {
        Tensor w = rand64(6, 3, 4), b = rand64(7, 3);
        for (int[] shape : new int[][] {{4}, {2, 4}, {2, 3, 4}, {2, 1, 3, 4}}) {
            Tensor x = rand64(8, shape);
            Tensor want = x.matmul(w.t()).add(b);
            Tensor got = F.linear(x, w, b);
            assertArrayEquals(want.shape(), got.shape());
            assertTrue(got.allclose(want, 1e-12, 1e-12));
        }
        assertArrayEquals(new int[] {2}, F.linear(rand64(9, 2, 4), rand64(10, 4)).shape());
    }

    @Test
    void badArgumentsFailWithClearMessages() {
        assertMessage(() -> F.linear(rand64(1, 2, 3), rand64(1, 5, 4)), "linear", "in_features=4");
        assertMessage(() -> F.linear(rand64(1, 2, 4), rand64(1, 5, 4, 1)), "linear", "(out_features, in_features)");
        assertMessage(() -> F.linear(rand64(1, 2, 4), rand64(1, 5, 4).to(DType.FLOAT32)), "linear", "dtype");
        assertMessage(() -> F.bilinear(rand64(1, 2, 3), rand64(1, 2, 4), rand64(1, 5, 3, 5)), "bilinear", "in2_features=5");
        assertMessage(() -> F.bilinear(rand64(1, 2, 3), rand64(1, 3, 4), rand64(1, 5, 3, 4)), "bilinear", "same batch dimensions");
        assertMessage(() -> F.bilinear(rand64(1, 2, 3), rand64(1, 2, 4), rand64(1, 5, 3, 4), rand64(1, 4)), "bilinear", "bias");
    }
}
