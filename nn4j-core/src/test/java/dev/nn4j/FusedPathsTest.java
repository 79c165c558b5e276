package dev.nn4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nn4j.nn.functional.F;
import org.junit.jupiter.api.Test;

/** Fast paths of the op layer against the composites they replace (same numbers, same random stream). */
class FusedPathsTest {
    @Test
    void reluGradientMatchesThresholdBackwardComposite() {
        Generator gen = new Generator(1);
        for (boolean transposed : new boolean[] {false, true}) {
            Tensor x0 = Tensor.randn(gen, 33, 17);
            x0.set(Double.NaN, 0, 0);
            x0.set(-0.0, 1, 1);
            x0.set(0.0, 2, 2);
            Tensor x = (transposed ? x0.t() : x0).detach().requiresGrad_(true);
            Tensor g = Tensor.randn(gen, x.shape());
            g.set(Double.POSITIVE_INFINITY, 3, 3);
            x.relu().backward(g);
            Tensor y = x.detach().relu();
            Tensor want = Tensor.where(y.le(0), 0.0, g);   // PyTorch: threshold_backward(g, relu(x), 0)
            assertArrayEquals(want.toFloatArray(), x.grad().toFloatArray(), "transposed=" + transposed);
        }
    }

    @Test
    void reluGradientInFloat64TakesTheCompositePath() {
        Tensor x = Tensor.of(-1.0, 0.0, 2.0, Double.NaN).requiresGrad_(true);
        x.relu().backward(Tensor.of(1.0, 1.0, 1.0, 1.0));
        assertArrayEquals(new double[] {0, 0, 1, 1}, x.grad().toDoubleArray());
    }

    @Test
    void dropoutMaskIsTheCompositeMaskWithTheSameStream() {
        Tensor x = Tensor.randn(new Generator(2), 8, 300);
        for (double p : new double[] {0.1, 0.5, 0.9}) {
            Tensor got = F.dropout(x, p, true, false, new Generator(42));
            Tensor keep = Tensor.rand(new Generator(42), 8, 300).ge(p).to(DType.FLOAT32);
            Tensor want = x.mul(keep.div(1 - p));
            assertArrayEquals(want.toFloatArray(), got.toFloatArray(), "p=" + p);
        }
    }

    @Test
    void bulkRandomFillsAreTheScalarStream() {
        Generator a = new Generator(5), b = new Generator(5);
        Tensor u = Tensor.rand(a, 101), n = Tensor.randn(a, 77);
        float[] wantU = new float[101], wantN = new float[77];
        for (int i = 0; i < 101; i++) wantU[i] = (float) b.nextDouble();
        for (int i = 0; i < 77; i++) wantN[i] = (float) b.nextGaussian();
        assertArrayEquals(wantU, u.toFloatArray());
        assertArrayEquals(wantN, n.toFloatArray());
    }

    @Test
    void largeDropoutMasksDependOnTheSeedOnlyNotOnThreads() {
        Tensor x = Tensor.ones(300, 1000);
        int threads = Nn4j.getNumThreads();
        try {
            Nn4j.setNumThreads(1);
            float[] one = F.dropout(x, 0.3, true, false, new Generator(9)).toFloatArray();
            Nn4j.setNumThreads(3);
            float[] three = F.dropout(x, 0.3, true, false, new Generator(9)).toFloatArray();
            assertArrayEquals(one, three);
            int kept = 0;
            for (float v : one) {
                if (v != 0f) {
                    kept++;
                    org.junit.jupiter.api.Assertions.assertEquals(1f / 0.7f, v, 1e-6f);
                }
            }
            org.junit.jupiter.api.Assertions.assertEquals(0.7, kept / 300000.0, 0.005);
            org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(one,
                    F.dropout(x, 0.3, true, false, new Generator(10)).toFloatArray()));
        } finally {
            Nn4j.setNumThreads(threads);
        }
    }
}
