package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;

/**
 * Checks nn4j modules against the PyTorch cases of tools/golden/module_cases.py (golden/module-cases.jsonl,
 * the conformance "module" format): the test builds the module with nn4j's own Java API, then the harness
 * loads the case's state dict, sets the mode, runs forward, and compares outputs, input and parameter
 * gradients, the state dict after the calls, the state dict keys and the repr. Every case runs in float32
 * (the case's tolerance) and in float64 (tight: the formulas must be PyTorch's).
 */
final class ModuleGolden {
    private ModuleGolden() {}

    /** A forward call for cases that are not {@code m.call(inputs...)}. */
    @FunctionalInterface
    interface Forward {
        Object apply(Module m, Map<String, Tensor> inputs);
    }

    private static Map<String, Map<String, Object>> cases;

    static synchronized Map<String, Object> get(String id) {
        Map<String, Object> c = load().get(id);
        assertNotNull(c, "no golden case module/" + id);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static synchronized Map<String, Map<String, Object>> load() {
        if (cases == null) {
            try (InputStream s = ModuleGolden.class.getResourceAsStream("/golden/module-cases.jsonl")) {
                assertNotNull(s, "golden/module-cases.jsonl is missing; run tools/golden/module_cases.py");
                Map<String, Map<String, Object>> all = new LinkedHashMap<>();
                for (String line : new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) continue;
                    Map<String, Object> c = (Map<String, Object>) Json.parse(line);
                    all.put(((String) c.get("id")).substring("module/".length()), c);
                }
                cases = all;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }
        return cases;
    }

    /** Ids of all golden cases (a test suite checks that it covers every one). */
    static List<String> ids() {
        return new ArrayList<>(load().keySet());
    }

    static DynamicTest test(String id, Supplier<Module> make) {
        return DynamicTest.dynamicTest(id, () -> check(id, make, null));
    }

    static DynamicTest test(String id, Supplier<Module> make, Forward fwd) {
        return DynamicTest.dynamicTest(id, () -> check(id, make, fwd));
    }

    static void check(String id, Supplier<Module> make, Forward fwd) {
        run(id, make.get(), fwd, DType.FLOAT32);
        run(id, make.get(), fwd, DType.FLOAT64);
    }

    @SuppressWarnings("unchecked")
    static void run(String id, Module m, Forward fwd, DType dtype) {
        Map<String, Object> c = get(id);
        Map<String, Object> tol = (Map<String, Object>) c.get("tol");
        // float64 from the same float32-exact values must agree far beyond float32 rounding
        double atol = dtype == DType.FLOAT32 ? ((Number) tol.get("atol")).doubleValue() : 1e-6;
        double rtol = dtype == DType.FLOAT32 ? ((Number) tol.get("rtol")).doubleValue() : 1e-6;
        String where = id + " (" + dtype + ")";

        Map<String, Tensor> sd = new LinkedHashMap<>();
        ((Map<String, Object>) c.get("state_dict")).forEach((k, v) -> sd.put(k, tensor(v, DType.FLOAT32)));
        m.loadStateDict(sd);
        if (dtype == DType.FLOAT64) m.toDouble();
        m.train("train".equals(c.get("mode")));

        Map<String, Object> grads = (Map<String, Object>) c.get("grads");
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        ((Map<String, Object>) c.get("inputs")).forEach((k, v) -> {
            Tensor t = tensor(v, dtype);
            if (t.isFloatingPoint() && grads.containsKey(k)) t.requiresGrad_(true);
            inputs.put(k, t);
        });
        Map<String, Object> kwargs = (Map<String, Object>) c.get("forward_kwargs");
        if (fwd == null && !kwargs.isEmpty()) fail(where + ": case has forward_kwargs " + kwargs.keySet() + "; the test must give a forward");
        Object out = null;
        int calls = ((Number) c.get("forward_calls")).intValue();
        for (int i = 0; i < calls; i++) out = fwd != null ? fwd.apply(m, inputs) : m.call(inputs.values().toArray());

        List<Tensor> outs = flatten(out);
        List<Object> want = list(c.get("output"));
        assertTrue(outs.size() >= want.size(), where + ": " + outs.size() + " outputs, expected " + want.size());
        for (int i = 0; i < want.size(); i++) compare(where + ": output[" + i + "]", outs.get(i), tensor(want.get(i), DType.FLOAT64), atol, rtol);

        if (!grads.isEmpty()) {
            List<Tensor> gos = new ArrayList<>();
            for (Object g : list(c.get("grad_output"))) gos.add(tensor(g, dtype));
            List<Tensor> diff = new ArrayList<>();
            for (Tensor o : outs) if (o.isFloatingPoint() && o.requiresGrad()) diff.add(o);
            assertEquals(gos.size(), diff.size(), where + ": differentiable outputs");
            Autograd.backward(diff, gos);
            Map<String, Tensor> params = m.namedParameters();
            grads.forEach((k, v) -> {
                Tensor of = k.startsWith("param:") ? params.get(k.substring(6)) : inputs.get(k);
                assertNotNull(of, where + ": no tensor for grad " + k);
                compare(where + ": grad " + k, of.grad() != null ? of.grad() : Tensor.zerosLike(of), tensor(v, DType.FLOAT64), atol, rtol);
            });
        }
        assertEquals(c.get("repr"), m.toString(), where + ": repr"); // after the calls: a lazy module has become its real class
        Map<String, Tensor> after = m.stateDict();
        assertEquals(c.get("state_dict_keys"), new ArrayList<>(after.keySet()), where + ": state_dict keys");
        ((Map<String, Object>) c.get("state_dict_after")).forEach((k, v) ->
                compare(where + ": state " + k, after.get(k), tensor(v, DType.FLOAT64), atol, rtol));
    }

    static List<Tensor> flatten(Object out) {
        List<Tensor> r = new ArrayList<>();
        if (out instanceof Tensor t) r.add(t);
        else if (out instanceof TensorTuple tt) r.addAll(tt.tensors());
        else if (out instanceof Tensor.ValuesIndices vi) r.addAll(List.of(vi.values(), vi.indices()));
        else if (out instanceof List<?> l) for (Object o : l) r.addAll(flatten(o));
        else if (out != null) fail("unexpected module output " + out.getClass());
        return r;
    }

    static void compare(String what, Tensor got, Tensor want, double atol, double rtol) {
        assertNotNull(got, what + ": missing");
        assertEquals(Arrays.toString(want.shape()), Arrays.toString(got.shape()), what + ": shape");
        double[] g = got.toDoubleArray(), w = want.toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            if (Double.isNaN(w[i]) && Double.isNaN(g[i]) || g[i] == w[i]) continue;
            if (!(Math.abs(g[i] - w[i]) <= atol + rtol * Math.abs(w[i]))) {
                fail(what + ": element " + i + " is " + g[i] + ", PyTorch gives " + w[i]);
            }
        }
    }

