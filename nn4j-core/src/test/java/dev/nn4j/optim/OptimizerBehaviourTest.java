package dev.nn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Optimizer mechanics around the update rules: strided parameters, missing gradients, zeroGrad, closures, bad calls. */
class OptimizerBehaviourTest {

    static final List<Function<List<Tensor>, Optimizer>> ALL = List.of(
            p -> new SGD(p, SGD.options().lr(0.1).momentum(0.9)),
            p -> new Adam(p, Adam.options().lr(0.1).amsgrad(true)),
            p -> new AdamW(p, 0.1),
            p -> new RMSprop(p, RMSprop.options().lr(0.1).centered(true).momentum(0.5)),
            p -> new Adagrad(p, 0.1),
            p -> new Adadelta(p),
            p -> new Adamax(p, 0.1),
            p -> new NAdam(p, 0.1),
            p -> new RAdam(p, 0.1));

    @Test
    void aStridedParameterIsUpdatedLikeADenseOne() {
        Generator g = new Generator(3);
        Tensor base = Tensor.randn(g, 4, 3), grad1 = Tensor.randn(g, 3, 4), grad2 = Tensor.randn(g, 3, 4);
        for (var make : ALL) {
            Tensor strided = base.clone().t().detach().requiresGrad_(true); // (3, 4) with strides (1, 3)
            Tensor dense = base.clone().t().contiguous().detach().requiresGrad_(true);
            assertFalse(strided.isContiguous());
            Optimizer a = make.apply(List.of(strided)), b = make.apply(List.of(dense));
            for (Tensor gr : List.of(grad1, grad2)) {
                strided.setGrad(gr.clone());
                dense.setGrad(gr.clone());
                a.step();
                b.step();
            }
            assertTrue(strided.equal(dense), a.getClass().getSimpleName());
            assertFalse(strided.isContiguous(), "the parameter keeps its layout (and identity)");
        }
        Tensor x = Tensor.of(3.0, -2.0, 1.0, 0.5).reshape(2, 2).t().detach().requiresGrad_(true);
        LBFGS l = new LBFGS(List.of(x));
        l.step(() -> {
            l.zeroGrad();
            Tensor loss = x.sub(Tensor.of(1.0, 2.0, 3.0, 4.0).reshape(2, 2)).pow(2).sum();
            loss.backward();
            return loss;
        });
        assertTrue(x.allclose(Tensor.of(1.0, 2.0, 3.0, 4.0).reshape(2, 2), 1e-6, 1e-6), x.toString());
    }

    @Test
    void parametersWithoutGradientAreLeftAloneAndGetNoState() {
        for (var make : ALL) {
            Tensor a = Tensor.ones(3).requiresGrad_(true), b = Tensor.ones(2).requiresGrad_(true);
            Optimizer o = make.apply(List.of(a, b));
            a.setGrad(Tensor.ones(3));
            o.step();
            assertTrue(b.equal(Tensor.ones(2)));
            assertFalse(a.equal(Tensor.ones(3)), o.getClass().getSimpleName() + " moved a");
            @SuppressWarnings("unchecked")
            Map<Integer, ?> state = (Map<Integer, ?>) o.stateDict().get("state");
            assertTrue(state.containsKey(0), o.getClass().getSimpleName());
            assertFalse(state.containsKey(1), o.getClass().getSimpleName() + " made state for a parameter it did not update");
        }
    }

    @Test
    void zeroGradClearsOrZeroes() {
        Tensor a = Tensor.ones(2).requiresGrad_(true);
        SGD o = new SGD(List.of(a), 0.1);
        a.sum().backward();
        o.zeroGrad(false);
        assertTrue(a.grad().equal(Tensor.zeros(2)));
        a.sum().backward();
        assertTrue(a.grad().equal(Tensor.ones(2)), "accumulates from zero");
        o.zeroGrad();
        assertNull(a.grad());
    }

    @Test
    void stepWithAClosureReturnsItsLoss() {
        Tensor w = Tensor.of(2.0).requiresGrad_(true);
        SGD o = new SGD(List.of(w), 0.25);
        Tensor loss = o.step(() -> {
            o.zeroGrad();
            Tensor l = w.pow(2).sum();
            l.backward();
            return l;
        });
        assertEquals(4.0, loss.item());
        assertEquals(1.0, w.item(), 1e-12, "2 - 0.25 * 4");
    }

    @Test
    void float64ParametersKeepFloat64State() {
        Tensor w = Tensor.zeros(DType.FLOAT64, 3).requiresGrad_(true);
        Adam o = new Adam(List.of(w), 0.1);
        w.setGrad(Tensor.ones(DType.FLOAT64, 3));
        o.step();
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) o.stateDict().get("state");
        assertEquals(DType.FLOAT64, ((Tensor) state.get(0).get("exp_avg")).dtype());
        assertEquals(DType.FLOAT64, w.dtype());
        // a float32 gradient on a float64 parameter is widened
        w.setGrad(Tensor.ones(3));
        o.step();
        assertEquals(DType.FLOAT64, w.dtype());
    }

    @Test
    void badCalls() {
        Tensor a = Tensor.ones(2).requiresGrad_(true);
        var e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1));
        assertTrue(e.getMessage().contains("empty parameter list"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(a.mul(2)), 0.1));
        assertTrue(e.getMessage().contains("non-leaf"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Tensor.zeros(DType.INT64, 2)), 0.1));
        assertTrue(e.getMessage().contains("floating point"), e.getMessage());
        SGD o = new SGD(List.of(a), 0.1);
        e = assertThrows(IllegalArgumentException.class, () -> o.addParamGroup(List.of(a), Map.of()));
        assertTrue(e.getMessage().contains("more than one parameter group"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Tensor.ones(1).requiresGrad_(true)), -1));
        assertTrue(e.getMessage().contains("invalid learning rate: -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Tensor.ones(1).requiresGrad_(true)), SGD.options().lr(0.1).nesterov(true)));
        assertTrue(e.getMessage().contains("Nesterov momentum requires a momentum and zero dampening"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(Tensor.ones(1).requiresGrad_(true)), Adam.options().betas(1.0, 0.9)));
        assertTrue(e.getMessage().contains("invalid beta parameter at index 0: 1.0"), e.getMessage());
        List<Tensor> one = List.of(Tensor.ones(1).requiresGrad_(true));
        e = assertThrows(IllegalArgumentException.class, () -> new Adamax(one, Adamax.options().betas(0.9, 1.0)));
        assertTrue(e.getMessage().equals("Adamax: invalid beta parameter at index 1: 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new NAdam(one, NAdam.options().momentumDecay(-1)));
        assertTrue(e.getMessage().equals("NAdam: invalid momentum_decay value: -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RAdam(one, RAdam.options().eps(-1e-8)));
        assertTrue(e.getMessage().equals("RAdam: invalid epsilon value: -1.0E-8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RAdam(one, RAdam.options().weightDecay(-0.1)));
        assertTrue(e.getMessage().equals("RAdam: invalid weight_decay value: -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Adam.options().set("momentum", 0.9));
        assertTrue(e.getMessage().contains("unknown option 'momentum'"), e.getMessage());
    }
}
