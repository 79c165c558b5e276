package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Module base class: registration, traversal, modes, dtype, state dicts, hooks, repr. Expected texts are PyTorch 1.13's. */
class ModuleTest {
    /** A module with a parameter, a persistent and a non-persistent buffer, and two children. */
    static final class Net extends Module {
        final Tensor scale = registerParameter("scale", Parameter.of(Tensor.ones(2)));
        final Tensor stat = registerBuffer("stat", Tensor.zeros(2));
        final Tensor cache = registerBuffer("cache", Tensor.zeros(1), false);
        final Linear fc1 = registerModule("fc1", new Linear(3, 2));
        final Sequential block = registerModule("block", new Sequential(new Linear(2, 2), new Identity()));

        @Override
        public Tensor forward(Tensor x) {
            return block.call(fc1.call(x)).mul(scale);
        }
    }

    @Test
    void stateDictKeysFollowPyTorchOrderAndSkipNonPersistentBuffers() {
        Net n = new Net();
        assertEquals(List.of("scale", "stat", "fc1.weight", "fc1.bias", "block.0.weight", "block.0.bias"), new ArrayList<>(n.stateDict().keySet()));
        assertEquals(List.of("stat", "cache"), new ArrayList<>(n.namedBuffers().keySet()));
        assertEquals(List.of("scale", "fc1.weight", "fc1.bias", "block.0.weight", "block.0.bias"), new ArrayList<>(n.namedParameters().keySet()));
        assertEquals(List.of("", "fc1", "block", "block.0", "block.1"), new ArrayList<>(n.namedModules().keySet()));
        assertEquals(List.of("fc1", "block"), new ArrayList<>(n.namedChildren().keySet()));
        assertEquals(1, n.parameters(false).size());
        assertSame(n.fc1.weight, n.getParameter("fc1.weight"));
        assertSame(n.block.get(0), n.getSubmodule("block.0"));
        assertSame(n.stat, n.getBuffer("stat"));
    }

    @Test
    void stateDictValuesShareStorageButAreDetached() {
        Linear l = new Linear(2, 2);
        Tensor w = l.stateDict().get("weight");
        assertFalse(w.requiresGrad());
        l.weight.storage(); // same storage: writing through the state dict shows in the module
        try (var g = dev.nn4j.Autograd.noGrad()) {
            w.fill_(3);
        }
        assertEquals(3, l.weight.get(0, 0));
    }

    @Test
    void stateDictWithPrefixAndKeepVars() {
        Linear l = new Linear(2, 2);
        Map<String, Tensor> sd = l.stateDict("fc.", true);
        assertEquals(List.of("fc.weight", "fc.bias"), new ArrayList<>(sd.keySet()));
        assertSame(l.weight, sd.get("fc.weight"));
        assertTrue(sd.get("fc.weight").requiresGrad());
    }

