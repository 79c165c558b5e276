package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict (reprs are PyTorch 1.13's). */
class ContainersTest {
    @Test
    void sequentialChainsIndexesAndSlices() {
        Linear a = new Linear(3, 4), b = new Linear(4, 2);
        Sequential s = new Sequential(a, new Identity(), b);
        Tensor x = Tensor.randn(5, 3);
        assertTrue(s.forward(x).allclose(b.forward(a.forward(x))));
        assertSame(b, s.get(-1));
        Sequential tail = s.slice(1, 3);
        assertEquals(List.of("1.weight", "1.bias").size(), 2);
        assertEquals(List.of("2.weight", "2.bias"), new ArrayList<>(tail.stateDict().keySet())); // slicing keeps names
        s.append(new Identity());
        assertEquals(4, s.size());
        assertSame(a, s.pop(0));
        assertEquals(List.of("1.weight", "1.bias"), new ArrayList<>(s.stateDict().keySet())); // renumbered
        s.insert(0, a);
        assertSame(a, s.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.get(9));
        assertEquals(8, s.times(2).size());
    }

    @Test
    void sequentialFromMapKeepsNames() {
        Map<String, Module> m = new LinkedHashMap<>();
        m.put("fc", new Linear(2, 2));
        m.put("act", new Identity());
        Sequential s = new Sequential(m);
        assertEquals("Sequential(\n  (fc): Linear(in_features=2, out_features=2, bias=True)\n  (act): Identity()\n)", s.toString());
    }

    @Test
    void moduleListRegistersChildren() {
        ModuleList l = new ModuleList();
        for (int i = 0; i < 3; i++) l.append(new Linear(2, 2));
        assertEquals(6, l.parameters().size());
        assertEquals("ModuleList(\n  (0): Linear(in_features=2, out_features=2, bias=True)\n  (1): Linear(in_features=2, out_features=2, bias=True)\n"
                + "  (2): Linear(in_features=2, out_features=2, bias=True)\n)", l.toString());
        Module second = l.get(1);
        l.pop(0);
        assertSame(second, l.get(0));
        assertEquals(2, l.slice(0, 5).size());
        assertThrows(UnsupportedOperationException.class, () -> l.call(Tensor.ones(1)));
    }

    @Test
    void moduleDictByName() {
        ModuleDict d = new ModuleDict();
        d.put("a", new Linear(1, 1));
        d.put("b", new Identity());
        assertEquals(List.of("a", "b"), new ArrayList<>(d.keys()));
        assertEquals(List.of("a.weight", "a.bias"), new ArrayList<>(d.stateDict().keySet()));
        d.pop("a");
        assertEquals(1, d.size());
        assertThrows(IllegalArgumentException.class, () -> d.get("a"));
    }

    @Test
    void parameterListWrapsTensorsAndPrintsLikePyTorch() {
        ParameterList p = new ParameterList(List.of(Tensor.zeros(3, 4), Tensor.zeros(2)));
        assertTrue(p.get(0).requiresGrad());
        assertEquals(List.of("0", "1"), new ArrayList<>(p.stateDict().keySet()));
        assertEquals("ParameterList(\n    (0): Parameter containing: [torch.float32 of size 3x4]\n    (1): Parameter containing: [torch.float32 of size 2]\n)",
                p.toString());
        assertEquals("ParameterList()", new ParameterList().toString());
        Tensor existing = Parameter.of(Tensor.ones(1));
        p.append(existing);
        assertSame(existing, p.get(2));
    }

    @Test
    void parameterDictPrintsLikePyTorch() {
        ParameterDict d = new ParameterDict();
        d.put("a", Tensor.zeros(3, 4));
        assertEquals("ParameterDict(  (a): Parameter containing: [torch.FloatTensor of size 3x4])", d.toString());
        d.put("b", Tensor.zeros(DType.FLOAT64, 2));
        assertEquals("ParameterDict(\n    (a): Parameter containing: [torch.FloatTensor of size 3x4]\n    (b): Parameter containing: [torch.DoubleTensor of size 2]\n)",
                d.toString());
        assertEquals(List.of("a", "b"), new ArrayList<>(d.stateDict().keySet()));
        assertEquals(2, d.parameters().size());
    }
}
