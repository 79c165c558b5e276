package dev.nn4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Regressions of the tensor core found by the conformance cases, one test per fix. */
class TensorRegressionTest {
    /** digamma had no derivative; PyTorch's is trigamma (polygamma(1, x)). */
    @Test
    void digammaBackwardIsTrigamma() {
        Tensor x = Tensor.fromArray(new double[] {1, 0.5, -0.5, 7.25}, 4).requiresGrad_();
        x.digamma().sum().backward();
        double pi2 = Math.PI * Math.PI;
        // trigamma(1) = pi^2/6, trigamma(1/2) = pi^2/2, trigamma(-1/2) = pi^2/2 + 4 (reflection), trigamma(7.25) from PyTorch
        assertArrayEquals(new double[] {pi2 / 6, pi2 / 2, pi2 / 2 + 4, 0.14787923316154666}, x.grad().toDoubleArray(), 1e-10);
    }

    @Test
    void digammaGradCheck() {
        Tensor x = Tensor.fromArray(new double[] {0.3, 1.7, 4.0, 9.5, -0.4}, 5).requiresGrad_();
        GradCheck.check(in -> in[0].digamma(), x);
    }

    @Test
    void digammaGradientIsFloat32ForFloat32Input() {
        Tensor x = Tensor.fromArray(new float[] {2f, 3f}, 2).requiresGrad_();
        x.digamma().sum().backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
        assertEquals(Math.PI * Math.PI / 6 - 1, x.grad().get(0), 1e-6);
    }
}
