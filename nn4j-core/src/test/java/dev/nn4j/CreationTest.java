package dev.nn4j;

import static dev.nn4j.Ref.assertFails;
import static dev.nn4j.Ref.assertShape;
import static dev.nn4j.Ref.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Factories, conversions to Java arrays, and random tensors reproducible from a seeded Generator. */
class CreationTest {

    @Test
    void constantFactories() {
        assertValues(new double[] {0, 0, 0, 0, 0, 0}, new int[] {2, 3}, Tensor.zeros(2, 3), 0);
        assertValues(new double[] {1, 1}, new int[] {2}, Tensor.ones(2), 0);
        assertValues(new double[] {2.5, 2.5}, new int[] {1, 2}, Tensor.full(new int[] {1, 2}, 2.5), 0);
        assertEquals(DType.FLOAT32, Tensor.zeros(2).dtype());
        for (DType dt : DType.values()) {
            assertEquals(dt, Tensor.zeros(dt, 2).dtype());
            assertEquals(dt, Tensor.ones(dt, 2).dtype());
            assertEquals(dt, Tensor.full(new int[] {2}, 1, dt).dtype());
            assertEquals(dt, Tensor.empty(dt, 0, 2).dtype());
            assertEquals(1, Tensor.ones(dt, 1).item());
        }
        assertArrayEquals(new long[] {7, 7}, Tensor.full(new int[] {2}, 7, DType.INT64).toLongArray());
        assertArrayEquals(new boolean[] {true}, Tensor.full(new int[] {1}, 3, DType.BOOL).toBooleanArray());
        assertShape(new int[] {}, Tensor.scalar(3));
        assertEquals(3, Tensor.scalar(3).item());
        Tensor x = Tensor.arange(0, 6, 1, DType.FLOAT64).reshape(2, 3);
        assertEquals(DType.FLOAT64, Tensor.zerosLike(x).dtype());
        assertArrayEquals(new int[] {2, 3}, Tensor.onesLike(x).shape());
        assertValues(new double[] {4, 4, 4, 4, 4, 4}, Tensor.fullLike(x, 4), 0);
        assertShape(new int[] {0, 3}, Tensor.zeros(0, 3));
        assertFails(IllegalArgumentException.class, () -> Tensor.zeros(2, -1), "negative dimension");
        assertFails(IllegalArgumentException.class, () -> Tensor.full(new int[] {-2}, 1), "negative dimension");
    }

    @Test
    void arangeIsIntegralForIntegralArguments() {
        Tensor a = Tensor.arange(5);
        assertEquals(DType.INT64, a.dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, a.toLongArray());
        assertEquals(DType.INT64, Tensor.arange(1, 4, 1).dtype());
        assertArrayEquals(new long[] {0, -1, -2}, Tensor.arange(0, -3, -1).toLongArray());
        // torch.arange(0, 1, 0.1): 10 float32 elements, each start + i * step rounded once
        Tensor f = Tensor.arange(0, 1, 0.1);
        assertEquals(DType.FLOAT32, f.dtype());
        assertEquals(10, f.numel());
        assertEquals((double) 0.3f, f.get(3));
        assertValues(new double[] {1, 1.3f, 1.6f, 1.9f}, Tensor.arange(1, 2, 0.3), 0);
        assertValues(new double[] {-1.5, -0.5, 0.5, 1.5}, Tensor.arange(-1.5, 2.5, 1), 0);
        assertValues(new double[] {0, 0.25, 0.5, 0.75, 1}, Tensor.arange(0, 1.0000001, 0.25), 0);
        assertEquals(DType.FLOAT64, Tensor.arange(0, 3, 1, DType.FLOAT64).dtype());
        assertEquals(0, Tensor.arange(0).numel());
        assertFails(IllegalArgumentException.class, () -> Tensor.arange(0, 1, 0), "arange", "step");
        assertFails(IllegalArgumentException.class, () -> Tensor.arange(0, 5, -1), "arange");
    }

