package dev.nn4j.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * nn.init: exact values where PyTorch's are deterministic (gains, fans, eye_, dirac_, constants; PyTorch 1.13
 * output in the comments), distribution checks (bounds, mean, variance on large tensors) for the random ones.
 */
class InitTest {
    private static final Generator G = new Generator(42);

    /** Mean and (population) variance of a tensor's elements. */
    static double[] meanVar(Tensor t) {
        double[] v = t.toDoubleArray();
        double m = 0, s = 0;
        for (double x : v) m += x;
        m /= v.length;
        for (double x : v) s += (x - m) * (x - m);
        return new double[] {m, s / v.length};
    }

    static double[] minMax(Tensor t) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : t.toDoubleArray()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return new double[] {lo, hi};
    }

    @Test
    void calculateGainMatchesPyTorch() {
        // torch.nn.init.calculate_gain(...) for each case
        assertEquals(1.0, Init.calculateGain("linear"));
        assertEquals(1.0, Init.calculateGain("conv2d"));
        assertEquals(1.0, Init.calculateGain("conv_transpose3d"));
        assertEquals(1.0, Init.calculateGain("sigmoid"));
        assertEquals(1.6666666666666667, Init.calculateGain("tanh"), 1e-15);
        assertEquals(1.4142135623730951, Init.calculateGain("relu"), 1e-15);
        assertEquals(1.4141428569978354, Init.calculateGain("leaky_relu"), 1e-15);
        assertEquals(1.3867504905630728, Init.calculateGain("leaky_relu", 0.2), 1e-15);
        assertEquals(0.75, Init.calculateGain("selu"));
        var e = assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("swish"));
        assertTrue(e.getMessage().contains("unsupported nonlinearity swish"));
    }

    @Test
    void fansFollowPyTorch() {
        assertArrayEquals(new int[] {4, 3}, Init.calculateFanInAndFanOut(Tensor.empty(3, 4)));
        assertArrayEquals(new int[] {2 * 9, 5 * 9}, Init.calculateFanInAndFanOut(Tensor.empty(5, 2, 3, 3)));
        var e = assertThrows(IllegalArgumentException.class, () -> Init.calculateFanInAndFanOut(Tensor.empty(7)));
        assertTrue(e.getMessage().contains("fewer than 2 dimensions"));
    }

    @Test
    void constantsEyeAndDirac() {
        Tensor t = Tensor.empty(2, 3);
        assertSame(t, Init.constant_(t, 2.5));
        assertEquals(15.0, t.sum().item(), 1e-6);
        assertEquals(6.0, Init.ones_(t).sum().item());
        assertEquals(0.0, Init.zeros_(t).abs().sum().item());
        // init.eye_(torch.empty(2, 3)) -> [[1, 0, 0], [0, 1, 0]]
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, Init.eye_(t).toFloatArray());
        // init.dirac_(torch.empty(3, 4, 3)): out channel c has a 1 at [c, c, 1]
        Tensor d = Init.dirac_(Tensor.empty(3, 4, 3));
        assertEquals(3.0, d.sum().item());
        for (int c = 0; c < 3; c++) assertEquals(1.0, d.get(c, c, 1));
        // init.dirac_(torch.empty(4, 2, 3, 3), groups=2).nonzero() -> [[0,0,1,1],[1,1,1,1],[2,0,1,1],[3,1,1,1]]
        Tensor g = Init.dirac_(Tensor.empty(4, 2, 3, 3), 2);
        assertArrayEquals(new long[] {0, 0, 1, 1, 1, 1, 1, 1, 2, 0, 1, 1, 3, 1, 1, 1}, g.nonzero().toLongArray());
        assertThrows(IllegalArgumentException.class, () -> Init.eye_(Tensor.empty(2, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> Init.dirac_(Tensor.empty(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> Init.dirac_(Tensor.empty(3, 2, 3), 2));
    }

    @Test
    void uniformAndNormalHaveTheirMoments() {
        Tensor u = Init.uniform_(Tensor.empty(400, 250), -2, 3, G);
        double[] mm = minMax(u), mv = meanVar(u);
        assertTrue(mm[0] >= -2 && mm[1] < 3);
        assertEquals(0.5, mv[0], 0.02);
        assertEquals(25.0 / 12, mv[1], 0.03);
        Tensor n = Init.normal_(Tensor.empty(400, 250), 1.5, 0.5, G);
        mv = meanVar(n);
        assertEquals(1.5, mv[0], 0.005);
        assertEquals(0.25, mv[1], 0.005);
    }

    @Test
    void truncNormalStaysInBoundsWithTheTruncatedMoments() {
        Tensor t = Init.truncNormal_(Tensor.empty(400, 250), 0, 1, -1, 2, G);
        double[] mm = minMax(t), mv = meanVar(t);
        assertTrue(mm[0] >= -1 && mm[1] <= 2);
        // truncated N(0,1) on [-1, 2]: mean = (phi(-1) - phi(2)) / (Phi(2) - Phi(-1)) = 0.2296, var = 0.5198
        assertEquals(0.2296, mv[0], 0.01);
        assertEquals(0.5198, mv[1], 0.01);
        assertThrows(IllegalArgumentException.class, () -> Init.truncNormal_(Tensor.empty(3), 0, 1, 2, 1));
    }

    @Test
    void xavierAndKaimingScaleWithTheFans() {
        Tensor w = Tensor.empty(300, 200);
        double a = Math.sqrt(6.0 / 500);
        Init.xavierUniform_(w, 1, G);
        assertTrue(minMax(w)[0] >= -a && minMax(w)[1] <= a);
        assertEquals(a * a / 3, meanVar(w)[1], a * a / 3 * 0.03);
        Init.xavierNormal_(w, 2.0, G);
        assertEquals(4.0 * 2 / 500, meanVar(w)[1], 4.0 * 2 / 500 * 0.03);

        // kaiming_uniform_(a=sqrt(5)) is U(-1/sqrt(fan_in), 1/sqrt(fan_in)): the Linear and Conv default
        Init.kaimingUniform_(w, Math.sqrt(5), Init.Mode.FAN_IN, "leaky_relu", G);
        double bound = 1 / Math.sqrt(200);
        assertTrue(minMax(w)[0] >= -bound && minMax(w)[1] <= bound);
        assertEquals(bound * bound / 3, meanVar(w)[1], bound * bound / 3 * 0.03);
        Init.kaimingNormal_(w, 0, Init.Mode.FAN_OUT, "relu", G);
        assertEquals(2.0 / 300, meanVar(w)[1], 2.0 / 300 * 0.03);
        assertEquals(0.0, meanVar(w)[0], 0.002);
        assertThrows(IllegalArgumentException.class, () -> Init.Mode.of("fan_avg"));
        Tensor empty = Tensor.empty(0, 3);
        assertSame(empty, Init.kaimingUniform_(empty)); // zero elements: a no-op, as PyTorch
    }

    @Test
    void orthogonalGivesOrthonormalRowsOrColumns() {
        for (int[] shape : new int[][] {{6, 4}, {3, 7}, {4, 2, 3}}) {
            Tensor q = Init.orthogonal_(Tensor.empty(DType.FLOAT64, shape), 2.0, G);
            int rows = shape[0], cols = q.numel() / rows;
            Tensor m = q.reshape(rows, cols);
            Tensor gram = rows >= cols ? m.t().matmul(m) : m.matmul(m.t());
            int n = Math.min(rows, cols);
            assertTrue(gram.allclose(Tensor.eye(n, n, DType.FLOAT64).mul(4.0), 1e-9, 1e-9), "Q^T Q = gain^2 I for " + java.util.Arrays.toString(shape));
        }
        assertThrows(IllegalArgumentException.class, () -> Init.orthogonal_(Tensor.empty(5)));
    }

    @Test
    void sparseZeroesTheRightCountPerColumn() {
        Tensor s = Init.sparse_(Tensor.empty(10, 50), 0.25, 0.5, G);
        for (int c = 0; c < 50; c++) {
            int zeros = 0;
            for (int r = 0; r < 10; r++) if (s.get(r, c) == 0) zeros++;
            assertEquals(3, zeros); // ceil(0.25 * 10)
        }
        double[] mv = meanVar(s);
        assertEquals(0.25 * 0.7, mv[1], 0.05); // 70% of entries are N(0, 0.25)
        assertThrows(IllegalArgumentException.class, () -> Init.sparse_(Tensor.empty(2, 3, 4), 0.1));
    }

    @Test
    void seededGeneratorsReproduceAndInitIsNotRecorded() {
        Tensor a = Init.kaimingUniform_(Tensor.empty(5, 5), Math.sqrt(5), Init.Mode.FAN_IN, "leaky_relu", new Generator(7));
        Tensor b = Init.kaimingUniform_(Tensor.empty(5, 5), Math.sqrt(5), Init.Mode.FAN_IN, "leaky_relu", new Generator(7));
        assertTrue(a.equal(b));
        Tensor p = Tensor.zeros(3, 3).requiresGrad_(true);
        Init.normal_(p); // in place on a leaf that requires grad: allowed, init runs without grad
        assertTrue(p.isLeaf());
        assertFalse(p.equal(Tensor.zeros(3, 3)));
    }
}