    private static List<Object> list(Object o) {
        if (o == null) return List.of();
        if (o instanceof List<?> l && !(l.isEmpty()) && l.get(0) instanceof Map) return new ArrayList<>(l);
        return List.of(o);
    }

    static double num(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        return switch ((String) v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> throw new IllegalArgumentException("not a number: " + v);
        };
    }

    /** A case tensor; float data as {@code floatType}. */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Object node, DType floatType) {
        Map<String, Object> m = (Map<String, Object>) node;
        List<Object> data = (List<Object>) m.get("data");
        int[] shape = ((List<Object>) m.get("shape")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        return switch ((String) m.get("dtype")) {
            case "int64" -> Tensor.fromArray(data.stream().mapToLong(o -> ((Number) o).longValue()).toArray(), shape);
            case "bool" -> {
                boolean[] b = new boolean[data.size()];
                for (int i = 0; i < b.length; i++) b[i] = (Boolean) data.get(i);
                yield Tensor.fromArray(b, shape);
            }
            default -> Tensor.fromArray(data.stream().mapToDouble(ModuleGolden::num).toArray(), shape).to(floatType);
        };
    }

    /** An input of the case by name, in float32 (for hand-written checks). */
    @SuppressWarnings("unchecked")
    static Tensor input(String id, String name) {
        return tensor(((Map<String, Object>) get(id).get("inputs")).get(name), DType.FLOAT32);
    }
}
