package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The fused softmax against its composite twin, gradients by finite differences, in-place forms, the random
 * activations (rrelu in training, gumbel-softmax) and error messages.
 */
class ActivationFunctionalTest {
    private static Tensor rand64(long seed, int... shape) {
        return Tensor.randn(DType.FLOAT64, new Generator(seed), shape).mul(2);
    }

    @Test
    void fusedSoftmaxMatchesCompositeOnEveryDimAndLayout() {
        Tensor x = rand64(1, 3, 4, 17);
        for (int dim = -3; dim < 3; dim++) {
            for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                Tensor xs = x.to(dt).transpose(0, 2);   // non-contiguous input
                double tol = dt == DType.FLOAT64 ? 1e-12 : 1e-5;
                assertTrue(F.softmax(xs, dim).allclose(Activations.softmaxComposite(xs, dim), tol, tol), "softmax dim " + dim);
                assertTrue(F.logSoftmax(xs, dim).allclose(Activations.logSoftmaxComposite(xs, dim), tol, tol), "log_softmax dim " + dim);
            }
        }
        Tensor s = F.softmax(x, 1).sum(1);
        assertTrue(s.allclose(Tensor.onesLike(s), 1e-12, 1e-12));
    }

    @Test
    void softmaxFamilyGradientsMatchFiniteDifferences() {
        Tensor x = rand64(2, 3, 5, 4).requiresGrad_();
        for (int dim : new int[] {0, 1, -1}) {
            GradCheck.check(in -> F.softmax(in[0], dim), x);
            GradCheck.check(in -> F.logSoftmax(in[0], dim), x);
            GradCheck.check(in -> F.softmin(in[0], dim), x);
        }
        Tensor scalar = Tensor.scalar(0.3, DType.FLOAT64).requiresGrad_();
        assertEquals(1.0, F.softmax(scalar, 0).item());
        assertEquals(0.0, F.logSoftmax(scalar, 0).item());
        GradCheck.check(in -> F.softmax(in[0], 0), scalar);
    }

    @Test
    void softmaxDtypeArgumentCastsFirst() {
        Tensor x = rand64(3, 2, 3).to(DType.FLOAT32);
        Tensor y = F.softmax(x, 1, DType.FLOAT64);
        assertEquals(DType.FLOAT64, y.dtype());
        assertTrue(y.allclose(F.softmax(x.to(DType.FLOAT64), 1), 1e-12, 1e-12));
    }

    @Test
    void compositeActivationGradientsMatchFiniteDifferences() {
        // away from the kinks, where finite differences are meaningful
        Tensor x = rand64(4, 4, 6);
        x = Tensor.where(x.abs().lt(0.05), 0.77, x);
        x = Tensor.where(x.abs().sub(3).abs().lt(0.05), 2.0, x).requiresGrad_();
        List<UnaryOperator<Tensor>> fns = List.of(F::relu, F::relu6, F::hardtanh, F::hardswish, F::hardsigmoid, F::elu, F::selu,
                t -> F.celu(t, 0.7), F::leakyRelu, F::rrelu, t -> F.glu(t, 1), F::gelu, t -> F.gelu(t, "tanh"), F::logsigmoid,
                t -> F.hardshrink(t, 0.4), F::tanhshrink, F::softsign, F::softplus, t -> F.softplus(t, 2, 1), t -> F.softshrink(t, 0.3),
                F::tanh, F::sigmoid, F::silu, F::mish, t -> F.threshold(t, 0.2, -1));
        for (int i = 0; i < fns.size(); i++) {
            UnaryOperator<Tensor> f = fns.get(i);
            try {
                GradCheck.check(in -> f.apply(in[0]), x);
            } catch (AssertionError e) {
                throw new AssertionError("activation #" + i + ": " + e.getMessage(), e);
            }
        }
        Tensor w = rand64(5, 4).requiresGrad_();
        GradCheck.check(in -> F.prelu(in[0], in[1]), x.detach().reshape(2, 4, 3).requiresGrad_(), w);
    }

    @Test
    void inPlaceFormsMatchOutOfPlaceValuesAndGradients() {
        List<UnaryOperator<Tensor>> outOf = List.of(F::relu, t -> F.elu(t, 0.5), t -> F.leakyRelu(t, 0.2), t -> F.hardtanh(t, -0.5, 0.5),
                t -> F.threshold(t, 0.1, 7), F::selu, t -> F.celu(t, 2), t -> F.rrelu(t, 0.1, 0.3, false));
        List<UnaryOperator<Tensor>> in = List.of(F::relu_, t -> F.elu_(t, 0.5), t -> F.leakyRelu_(t, 0.2), t -> F.hardtanh_(t, -0.5, 0.5),
                t -> F.threshold_(t, 0.1, 7), F::selu_, t -> F.celu_(t, 2), t -> F.rrelu_(t, 0.1, 0.3, false));
        for (int i = 0; i < in.size(); i++) {
            Tensor a = rand64(6, 3, 4).requiresGrad_(), b = a.detach().clone().requiresGrad_();
            Tensor ya = outOf.get(i).apply(a.mul(1.5));
            Tensor hb = b.mul(1.5);
            Tensor yb = in.get(i).apply(hb);
            assertTrue(yb == hb, "in-place form returns its input");
            assertTrue(ya.allclose(yb, 1e-12, 1e-12), "values of in-place form " + i);
            ya.sum().backward();
            yb.sum().backward();
            assertTrue(a.grad().allclose(b.grad(), 1e-12, 1e-12), "gradients of in-place form " + i);
        }
        Tensor leaf = rand64(7, 3).requiresGrad_();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> F.relu_(leaf));
        assertTrue(e.getMessage().contains("leaf"), e.getMessage());
        Tensor plain = Tensor.of(-1.0, 2.0);
        F.relu(plain, true);
        assertArrayEquals(new double[] {0, 2}, plain.toDoubleArray());
    }

    @Test
    void thresholdAndHardswishPropagateNaNAsPyTorch() {
        // PyTorch 1.13: threshold is x <= t ? value : x, so NaN stays NaN; hardswish below -3 is x * 0, NaN at -inf
        double inf = Double.POSITIVE_INFINITY;
        Tensor x = Tensor.of(Double.NaN, -inf, inf, 0.0, 1.0).requiresGrad_();
        Tensor t = F.threshold(x, 0, 5);
        assertArrayEquals(new double[] {Double.NaN, 5, inf, 5, 1}, t.toDoubleArray());
        t.backward(Tensor.onesLike(t));
        assertArrayEquals(new double[] {1, 0, 1, 0, 1}, x.grad().toDoubleArray());
        Tensor h = F.hardswish(Tensor.of(Double.NaN, -inf, inf, -4.0, 4.0));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, inf, -0.0, 4}, h.toDoubleArray());
    }

    @Test
    void rreluTrainingDrawsSlopesInRangeAndReproducibly() {
        Tensor x = rand64(8, 2000).requiresGrad_();
        Tensor y = F.rrelu(x, 0.1, 0.3, true, false, new Generator(42));
        Tensor y2 = F.rrelu(x, 0.1, 0.3, true, false, new Generator(42));
        assertTrue(y.equal(y2), "same seed, same slopes");
        y.sum().backward();
        double[] xs = x.toDoubleArray(), ys = y.toDoubleArray(), gs = x.grad().toDoubleArray();
        double slopeSum = 0;
        int neg = 0;
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] > 0) {
                assertEquals(xs[i], ys[i]);
                assertEquals(1.0, gs[i]);
            } else {
                double slope = ys[i] / xs[i];
                assertTrue(slope >= 0.1 && slope <= 0.3, "slope " + slope);
                assertEquals(slope, gs[i], 1e-12, "gradient is the slope");
                slopeSum += slope;
                neg++;
            }
        }
        assertEquals(0.2, slopeSum / neg, 0.01, "uniform slopes average (lower + upper) / 2");
        assertThrows(IllegalArgumentException.class, () -> F.rrelu(x, 0.5, 0.1, true));
    }

    @Test
    void gumbelSoftmaxSamplesSoftAndHard() {
        Tensor logits = Tensor.of(1.0, 2.0, 0.5, -1.0).toDouble().reshape(1, 4).expand(4000, 4).contiguous().requiresGrad_();
        Generator g = new Generator(11);
        Tensor soft = F.gumbelSoftmax(logits, 1, false, 1e-10, -1, g);
        assertTrue(soft.sum(1).allclose(Tensor.ones(DType.FLOAT64, 4000), 1e-12, 1e-12));
        Tensor hard = F.gumbelSoftmax(logits, 0.5, true, 1e-10, -1, new Generator(12));
        double[] h = hard.toDoubleArray();
        for (double v : h) assertTrue(Math.abs(v) < 1e-12 || Math.abs(v - 1) < 1e-12, "one-hot value " + v);
        // argmax of logits + Gumbel noise is a sample of softmax(logits): category frequencies match it
        Tensor freq = hard.detach().mean(0);
        Tensor p = F.softmax(Tensor.of(1.0, 2.0, 0.5, -1.0).toDouble(), 0);
        assertTrue(freq.allclose(p, 0, 0.03), "frequencies " + freq + " vs " + p);
        // straight-through: the hard sample's gradient is the soft sample's
        Tensor l2 = logits.detach().clone().requiresGrad_();
        Tensor softSame = F.gumbelSoftmax(l2, 0.5, false, 1e-10, -1, new Generator(12));
        Tensor w = Tensor.randn(DType.FLOAT64, new Generator(1), 4000, 4);
        hard.mul(w).sum().backward();
        softSame.mul(w).sum().backward();
        assertTrue(logits.grad().allclose(l2.grad(), 1e-10, 1e-10));
    }

    @Test
    void badArgumentsFailWithClearMessages() {
        Tensor x = rand64(9, 2, 3);
        assertMessage(() -> F.softmax(x, 2), "softmax", "dim 2");
        assertMessage(() -> F.logSoftmax(Tensor.of(1L, 2L), 0), "log_softmax", "floating point");
        assertMessage(() -> F.glu(rand64(1, 2, 3), -1), "glu", "even");
        assertMessage(() -> F.gelu(x, "fast"), "gelu", "none or tanh");
        assertMessage(() -> F.celu(x, 0), "celu", "alpha");
        assertMessage(() -> F.softshrink(x, -1), "softshrink", "lambda");
        assertMessage(() -> F.hardtanh(x, 1, -1), "hardtanh", "min_val");
        assertMessage(() -> F.prelu(x, rand64(1, 2)), "prelu", "num_channels=3");
        assertMessage(() -> F.elu(Tensor.of(1L)), "elu", "floating point");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String op, String fragment) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        assertTrue(e instanceof IllegalArgumentException || e instanceof IndexOutOfBoundsException || e instanceof IllegalStateException,
                "unexpected exception type " + e);
        assertTrue(e.getMessage().contains(op) && e.getMessage().contains(fragment), "message: " + e.getMessage());
    }
}