    @Test
    void linspaceMatchesPyTorch() {
        // torch.linspace(0, 1, 7).tolist() (computed in float32 by PyTorch)
        assertArrayEquals(new double[] {0.0, 0.1666666716337204, 0.3333333432674408, 0.5, 0.6666666269302368, 0.8333333134651184, 1.0},
                Tensor.linspace(0, 1, 7).toDoubleArray());
        // torch.linspace(-2.5, 3.1, 10).tolist()
        assertArrayEquals(new double[] {-2.5, -1.8777778148651123, -1.2555556297302246, -0.6333334445953369, -0.011111259460449219,
                0.6111111640930176, 1.2333333492279053, 1.855555534362793, 2.4777777194976807, 3.0999999046325684},
                Tensor.linspace(-2.5, 3.1, 10).toDoubleArray());
        assertArrayEquals(new double[] {0.0, 1.0 / 6, 1.0 / 3, 0.5, 0.6666666666666667, 0.8333333333333334, 1.0},
                Tensor.linspace(0, 1, 7, DType.FLOAT64).toDoubleArray());
        assertArrayEquals(new double[] {3}, Tensor.linspace(3, 3, 1).toDoubleArray());
        assertEquals(0, Tensor.linspace(0, 1, 0).numel());
        assertArrayEquals(new long[] {0, 2, 5, 7, 10}, Tensor.linspace(0, 10, 5, DType.INT64).toLongArray());
        assertArrayEquals(new long[] {0, 0, 0, 1}, Tensor.linspace(0, 1, 4, DType.INT64).toLongArray());
        assertFails(IllegalArgumentException.class, () -> Tensor.linspace(0, 1, -1), "linspace");
    }

    @Test
    void eye() {
        assertValues(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new int[] {3, 3}, Tensor.eye(3), 0);
        assertValues(new double[] {1, 0, 0, 0, 1, 0}, new int[] {2, 3}, Tensor.eye(2, 3, DType.FLOAT32), 0);
        assertValues(new double[] {1, 0, 0, 1, 0, 0}, new int[] {3, 2}, Tensor.eye(3, 2, DType.INT64), 0);
        assertEquals(DType.BOOL, Tensor.eye(2, 2, DType.BOOL).dtype());
    }

