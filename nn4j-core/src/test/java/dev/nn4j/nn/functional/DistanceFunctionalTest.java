package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActivationFunctionalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/** Distance functions: gradients by finite differences, shapes, and errors. */
class DistanceFunctionalTest {
    private static Tensor rand64(long seed, int... shape) {
        return Tensor.randn(DType.FLOAT64, new Generator(seed), shape);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor a = rand64(1, 4, 5).requiresGrad_(), b = rand64(2, 4, 5).requiresGrad_();
        for (double p : new double[] {1, 2, 3, Double.POSITIVE_INFINITY}) {
            GradCheck.check(in -> F.pairwiseDistance(in[0], in[1], p, 1e-6, false), a, b);
            GradCheck.check(in -> F.pdist(in[0], p), a);
        }
        GradCheck.check(in -> F.cosineSimilarity(in[0], in[1]), a, b);
        GradCheck.check(in -> F.cosineSimilarity(in[0], in[1], -1, 1e-8), a, rand64(3, 1, 5).requiresGrad_());
    }

    @Test
    void zeroNormCountsNonZerosAndKeepsAZeroGradient() {
        // PyTorch: pdist / pairwise_distance with p=0 count non-zeros; the output still requires grad, its gradient is 0
        Tensor x = Tensor.of(1.0, 2.0, 3.0, 1.0, 0.0, 3.0, 0.0, 0.0, Double.POSITIVE_INFINITY).reshape(3, 3).requiresGrad_();
        Tensor out = F.pdist(x, 0);
        assertArrayEquals(new double[] {1, 3, 2}, out.toDoubleArray(), 0);
        assertEquals(true, out.requiresGrad());
        out.backward(Tensor.of(1.0, 2.0, 3.0));
        assertArrayEquals(new double[9], x.grad().toDoubleArray(), 0);
        Tensor y = Tensor.of(1.0, 0.0, 2.0).reshape(1, 3).requiresGrad_();
        Tensor d = F.pairwiseDistance(y, Tensor.zeros(DType.FLOAT64, 1, 3), 0, 0, false);
        assertArrayEquals(new double[] {2}, d.toDoubleArray(), 0);
        assertEquals(true, d.requiresGrad());
    }

    @Test
    void shapes() {
        assertArrayEquals(new int[] {4}, F.pairwiseDistance(rand64(1, 4, 5), rand64(2, 1, 5)).shape());
        assertArrayEquals(new int[] {4, 1}, F.pairwiseDistance(rand64(1, 4, 5), rand64(2, 4, 5), 2, 1e-6, true).shape());
        assertArrayEquals(new int[] {10}, F.pdist(rand64(1, 5, 3)).shape());
        assertArrayEquals(new int[] {0}, F.pdist(rand64(1, 1, 3)).shape());
        assertArrayEquals(new int[] {2, 3}, F.cosineSimilarity(rand64(1, 2, 1, 4), rand64(2, 3, 4), -1, 1e-8).shape());
        assertEquals(5.0, F.pairwiseDistance(Tensor.of(3.0, 0.0), Tensor.of(0.0, 4.0), 2, 0, false).item(), 1e-12);
        assertEquals(1.0, F.cosineSimilarity(Tensor.of(1.0, 2.0).reshape(1, 2), Tensor.of(2.0, 4.0).reshape(1, 2)).item(), 1e-12);
    }

    @Test
    void badArgumentsFailWithClearMessages() {
        assertMessage(() -> F.pdist(rand64(1, 2, 3, 4)), "pdist", "2D");
        assertMessage(() -> F.pdist(rand64(1, 3, 4), -1), "pdist", "non-negative");
        assertMessage(() -> F.pairwiseDistance(rand64(1, 3, 4), rand64(1, 3, 5)), "pairwise_distance", "broadcastable");
        assertMessage(() -> F.cosineSimilarity(rand64(1, 3, 4), rand64(1, 3, 4), 2, 1e-8), "cosine_similarity", "dim 2");
    }
}