    @Test
    void sharedModulesAndParametersAreListedOnce() {
        Linear shared = new Linear(2, 2);
        Sequential s = new Sequential(shared, shared);
        assertEquals(2, s.parameters().size());
        assertEquals(List.of("", "0"), new ArrayList<>(s.namedModules().keySet()));
        // state_dict does not deduplicate, as in PyTorch
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), new ArrayList<>(s.stateDict().keySet()));
    }

    @Test
    void loadStateDictCopiesInPlaceAndKeepsIdentity() {
        Linear a = new Linear(4, 3), b = new Linear(4, 3);
        Tensor w = b.weight;
        IncompatibleKeys r = b.loadStateDict(a.stateDict());
        assertTrue(r.allMatched());
        assertEquals("<All keys matched successfully>", r.toString());
        assertSame(w, b.weight);
        assertTrue(b.weight.equal(a.weight));
        assertTrue(b.weight.requiresGrad());
    }

    @Test
    void loadStateDictReportsLikePyTorchAndLeavesModuleUnchanged() {
        Linear m = new Linear(4, 2);
        Tensor before = m.weight.clone();
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Tensor.zeros(3, 4));
        sd.put("foo", Tensor.zeros(1));
        var e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for Linear:\n\tMissing key(s) in state_dict: \"bias\". \n\tUnexpected key(s) in state_dict: \"foo\". "
                + "\n\tsize mismatch for weight: copying a param with shape torch.Size([3, 4]) from checkpoint, the shape in current model is torch.Size([2, 4]).",
                e.getMessage());
        assertTrue(m.weight.equal(before));

        // size mismatch fails even when not strict, and nothing is copied
        Map<String, Tensor> sd2 = new LinkedHashMap<>();
        sd2.put("weight", Tensor.zeros(3, 4));
        sd2.put("bias", Tensor.ones(2));
        Tensor biasBefore = m.bias.clone();
        assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd2, false));
        assertTrue(m.bias.equal(biasBefore));
    }

    @Test
    void nonStrictLoadReturnsTheKeysPyTorchReturns() {
        Linear m = new Linear(4, 2);
        assertEquals("_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=[])",
                m.loadStateDict(Map.of("weight", Tensor.zeros(2, 4)), false).toString());
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Tensor.zeros(2, 4));
        sd.put("bias", Tensor.ones(2));
        sd.put("x.y", Tensor.zeros(1));
        IncompatibleKeys r = m.loadStateDict(sd, false);
        assertEquals("_IncompatibleKeys(missing_keys=[], unexpected_keys=['x.y'])", r.toString());
        assertEquals(1.0, m.bias.get(0));
    }

    @Test
    void nestedLoadReportsKeysInPyTorchOrder() {
        Sequential s = new Sequential(new Linear(2, 3), new ReLUForTest(), new Sequential(new Linear(3, 1)));
        Map<String, Tensor> sd = new LinkedHashMap<>(s.stateDict());
        sd.remove("0.bias");
        sd.put("2.0.extra", Tensor.zeros(1));
        sd.put("3.weight", Tensor.zeros(1));
        var e = assertThrows(IllegalArgumentException.class, () -> s.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for Sequential:\n\tMissing key(s) in state_dict: \"0.bias\". "
                + "\n\tUnexpected key(s) in state_dict: \"3.weight\", \"2.0.extra\". ", e.getMessage());
    }

    /** A parameter-free module that does not depend on F. */
    static final class ReLUForTest extends Module {
        @Override
        public Tensor forward(Tensor x) {
            return x.relu();
        }

        @Override
        public String getName() {
            return "ReLU";
        }
    }

    @Test
    void reprNestsLikePyTorch() {
        Sequential s = new Sequential(new Linear(2, 3), new ReLUForTest(), new Sequential(new Linear(3, 1)));
        assertEquals("Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n"
                + "  (2): Sequential(\n    (0): Linear(in_features=3, out_features=1, bias=True)\n  )\n)", s.toString());
        assertEquals("Linear(in_features=4, out_features=3, bias=False)", new Linear(4, 3, false).toString());
    }

    @Test
    void trainEvalPropagate() {
        Net n = new Net();
        assertTrue(n.isTraining());
        n.eval();
        for (Module m : n.modules()) assertFalse(m.isTraining());
        n.train();
        for (Module m : n.modules()) assertTrue(m.isTraining());
    }

    @Test
    void zeroGradSetsToNoneByDefault() {
        Linear l = new Linear(3, 2);
        l.forward(Tensor.randn(4, 3)).sum().backward();
        assertTrue(l.weight.grad() != null);
        Tensor g = l.weight.grad();
        l.zeroGrad(false);
        assertSame(g, l.weight.grad());
        assertEquals(0.0, g.abs().sum().item());
        l.zeroGrad();
        assertNull(l.weight.grad());
    }

    @Test
    void requiresGradFreezes() {
        Net n = new Net();
        n.requiresGrad_(false);
        for (Tensor p : n.parameters()) assertFalse(p.requiresGrad());
    }

    @Test
    void applyVisitsChildrenFirst() {
        Net n = new Net();
        List<String> seen = new ArrayList<>();
        n.apply(m -> seen.add(m.getName()));
        assertEquals(List.of("Linear", "Linear", "Identity", "Sequential", "Net"), seen);
    }

    @Test
    void toDoubleConvertsInPlaceAndHalfFails() {
        Net n = new Net();
        Tensor w = n.fc1.weight;
        n.toDouble();
        assertSame(w, n.fc1.weight);
        assertEquals(DType.FLOAT64, w.dtype());
        assertEquals(DType.FLOAT64, n.stat.dtype());
        assertTrue(w.requiresGrad());
        Tensor y = n.forward(Tensor.randn(DType.FLOAT64, new dev.nn4j.Generator(1), 2, 3));
        assertEquals(DType.FLOAT64, y.dtype());
        n.toFloat();
        assertEquals(DType.FLOAT32, w.dtype());
        var e = assertThrows(UnsupportedOperationException.class, n::half);
        assertTrue(e.getMessage().contains("float16"));
        assertThrows(IllegalArgumentException.class, () -> n.to(DType.INT64));
    }

    @Test
    void forwardHooksModifyAndAreRemovable() {
        Linear l = new Linear(2, 2);
        Tensor x = Tensor.ones(1, 2);
        List<String> order = new ArrayList<>();
        RemovableHandle pre = l.registerForwardPreHook((m, args) -> {
            order.add("pre");
            return new Object[] {((Tensor) args[0]).mul(0)};
        });
        RemovableHandle first = l.registerForwardHook((m, args, out) -> {
            order.add("b");
            return null;
        });
        l.registerForwardHook((m, args, out) -> {
            order.add("a");
            return null;
        }, true);
        Tensor y = l.call(x);
        assertEquals(List.of("pre", "a", "b"), order);
        assertTrue(y.allclose(l.bias.detach().unsqueeze(0)));
        pre.remove();
        first.remove();
        order.clear();
        Tensor y2 = l.call(x);
        assertEquals(List.of("a"), order);
        assertTrue(y2.allclose(l.forward(x)));
        RemovableHandle replace = l.registerForwardHook((m, args, out) -> Tensor.zeros(1, 2));
        assertEquals(0.0, l.call(x).abs().sum().item());
        replace.remove();
        // forward itself never runs hooks, as in PyTorch
        assertTrue(l.forward(x).allclose(y2));
    }

    @Test
    void registrationErrors() {
        Linear l = new Linear(2, 2);
        assertEquals("parameter name can't contain \".\", got \"a.b\"",
                assertThrows(IllegalArgumentException.class, () -> l.registerParameter("a.b", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> l.registerBuffer("", Tensor.zeros(1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> l.registerBuffer("weight", Tensor.zeros(1)))
                .getMessage().contains("attribute 'weight' already exists"));
        Tensor nonLeaf = Tensor.ones(2).requiresGrad_(true).mul(2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> l.registerParameter("p", nonLeaf))
                .getMessage().contains("non-leaf"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> l.getSubmodule("weight")).getMessage().contains("is not an nn.Module"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> l.getSubmodule("x")).getMessage().contains("Linear has no attribute `x`"));
        assertTrue(assertThrows(UnsupportedOperationException.class, () -> new Module() {}.forward(Tensor.ones(1)))
                .getMessage().contains("missing the required \"forward\" function"));
    }

    @Test
    void absentParameterIsSkippedButCountsAsUnexpectedWhenLoaded() {
        Linear l = new Linear(2, 2, false);
        assertEquals(List.of("weight"), new ArrayList<>(l.stateDict().keySet()));
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Tensor.zeros(2, 2));
        sd.put("bias", Tensor.zeros(2));
        var e = assertThrows(IllegalArgumentException.class, () -> l.loadStateDict(sd));
        assertTrue(e.getMessage().contains("Unexpected key(s) in state_dict: \"bias\". "));
    }

    @Test
    void parameterOfSharesStorageWithoutTouchingTheSource() {
        Tensor data = Tensor.zeros(3);
        Tensor p = Parameter.of(data);
        assertTrue(p.requiresGrad());
        assertFalse(data.requiresGrad());
        assertTrue(p.isLeaf());
        assertArrayEquals(new int[] {3}, p.shape());
        assertThrows(IllegalArgumentException.class, () -> Parameter.of(Tensor.arange(3)));
    }
}