    @Test
    void arraysAreWrappedOrCopiedAsDocumented() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor w = Tensor.fromArray(data, 2, 3);
        data[0] = 100;
        assertEquals(100, w.get(0, 0), "fromArray wraps without copying");
        float[] src = {1, 2};
        Tensor c = Tensor.of(src);
        src[0] = 100;
        assertEquals(1, c.get(0), "of copies");
        assertEquals(DType.FLOAT64, Tensor.of(1.0).dtype());
        assertEquals(DType.INT64, Tensor.of(1L).dtype());
        assertEquals(DType.BOOL, Tensor.of(true).dtype());
        assertEquals(DType.FLOAT64, Tensor.fromArray(new double[4], 2, 2).dtype());
        assertValues(new double[] {1, 2, 3, 4}, new int[] {2, 2}, Tensor.fromArray(new float[][] {{1, 2}, {3, 4}}), 0);
        assertFails(IllegalArgumentException.class, () -> Tensor.fromArray(new float[][] {{1, 2}, {3}}), "ragged");
        assertFails(IllegalArgumentException.class, () -> Tensor.fromArray(new float[5], 2, 3), "fromArray", "(2, 3)", "5");
        // conversions read views in logical order and never alias the storage
        Tensor t = Tensor.arange(0, 6, 1, DType.FLOAT32).reshape(2, 3).t();
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.toFloatArray());
        float[] out = w.toFloatArray();
        out[1] = -1;
        assertEquals(2, w.get(0, 1));
        assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, t.toLongArray());
        assertArrayEquals(new boolean[] {false, true, true, true, true, true}, t.toBooleanArray());
        assertArrayEquals(new float[] {2, 3}, w.narrow(1, 1, 2).narrow(0, 0, 1).toFloatArray());
    }

    @Test
    void randomFactoriesAreReproducibleFromASeed() {
        Tensor a = Tensor.randn(new Generator(42), 3, 4), b = Tensor.randn(new Generator(42), 3, 4), c = Tensor.randn(new Generator(43), 3, 4);
        assertArrayEquals(a.toDoubleArray(), b.toDoubleArray());
        assertFalse(Arrays.equals(a.toDoubleArray(), c.toDoubleArray()));
        assertArrayEquals(Tensor.rand(new Generator(1), 5).toDoubleArray(), Tensor.rand(new Generator(1), 5).toDoubleArray());
        assertArrayEquals(Tensor.randint(0, 10, new Generator(1), 5).toLongArray(), Tensor.randint(0, 10, new Generator(1), 5).toLongArray());
        assertArrayEquals(Tensor.randperm(20, new Generator(1)).toLongArray(), Tensor.randperm(20, new Generator(1)).toLongArray());
        Generator g = new Generator(5);
        Tensor first = Tensor.randn(g, 4);
        assertNotEquals(Arrays.toString(first.toDoubleArray()), Arrays.toString(Tensor.randn(g, 4).toDoubleArray()), "the stream advances");
        g.manualSeed(5);
        assertArrayEquals(first.toDoubleArray(), Tensor.randn(g, 4).toDoubleArray());
        assertEquals(5, g.initialSeed());
        Nn4j.manualSeed(123);
        double[] d1 = Tensor.randn(6).toDoubleArray();
        double[] r1 = Tensor.rand(3).toDoubleArray();
        Nn4j.manualSeed(123);
        assertArrayEquals(d1, Tensor.randn(6).toDoubleArray());
        assertArrayEquals(r1, Tensor.rand(3).toDoubleArray());
        // forks are reproducible too and independent of their parent's later use
        assertArrayEquals(Tensor.rand(new Generator(9).fork(), 3).toDoubleArray(), Tensor.rand(new Generator(9).fork(), 3).toDoubleArray());
        // in-place random fills draw from the given generator
        Tensor u1 = Tensor.zeros(4).uniform_(-1, 1, new Generator(3)), u2 = Tensor.zeros(4).uniform_(-1, 1, new Generator(3));
        assertArrayEquals(u1.toDoubleArray(), u2.toDoubleArray());
        Tensor n1 = Tensor.zeros(4).normal_(2, 3, new Generator(3)), n2 = Tensor.zeros(4).normal_(2, 3, new Generator(3));
        assertArrayEquals(n1.toDoubleArray(), n2.toDoubleArray());
    }

    @Test
    void randomValuesHaveTheRightDistribution() {
        Generator g = new Generator(2024);
        int n = 40000;
        double[] z = Tensor.randn(DType.FLOAT64, g, n).toDoubleArray();
        double mean = Arrays.stream(z).average().orElseThrow();
        double var = Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        // standard errors: 1/sqrt(n) = 0.005 for the mean, about 0.007 for the variance
        assertEquals(0, mean, 0.025);
        assertEquals(1, var, 0.035);
        long within1 = Arrays.stream(z).filter(v -> Math.abs(v) < 1).count();
        assertEquals(0.6827, within1 / (double) n, 0.015);
        double[] u = Tensor.rand(DType.FLOAT64, g, n).toDoubleArray();
        assertTrue(Arrays.stream(u).allMatch(v -> v >= 0 && v < 1));
        assertEquals(0.5, Arrays.stream(u).average().orElseThrow(), 0.01);
        assertEquals(DType.FLOAT32, Tensor.rand(g, 3).dtype());
        long[] ri = Tensor.randint(-3, 4, g, 5000).toLongArray();
        assertTrue(Arrays.stream(ri).allMatch(v -> v >= -3 && v < 4));
        for (long k = -3; k < 4; k++) {
            long kk = k;
            assertTrue(Arrays.stream(ri).filter(v -> v == kk).count() > 500, "every value in [low, high) occurs");
        }
        long[] perm = Tensor.randperm(100, g).toLongArray();
        long[] sorted = perm.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) assertEquals(i, sorted[i]);
        assertFalse(Arrays.equals(perm, sorted), "a random permutation of 100 is not the identity");
        double[] nrm = Tensor.zeros(DType.FLOAT64, n).normal_(3, 2, g).toDoubleArray();
        assertEquals(3, Arrays.stream(nrm).average().orElseThrow(), 0.05);
        double[] bern = Tensor.zeros(n).bernoulli_(0.3, g).toDoubleArray();
        assertEquals(0.3, Arrays.stream(bern).average().orElseThrow(), 0.015);
        assertTrue(Arrays.stream(bern).allMatch(v -> v == 0 || v == 1));
        assertFails(IllegalArgumentException.class, () -> Tensor.randint(3, 3, g, 2), "randint", "low < high");
        assertFails(IllegalArgumentException.class, () -> Tensor.randn(DType.INT64, g, 2), "randn", "floating point");
        assertFails(IllegalArgumentException.class, () -> Tensor.zeros(2).bernoulli_(1.5, g), "bernoulli_");
        assertFails(IllegalArgumentException.class, () -> Tensor.randperm(-1, g), "randperm");
    }

    @Test
    void inPlaceRandomFillsRespectViews() {
        Tensor base = Tensor.zeros(3, 4);
        base.narrow(1, 1, 2).uniform_(5, 6, new Generator(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, base.get(i, 0));
            assertTrue(base.get(i, 1) >= 5 && base.get(i, 2) < 6);
            assertEquals(0, base.get(i, 3));
        }
        Tensor t = Tensor.zeros(2, 3).t();
        t.fill_(2);
        assertValues(new double[] {2, 2, 2, 2, 2, 2}, t, 0);
        Tensor cp = Tensor.zeros(2, 3);
        cp.copy_(Tensor.of(1f, 2f, 3f));
        assertValues(new double[] {1, 2, 3, 1, 2, 3}, cp, 0);
        cp.t().copy_(Tensor.of(7L, 8L));
        assertValues(new double[] {7, 7, 7, 8, 8, 8}, cp, 0);
        assertFails(IllegalArgumentException.class, () -> cp.copy_(Tensor.zeros(4)), "copy_");
    }
}
