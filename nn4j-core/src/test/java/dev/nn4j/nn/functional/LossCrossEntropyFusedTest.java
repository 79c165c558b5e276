package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The fused cross-entropy ({@link CrossEntropyFunction}) against its composite twin
 * ({@link ClassificationLosses#crossEntropyComposite}: log-softmax + nll_loss), values and gradients, over class
 * counts around the vector width, weights, ignored targets, strided logits and both float types.
 */
class LossCrossEntropyFusedTest {
    private final Generator gen = new Generator(77);

    private void compareTwins(int n, int c, DType dt, boolean weighted, long ignoreIndex, Reduction r, boolean transposed) {
        Tensor logits = transposed
                ? Tensor.randn(dt, gen, c, n).mul(4).transpose(0, 1).detach()
                : Tensor.randn(dt, gen, n, c).mul(4).detach();
        Tensor target = Tensor.randint(0, c, gen, n);
        if (ignoreIndex >= 0 && n > 1) target = target.maskedFill(Tensor.arange(n).remainder(3).eq(0), ignoreIndex);
        Tensor weight = weighted ? Tensor.rand(dt, gen, c).add(0.5) : null;
        Tensor a = logits.clone().detach().requiresGrad_(true);
        Tensor b = logits.clone().detach().requiresGrad_(true);
        Tensor fused = new CrossEntropyFunction(target, weight, ignoreIndex, r).apply(a);
        Tensor composite = ClassificationLosses.crossEntropyComposite(b, target, weight, ignoreIndex, r);
        double tol = dt == DType.FLOAT32 ? 2e-5 : 1e-12;
        String where = "n=" + n + " c=" + c + " " + dt + " weighted=" + weighted + " ignore=" + ignoreIndex + " " + r + (transposed ? " strided" : "");
        assertNull(LossGolden.compare(fused, composite.detach(), tol, tol), "forward " + where);
        Tensor go = Tensor.randn(dt, gen, fused.shape());
        Autograd.backward(java.util.List.of(fused), java.util.List.of(go));
        Autograd.backward(java.util.List.of(composite), java.util.List.of(go));
        assertNull(LossGolden.compare(a.grad(), b.grad(), tol, tol), "backward " + where);
    }

    @Test
    void fusedMatchesCompositeTwin() {
        for (DType dt : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int c : new int[] {1, 3, 7, 8, 16, 17, 33, 100}) {
                for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
                    compareTwins(5, c, dt, false, -100, r, false);
                    compareTwins(6, c, dt, true, c > 1 ? 0 : -100, r, false);
                    compareTwins(4, c, dt, true, -100, r, true);
                }
            }
        }
    }

    @Test
    void spatialAndUnbatchedInputsRunFusedAndMatchTheTwin() {
        Tensor w = Tensor.rand(gen, 5).add(0.5);
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            for (int[] shape : new int[][] {{2, 5, 3, 4}, {3, 5, 2}, {5}}) {
                Tensor x = Tensor.randn(gen, shape);
                int[] ts = shape.length == 1 ? new int[0] : new int[shape.length - 1];
                if (shape.length > 1) {
                    ts[0] = shape[0];
                    System.arraycopy(shape, 2, ts, 1, shape.length - 2);
                }
                Tensor t = Tensor.randint(0, 5, gen, ts).maskedFill(Tensor.rand(gen, ts).lt(0.2), 1);
                Tensor a = x.clone().requiresGrad_(true), b = x.clone().requiresGrad_(true);
                Tensor fused = F.crossEntropy(a, t, CrossEntropy.opts().weight(w).ignoreIndex(1).reduction(r));
                Tensor twin = ClassificationLosses.crossEntropyComposite(b, t, w, 1, r);
                assertNull(LossGolden.compare(fused, twin.detach(), 2e-5, 2e-5), "forward " + java.util.Arrays.toString(shape) + " " + r);
                Tensor go = Tensor.randn(gen, fused.shape());
                fused.backward(go);
                twin.backward(go);
                assertNull(LossGolden.compare(a.grad(), b.grad(), 2e-5, 2e-5), "backward " + java.util.Arrays.toString(shape) + " " + r);
            }
        }
    }

    @Test
    void fusedPathIsTakenForIndexTargets() {
        Tensor x = Tensor.randn(gen, 4, 3).requiresGrad_(true);
        assertEquals("NllLossBackward0", F.crossEntropy(x, Tensor.of(new long[] {0, 2, 1, 2})).gradFn().name());
        Tensor spatial = Tensor.randn(gen, 2, 3, 4).requiresGrad_(true);
        assertEquals("NllLossBackward0", F.crossEntropy(spatial, Tensor.zeros(DType.INT64, 2, 4)).gradFn().name());
    }

    @Test
    void largeLogitsStayFinite() {
        Tensor x = Tensor.fromArray(new float[] {1000f, -1000f, 0f, -1000f, -1000f, -999f}, 2, 3).requiresGrad_(true);
        Tensor loss = F.crossEntropy(x, Tensor.of(new long[] {1, 2}), CrossEntropy.opts().reduction(Reduction.NONE));
        assertEquals(2000.0, loss.get(0), 1e-3);
        assertEquals(Math.log(1 + 2 * Math.exp(-1)), loss.get(1), 1e-5);
        loss.sum().backward();
        assertTrue(!x.grad().hasNonFinite());
        assertEquals(-1.0, x.grad().get(0, 1), 1e-6);
    }

    @Test
    void allTargetsIgnoredGivesNanMeanAndZeroGradient() {
        Tensor x = Tensor.randn(gen, 3, 4).requiresGrad_(true);
        Tensor loss = F.crossEntropy(x, Tensor.of(new long[] {-100, -100, -100}));
        assertTrue(Double.isNaN(loss.item()));
        loss.backward();
        assertEquals(0.0, x.grad().abs().sum().item());
    }

    @Test
    void emptyBatch() {
        Tensor x = Tensor.zeros(0, 4).requiresGrad_(true);
        Tensor t = Tensor.zeros(dev.nn4j.DType.INT64, 0);
        assertTrue(Double.isNaN(F.crossEntropy(x, t).item()));
        assertEquals(0.0, F.crossEntropy(x, t, CrossEntropy.opts().reduction(Reduction.SUM)).item());
        assertEquals(0, F.crossEntropy(x, t, CrossEntropy.opts().reduction(Reduction.NONE)).numel());
    }
}
