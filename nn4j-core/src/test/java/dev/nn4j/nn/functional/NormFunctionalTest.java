package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActivationFunctionalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/** Fused batch/layer norm against their composite twins, gradients by finite differences, options objects, errors. */
class NormFunctionalTest {
    private static Tensor rand64(long seed, int... shape) {
        return Tensor.randn(DType.FLOAT64, new Generator(seed), shape);
    }

    @Test
    void fusedBatchNormMatchesCompositeInBothModesAndDtypes() {
        for (int[] shape : new int[][] {{5, 3}, {4, 3, 7}, {2, 3, 5, 9}, {2, 3, 17, 1}}) {
            for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                double tol = dt == DType.FLOAT64 ? 1e-12 : 2e-5;
                Tensor x = rand64(1, shape).mul(3).add(2).to(dt);
                Tensor w = rand64(2, 3).to(dt), b = rand64(3, 3).to(dt);
                Tensor rm = rand64(4, 3).to(dt), rv = rand64(5, 3).abs().add(0.5).to(dt);
                for (boolean training : new boolean[] {true, false}) {
                    Tensor fused = F.batchNorm(x, rm.clone(), rv.clone(), w, b, training, 0.1, 1e-5);
                    Tensor ref = Normalization.batchNormComposite(x, rm, rv, w, b, training, 1e-5);
                    assertTrue(fused.allclose(ref, tol, tol), "batch_norm " + java.util.Arrays.toString(shape) + " training=" + training);
                }
            }
        }
    }

    @Test
    void batchNormTrainingUpdatesRunningStatsWithUnbiasedVariance() {
        Tensor x = rand64(6, 4, 2, 3);
        Tensor rm = Tensor.zeros(DType.FLOAT64, 2), rv = Tensor.ones(DType.FLOAT64, 2);
        BatchNorm.opts().training(true).momentum(0.25).apply(x, rm, rv, null, null);
        Tensor mean = x.mean(new int[] {0, 2}, false);
        Tensor var = x.var(new int[] {0, 2}, 1, false);
        assertTrue(rm.allclose(mean.mul(0.25), 1e-12, 1e-12));
        assertTrue(rv.allclose(var.mul(0.25).add(0.75), 1e-12, 1e-12));
        // evaluation leaves them alone
        Tensor before = rm.clone();
        F.batchNorm(x, rm, rv);
        assertTrue(rm.equal(before));
    }

    @Test
    void emptyBatchGivesEmptyOutputAndLeavesRunningStatsAlone() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 0, 3).requiresGrad_();
        Tensor w = Tensor.ones(DType.FLOAT64, 3).requiresGrad_();
        Tensor rm = Tensor.zeros(DType.FLOAT64, 3), rv = Tensor.ones(DType.FLOAT64, 3);
        Tensor y = F.batchNorm(x, rm, rv, w, null, true, 0.1, 1e-5);
        assertArrayEquals(new int[] {0, 3}, y.shape());
        y.sum().backward();
        assertTrue(rm.equal(Tensor.zeros(DType.FLOAT64, 3)) && rv.equal(Tensor.ones(DType.FLOAT64, 3)));
        assertTrue(w.grad().equal(Tensor.zeros(DType.FLOAT64, 3)));
    }

    @Test
    void normGradientsMatchFiniteDifferences() {
        Tensor x = rand64(7, 4, 3, 5).requiresGrad_();
        Tensor w = rand64(8, 3).requiresGrad_(), b = rand64(9, 3).requiresGrad_();
        Tensor rm = rand64(10, 3), rv = rand64(11, 3).abs().add(0.5);
        GradCheck.check(in -> F.batchNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5), x, w, b);
        GradCheck.check(in -> F.batchNorm(in[0], rm, rv, in[1], in[2], false, 0.1, 1e-5), x, w, b);
        GradCheck.check(in -> F.batchNorm(in[0], null, null, null, null, true, 0.1, 1e-5), x);
        Tensor lw = rand64(12, 3, 5).requiresGrad_(), lb = rand64(13, 3, 5).requiresGrad_();
        GradCheck.check(in -> F.layerNorm(in[0], new int[] {3, 5}, in[1], in[2], 1e-5), x, lw, lb);
        GradCheck.check(in -> F.layerNorm(in[0], new int[] {5}), x);
        GradCheck.check(in -> F.groupNorm(in[0], 3, in[1], in[2], 1e-5), x, w, b);
        GradCheck.check(in -> F.instanceNorm(in[0], null, null, in[1], in[2], true, 0.1, 1e-5), x, w, b);
        GradCheck.check(in -> F.localResponseNorm(in[0], 2, 0.3, 0.75, 1), x);
        GradCheck.check(in -> F.rmsNorm(in[0], new int[] {5}, in[1], 1e-6), x, rand64(14, 5).requiresGrad_());
        GradCheck.check(in -> F.normalize(in[0], 3, 1, 1e-12), x);
    }

    @Test
    void fusedLayerNormMatchesComposite() {
        for (int d : new int[] {1, 7, 8, 33, 100}) {
            for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                double tol = dt == DType.FLOAT64 ? 1e-12 : 5e-5;
                Tensor x = rand64(15, 3, 2, d).mul(4).add(10).to(dt).transpose(0, 1);
                Tensor w = rand64(16, d).to(dt), b = rand64(17, d).to(dt);
                assertTrue(F.layerNorm(x, new int[] {d}, w, b, 1e-5).allclose(
                        Normalization.layerNormComposite(x, new int[] {d}, w, b, 1e-5), tol, tol), "layer_norm d=" + d + " " + dt);
                assertTrue(F.layerNorm(x, new int[] {d}).allclose(
                        Normalization.layerNormComposite(x, new int[] {d}, null, null, 1e-5), tol, tol), "layer_norm d=" + d + " " + dt);
            }
        }
    }

    @Test
    void rmsNormDefaultEpsIsMachineEpsilon() {
        Tensor x = Tensor.zeros(DType.FLOAT32, 2, 3).add(1e-4);
        Tensor y = F.rmsNorm(x, new int[] {3}, null);
        double expect = 1e-4f / Math.sqrt((double) 1e-4f * 1e-4f + Math.ulp(1.0f));
        assertEquals(expect, y.get(0, 0), 1e-6);
        Tensor x64 = Tensor.zeros(DType.FLOAT64, 3).add(1e-9);
        assertEquals(1e-9 / Math.sqrt(1e-18 + Math.ulp(1.0)), F.rmsNorm(x64, new int[] {3}, null).get(0), 1e-12);
    }

    @Test
    void instanceNormOptionsAndRunningStats() {
        Tensor x = rand64(18, 3, 2, 6);
        Tensor rm = Tensor.zeros(DType.FLOAT64, 2), rv = Tensor.ones(DType.FLOAT64, 2);
        Tensor y = InstanceNorm.opts().momentum(0.5).apply(x, rm, rv, null, null);
        assertTrue(y.mean(new int[] {2}, false).abs().amax(new int[] {0, 1}, false).item() < 1e-12);
        Tensor perInstanceMean = x.mean(new int[] {2}, false).mean(0);
        assertTrue(rm.allclose(perInstanceMean.mul(0.5), 1e-12, 1e-12));
        assertArrayEquals(new int[] {3, 2, 6}, F.instanceNorm(x).shape());
    }

    @Test
    void badArgumentsFailWithClearMessages() {
        Tensor x = rand64(19, 4, 3, 5);
        assertMessage(() -> F.batchNorm(x, rand64(1, 4), rand64(1, 3)), "batch_norm", "running_mean");
        assertMessage(() -> F.batchNorm(x, null, null), "batch_norm", "evaluation mode");
        assertMessage(() -> F.batchNorm(rand64(1, 1, 3), null, null, null, null, true, 0.1, 1e-5), "batch_norm", "more than 1 value per channel");
        assertMessage(() -> F.batchNorm(rand64(1, 3), null, null, null, null, true, 0.1, 1e-5), "batch_norm", "(N, C, *)");
        assertMessage(() -> F.layerNorm(x, new int[] {4}), "layer_norm", "normalized_shape=[4]");
        assertMessage(() -> F.layerNorm(x, new int[] {5}, rand64(1, 4), null), "layer_norm", "weight");
        assertMessage(() -> F.groupNorm(x, 2), "group_norm", "divisible by num_groups");
        assertMessage(() -> F.instanceNorm(rand64(1, 2, 3, 1)), "instance_norm", "more than 1 spatial element");
        assertMessage(() -> F.localResponseNorm(rand64(1, 2, 3), 2), "local_response_norm", "3D or higher");
        assertMessage(() -> F.normalize(x, 2, 3, 1e-12), "normalize", "dim 3");
    }
}
