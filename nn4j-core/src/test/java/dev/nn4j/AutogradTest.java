package dev.nn4j;

import static dev.nn4j.Ref.assertFails;
import static dev.nn4j.Ref.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Autograd semantics: accumulation, graph retention, grad mode, version counters, anomaly mode, custom Functions. */
class AutogradTest {

    private static Tensor leaf(double... v) {
        return Tensor.fromArray(v.clone(), v.length).requiresGrad_(true);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor x = leaf(1, 2, 3);
        x.mul(x).sum().backward();
        assertValues(new double[] {2, 4, 6}, x.grad(), 0);
        x.mul(3).sum().backward();
        assertValues(new double[] {5, 7, 9}, x.grad(), 0);
        x.setGrad(null);
        x.sum().backward();
        assertValues(new double[] {1, 1, 1}, x.grad(), 0);
    }

    @Test
    void secondBackwardNeedsRetainGraph() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x).sum();
        y.backward(Tensor.scalar(1, DType.FLOAT64), true);
        y.backward(Tensor.scalar(1, DType.FLOAT64), true);
        assertValues(new double[] {4, 8}, x.grad(), 0);
        y.backward();
        // the graph is freed now: PyTorch's message
        assertFails(IllegalStateException.class, y::backward, "Trying to backward through the graph a second time", "retainGraph");
    }

    @Test
    void backwardOfNonScalarNeedsAGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2);
        assertFails(IllegalStateException.class, y::backward, "grad can be implicitly created only for scalar outputs", "(2,)");
        y.backward(Tensor.of(1.0, 10.0));
        assertValues(new double[] {2, 20}, x.grad(), 0);
        assertFails(IllegalArgumentException.class, () -> x.mul(2).backward(Tensor.of(1.0)), "backward", "(1,)", "(2,)");
        assertFails(IllegalStateException.class, () -> Tensor.ones(1).backward(), "does not require grad");
    }

    @Test
    void noGradAndEnableGradScopesNest() {
        Tensor x = leaf(1, 2);
        assertTrue(Autograd.isGradEnabled());
        try (var g = Autograd.noGrad()) {
            assertFalse(Autograd.isGradEnabled());
            Tensor y = x.mul(2);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
            try (var e = Autograd.enableGrad()) {
                assertTrue(x.mul(2).requiresGrad());
                try (var g2 = Autograd.noGrad()) {
                    assertFalse(x.mul(2).requiresGrad());
                }
                assertTrue(Autograd.isGradEnabled());
            }
            assertFalse(Autograd.isGradEnabled());
        }
        assertTrue(Autograd.isGradEnabled());
        assertEquals("MulBackward0", x.mul(2).gradFn().name());
    }

    @Test
    void gradModeIsPerThread() throws Exception {
        Tensor x = leaf(1, 2);
        AtomicBoolean otherRecords = new AtomicBoolean();
        try (var g = Autograd.noGrad()) {
            Thread t = new Thread(() -> otherRecords.set(Autograd.isGradEnabled() && x.mul(2).requiresGrad()));
            t.start();
            t.join();
            assertFalse(x.mul(2).requiresGrad());
        }
        assertTrue(otherRecords.get(), "a second thread keeps its own grad mode");
        AtomicBoolean otherDisabled = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try (var g = Autograd.noGrad()) {
                otherDisabled.set(!x.mul(2).requiresGrad());
            }
        });
        t.start();
        t.join();
        assertTrue(otherDisabled.get());
        assertTrue(x.mul(2).requiresGrad());
    }

    @Test
    void autogradGradLeavesDotGradAlone() {
        Tensor x = leaf(1, 2, 3);
        Tensor h = x.mul(x);
        Tensor y = h.mul(2).sum();
        Tensor[] g = Autograd.grad(List.of(y), List.of(x, h), null, true);
        assertValues(new double[] {4, 8, 12}, g[0], 0);
        assertValues(new double[] {2, 2, 2}, g[1], 0);
        assertNull(x.grad());
        assertNull(h.grad());
        // with retainGraph the same graph still runs backward
        y.backward();
        assertValues(new double[] {4, 8, 12}, x.grad(), 0);
        Tensor z = leaf(1, 2);
        assertFails(IllegalArgumentException.class, () -> Autograd.grad(z.mul(2), z), "grad", "scalar");
        assertFails(IllegalArgumentException.class, () -> Autograd.grad(z.sum(), Tensor.ones(2)), "does not require grad");
        Tensor[] only = Autograd.grad(z.mul(z).sum(), z);
        assertValues(new double[] {2, 4}, only[0], 0);
        assertNull(z.grad());
    }

    @Test
    void inPlaceChangeOfSavedTensorIsDetected() {
        Tensor x = leaf(1, 2);
        Tensor y = x.exp();
        Tensor z = y.mul(3);   // MulBackward saves y and the scalar
        y.add_(1);
        // PyTorch: "one of the variables needed for gradient computation has been modified by an inplace operation"
        assertFails(IllegalStateException.class, () -> z.sum().backward(), "modified by an inplace operation", "version 1", "expected version 0");
        // the output saved by exp's backward, modified through a view
        Tensor x2 = leaf(1, 2, 3);
        Tensor e = x2.exp();
        try (var g = Autograd.noGrad()) {
            e.narrow(0, 1, 1).mul_(2);
        }
        assertFails(IllegalStateException.class, () -> e.sum().backward(), "ExpBackward0", "inplace");
    }

    @Test
    void inPlaceOnTensorsNotSavedWorks() {
        Tensor x = leaf(1, 2);
        Tensor y = x.add(1);   // AddBackward saves nothing
        y.mul_(3);
        y.sum().backward();
        assertValues(new double[] {3, 3}, x.grad(), 0);
        assertEquals("MulBackward0", y.gradFn().name());
        assertEquals(1, y.version());
        Tensor w = leaf(1, 2);
        Tensor acc = Tensor.zeros(DType.FLOAT64, 2);
        acc.add_(w.mul(w));
        acc.add_(w);
        acc.sum().backward();
        assertValues(new double[] {3, 5}, w.grad(), 0);
    }

    @Test
    void inPlaceOnALeafThatRequiresGradFails() {
        Tensor x = leaf(1, 2);
        assertFails(IllegalStateException.class, () -> x.add_(1), "a leaf Variable that requires grad is being used in an in-place operation");
        assertFails(IllegalStateException.class, () -> x.fill_(0), "leaf Variable");
        assertFails(IllegalStateException.class, () -> x.copy_(Tensor.ones(DType.FLOAT64, 2)), "leaf Variable");
        try (var g = Autograd.noGrad()) {
            x.sub_(1);   // optimizer-style updates are allowed without grad
        }
        assertValues(new double[] {0, 1}, x, 0);
        assertFails(IllegalStateException.class, () -> x.mul(1).requiresGrad_(false), "leaf");
        assertFails(IllegalArgumentException.class, () -> Tensor.of(1L).requiresGrad_(true), "floating point");
    }

    @Test
    void inPlaceOnViewsRebasesTheBase() {
        Tensor x = leaf(1, 2, 3, 4);
        assertFails(IllegalStateException.class, () -> x.narrow(0, 0, 2).mul_(2), "a view of a leaf Variable that requires grad");
        Tensor b = x.mul(1);
        Tensor v = b.narrow(0, 1, 2);
        v.mul_(10);
        assertEquals("CopySlices", b.gradFn().name());
        assertEquals("AsStridedBackward0", v.gradFn().name());
        assertValues(new double[] {1, 20, 30, 4}, b, 0);
        b.sum().backward();
        assertValues(new double[] {1, 10, 10, 1}, x.grad(), 0);
        // a plain tensor filled through views becomes part of the graph
        Tensor w = leaf(5, 6);
        Tensor out = Tensor.zeros(DType.FLOAT64, 2, 2);
        out.select(0, 1).copy_(w);
        assertTrue(out.requiresGrad());
        out.mul(Tensor.of(1.0, 2.0, 3.0, 4.0).view(2, 2)).sum().backward();
        assertValues(new double[] {3, 4}, w.grad(), 0);
        // fill_ on a non-leaf cuts the gradient of the filled elements
        Tensor y = leaf(1, 2);
        Tensor h = y.mul(3);
        h.narrow(0, 0, 1).fill_(0);
        h.sum().backward();
        assertValues(new double[] {0, 3}, y.grad(), 0);
    }

    @Test
    void viewsTakenBeforeAnInPlaceOpSeeTheNewGraph() {
        Tensor x = leaf(1, 2, 3, 4);
        Tensor b = x.mul(1);
        Tensor v = b.narrow(0, 0, 2);
        b.mul_(Tensor.of(2.0, 3.0, 4.0, 5.0));
        assertValues(new double[] {2, 6}, v, 0);
        v.sum().backward();
        // x = torch.tensor([1., 2., 3., 4.], requires_grad=True); b = x * 1; v = b[:2]; b.mul_(...); v.sum().backward()
        assertValues(new double[] {2, 3, 0, 0}, x.grad(), 0);
        assertEquals("AsStridedBackward0", v.gradFn().name());
        // a view of a plain tensor that later becomes part of the graph through another view
        Tensor w = leaf(5, 6);
        Tensor out = Tensor.zeros(DType.FLOAT64, 2, 2);
        Tensor row1 = out.select(0, 1);
        assertFalse(row1.requiresGrad());
        out.select(0, 1).copy_(w);
        Tensor used = row1.mul(Tensor.of(10.0, 20.0));
        assertTrue(used.requiresGrad());
        used.sum().backward();
        assertValues(new double[] {10, 20}, w.grad(), 0);
        // backward straight from a stale view
        Tensor y = leaf(1, 2);
        Tensor c = y.mul(1);
        Tensor first = c.narrow(0, 0, 1);
        c.mul_(7);
        first.backward(Tensor.of(1.0));
        assertValues(new double[] {7, 0}, y.grad(), 0);
    }

    @Test
    void detachedTensorsAreNewLeaves() {
        Tensor x = leaf(1, 2);
        Tensor d = x.detach();
        Tensor w = leaf(3, 4);
        d.mul_(w);   // d becomes a non-leaf; x's graph is untouched
        assertNotNull(d.gradFn());
        assertNull(x.gradFn());
        assertValues(new double[] {3, 8}, x, 0);
        d.sum().backward();
        assertValues(new double[] {1, 2}, w.grad(), 0);
        assertNull(x.grad());
    }

    @Test
    void retainGradKeepsNonLeafGradients() {
        Tensor x = leaf(1, 2);
        Tensor h = x.mul(3);
        h.retainGrad();
        Tensor h2 = x.mul(2);
        h.mul(h).sum().add(h2.sum()).backward();
        assertValues(new double[] {6, 12}, h.grad(), 0);
        assertNull(h2.grad());
        assertValues(new double[] {18 + 2, 36 + 2}, x.grad(), 0);
        x.retainGrad();   // a no-op on leaves
    }

    @Test
    void detachSharesDataButNotGraph() {
        Tensor x = leaf(1, 2);
        Tensor d = x.mul(2).detach();
        assertFalse(d.requiresGrad());
        assertNull(d.gradFn());
        assertTrue(d.isLeaf());
        Tensor dx = x.detach();
        assertSame(x.storage(), dx.storage());
        Tensor y = x.mul(dx).sum();
        y.backward();
        assertValues(new double[] {1, 2}, x.grad(), 0);   // d(x * const)/dx
    }

    /** {@code y = x^3} with a hand-written backward, as in Function's Javadoc. */
    static final class Cube extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            ctx.put("k", 3.0);
            return in[0].pow(3);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor x = ctx.saved(0);
            double k = ctx.get("k");
            return new Tensor[] {g.mul(x.square()).mul(k)};
        }
    }

    /** {@code a * b + a} with gradients only where needed. */
    static final class MulAdd extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0], in[1]);
            assertFalse(Autograd.isGradEnabled(), "forward runs without recording");
            return in[0].mul(in[1]).add(in[0]);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Tensor a = ctx.saved(0), b = ctx.saved(1);
            return new Tensor[] {ctx.needsInputGrad(0) ? g.mul(b.add(1)) : null, ctx.needsInputGrad(1) ? g.mul(a) : null};
        }
    }

    @Test
    void customFunctionsPassGradCheck() {
        Tensor x = Ref.f64(new java.util.Random(1), 3, 4).requiresGrad_(true);
        GradCheck.check(in -> new Cube().apply(in[0]), x);
        Tensor y = new Cube().apply(x);
        assertEquals("CubeBackward", y.gradFn().name());
        GradCheck.check(in -> new MulAdd().apply(in[0], in[1]), Ref.f64(new java.util.Random(2), 3).requiresGrad_(true),
                Ref.f64(new java.util.Random(3), 3).requiresGrad_(true));
        // only one input requires grad
        Tensor a = leaf(1, 2), b = Tensor.of(3.0, 4.0);
        new MulAdd().apply(a, b).sum().backward();
        assertValues(new double[] {4, 5}, a.grad(), 0);
        // saved inputs are version-checked
        Tensor c = leaf(1, 2).mul(1);
        Tensor out = new Cube().apply(c);
        c.mul_(2);
        assertFails(IllegalStateException.class, () -> out.sum().backward(), "CubeBackward", "inplace");
        // a backward returning the wrong number of gradients is reported
        Function bad = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(2);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g, g};
            }
        };
        assertFails(IllegalStateException.class, () -> bad.apply(leaf(1)).sum().backward(), "backward returned 2 gradients, expected 1");
        // forward returning its input unchanged still gets its own node
        Function identity = new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0];
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(5)};
            }
        };
        Tensor l = leaf(1, 2);
        identity.apply(l).sum().backward();
        assertValues(new double[] {5, 5}, l.grad(), 0);
        assertNull(l.gradFn());
    }

    @Test
    void detectAnomalyNamesTheNodeThatProducedNaN() {
        Tensor x = leaf(0, 1);
        Throwable e;
        try (var a = Autograd.detectAnomaly()) {
            Tensor y = x.sqrt().mul(0).sum();   // sqrt'(0) * 0 = inf * 0 = NaN
            e = assertThrows(IllegalStateException.class, y::backward);
        }
        assertEquals("Function 'SqrtBackward0' returned nan values in its 0th output.", e.getMessage());
        assertNotNull(e.getCause(), "the forward trace is the cause");
        boolean fromHere = false;
        for (StackTraceElement s : e.getCause().getStackTrace()) {
            fromHere |= s.getMethodName().equals("detectAnomalyNamesTheNodeThatProducedNaN");
        }
        assertTrue(fromHere, "the cause's stack trace is the forward call");
        // log of a negative number: NaN flows back through LogBackward0's input only if the gradient turns NaN
        Tensor z = leaf(-1, 2);
        try (var a = Autograd.detectAnomaly()) {
            Tensor w = z.log().mul(z.log()).sum();   // d/dz log(z)^2 = 2 log(z) / z = NaN at -1
            Throwable e2 = assertThrows(IllegalStateException.class, w::backward);
            assertTrue(e2.getMessage().startsWith("Function 'MulBackward0' returned nan values"), e2.getMessage());
        }
        // outside the scope NaNs flow through silently, as in PyTorch
        Tensor q = leaf(0, 1);
        q.sqrt().mul(0).sum().backward();
        assertTrue(Double.isNaN(q.grad().get(0)));
        // an infinite gradient is an anomaly too, naming the node; detectAnomaly(false) lets it through, as PyTorch does
        Tensor inf = leaf(0, 1);
        try (var a = Autograd.detectAnomaly()) {
            Throwable e3 = assertThrows(IllegalStateException.class, () -> inf.sqrt().sum().backward());
            assertEquals("Function 'SqrtBackward0' returned inf values in its 0th output.", e3.getMessage());
        }
        assertNull(inf.grad(), "the failed backward left no gradient");
        try (var a = Autograd.detectAnomaly(false)) {
            inf.sqrt().sum().backward();
        }
        assertEquals(Double.POSITIVE_INFINITY, inf.grad().get(0));
    }

    @Test
    void diamondGraphsSumBothPaths() {
        Tensor x = leaf(1, 2);
        Tensor a = x.mul(2);
        Tensor b = a.exp(), c = a.sin();
        Tensor y = b.add(c).mul(a).sum();
        y.backward();
        double[] expected = new double[2];
        for (int i = 0; i < 2; i++) {
            double av = 2 * (i + 1);
            // y = (exp(a) + sin(a)) * a, dy/da = (exp(a) + cos(a)) * a + exp(a) + sin(a), da/dx = 2
            expected[i] = 2 * ((Math.exp(av) + Math.cos(av)) * av + Math.exp(av) + Math.sin(av));
        }
        assertValues(expected, x.grad(), 1e-12);
        GradCheck.check(in -> { Tensor p = in[0].mul(2); return p.exp().add(p.sin()).mul(p); }, leaf(0.1, 0.2, -0.3));
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Tensor x = leaf(1);
        Tensor y = x;
        for (int i = 0; i < 10000; i++) y = y.add(1);
        y.sum().backward();
        assertEquals(1, x.grad().item());
        assertEquals(10001, y.item());
        Tensor z = leaf(0.5);
        Tensor w = z;
        for (int i = 0; i < 10000; i++) w = w.mul(1.0001).add(w.mul(0));   // a deep graph with a fan-in at every level
        w.sum().backward();
        assertEquals(Math.pow(1.0001, 10000), z.grad().item(), 1e-9);
    }

    @Test
    void gradientsArriveInTheInputsDtype() {
        Tensor w = Tensor.of(1f, 2f).requiresGrad_(true);
        Tensor a = w.mul(2);
        a.retainGrad();
        Tensor b = Tensor.of(1.0).requiresGrad_(true);
        Tensor.cat(0, a, b).mul(Tensor.of(1.0, 2.0, 3.0)).sum().backward();
        assertEquals(DType.FLOAT32, a.grad().dtype());
        assertEquals(DType.FLOAT32, w.grad().dtype());
        assertValues(new double[] {2, 4}, w.grad(), 0);
        assertValues(new double[] {3}, b.grad(), 0);
        Tensor v = Tensor.of(1f, 2f).requiresGrad_(true);
        v.to(DType.FLOAT64).mul(Tensor.of(0.5, 0.25)).sum().backward();
        assertEquals(DType.FLOAT32, v.grad().dtype());
        assertValues(new double[] {0.5, 0.25}, v.grad(), 0);
    }

    @Test
    void backwardOfSeveralOutputsAndLeafOutputs() {
        Tensor x = leaf(1, 2);
        Autograd.backward(List.of(x.mul(2).sum(), x.mul(x).sum()), List.of(Tensor.scalar(1, DType.FLOAT64), Tensor.scalar(1, DType.FLOAT64)));
        assertValues(new double[] {4, 6}, x.grad(), 0);
        Tensor l = leaf(1, 2);
        l.backward(Tensor.of(3.0, 4.0));
        assertValues(new double[] {3, 4}, l.grad(), 0);
        assertArrayEquals(new int[] {2}, l.grad().shape());
    }
}
