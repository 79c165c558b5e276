package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.TensorTuple;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code kind: "module"} cases: builds the module from {@code module} + {@code ctor} (PyTorch names;
 * {@code Sequential} from the layer reprs in {@code ctor.layers}), loads {@code state_dict} strictly, sets
 * the mode, calls forward {@code forward_calls} times, and compares the outputs, the input and
 * {@code param:<key>} gradients after backward with {@code grad_output}, {@code state_dict_after}, the
 * exact {@code state_dict_keys} order and {@code toString()} against {@code repr}.
 */
final class ModuleCases {
    private ModuleCases() {}

    static void register(Registry r) {
        r.kind("module", ModuleCases::run);
    }

    static Outcome run(JsonNode c) {
        String name = c.path("module").asText();
        if (c.has("custom_forward")) return Outcome.skip("custom forward (" + c.get("custom_forward").asText() + "): checked by nn4j's own tests");
        Module m;
        try {
            m = build(name, c.get("ctor"));
        } catch (UnsupportedOperationException e) {
            return Outcome.skip(e.getMessage());
        }
        double atol = c.path("tol").path("atol").asDouble(1e-5), rtol = c.path("tol").path("rtol").asDouble(1e-4);

        Map<String, Tensor> sd = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("state_dict").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sd.put(e.getKey(), CaseTensors.read(e.getValue()));
        }
        m.loadStateDict(sd, true);
        m.train("train".equals(c.path("mode").asText("train")));

        JsonNode grads = c.get("grads");
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Tensor t = CaseTensors.read(e.getValue());
            if (t.isFloatingPoint() && (grads == null || grads.has(e.getKey()))) t.requiresGrad_(true);
            inputs.put(e.getKey(), t);
        }
        Kw kwargs = Kw.fromJson(c.get("forward_kwargs"));
        int calls = Math.max(1, c.path("forward_calls").asInt(1));
        Object out = null;
        for (int i = 0; i < calls; i++) out = ModuleForward.call(name, m, new ArrayList<>(inputs.values()), kwargs);

        List<Tensor> outs = flatten(out);
        List<JsonNode> want = list(c.get("output"));
        if (outs.size() < want.size()) return Outcome.fail("module returned " + outs.size() + " outputs, expected " + want.size());
        for (int i = 0; i < want.size(); i++) {
            String e = CaseTensors.compare(outs.get(i), want.get(i), atol, rtol);
            if (e != null) return Outcome.fail("output" + (want.size() > 1 ? "[" + i + "]" : "") + ": " + e);
        }

        if (grads != null && grads.size() > 0) {
            List<Tensor> gos = new ArrayList<>();
            for (JsonNode g : list(c.get("grad_output"))) gos.add(CaseTensors.read(g));
            List<Tensor> diff = new ArrayList<>();
            for (Tensor o : outs) if (o.isFloatingPoint() && o.requiresGrad()) diff.add(o);
            if (diff.size() != gos.size()) return Outcome.fail(diff.size() + " differentiable outputs but " + gos.size() + " grad_outputs");
            Autograd.backward(diff, gos);
            Map<String, Tensor> params = m.namedParameters();
            for (Iterator<Map.Entry<String, JsonNode>> it = grads.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                Tensor of = key.startsWith("param:") ? params.get(key.substring(6)) : inputs.get(key);
                if (of == null) return Outcome.fail("grad for unknown " + (key.startsWith("param:") ? "parameter" : "input") + " '" + key + "'");
                Tensor g = of.grad() != null ? of.grad() : Tensor.zerosLike(of);
                String err = CaseTensors.compare(g, e.getValue(), atol, rtol);
                if (err != null) return Outcome.fail("grad " + key + ": " + err);
            }
        }

        Map<String, Tensor> after = m.stateDict();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("state_dict_after").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String err = CaseTensors.compare(after.get(e.getKey()), e.getValue(), atol, rtol);
            if (err != null) return Outcome.fail("state " + e.getKey() + ": " + err);
        }
        if (c.has("state_dict_keys")) {
            List<String> keys = new ArrayList<>();
            c.get("state_dict_keys").forEach(k -> keys.add(k.asText()));
            if (!keys.equals(new ArrayList<>(after.keySet()))) return Outcome.fail("state_dict keys " + after.keySet() + " vs " + keys);
        }
        if (c.has("repr") && !c.get("repr").asText().equals(m.toString())) {
            return Outcome.fail("repr:\n" + m + "\nexpected:\n" + c.get("repr").asText());
        }
        return Outcome.pass();
    }

    /** The module of a case: {@code Sequential} from its layers' reprs, anything else from its constructor arguments. */
    static Module build(String name, JsonNode ctor) {
        if (name.equals("Sequential") && ctor != null && ctor.has("layers")) {
            List<Module> layers = new ArrayList<>();
            for (JsonNode l : ctor.get("layers")) layers.add(ModuleFactory.fromRepr(l.asText()));
            return new Sequential(layers);
        }
        return ModuleFactory.build(name, Kw.fromJson(ctor));
    }

    /** A module's result as PyTorch's runner flattens it: tuples (and nested tuples) to their tensors, None left out. */
    static List<Tensor> flatten(Object out) {
        List<Tensor> r = new ArrayList<>();
        if (out instanceof Tensor t) r.add(t);
        else if (out instanceof TensorTuple tt) r.addAll(tt.tensors());
        else if (out instanceof Tensor.ValuesIndices vi) {
            r.add(vi.values());
            r.add(vi.indices());
        } else if (out instanceof List<?> l) {
            for (Object o : l) r.addAll(flatten(o));
        } else if (out != null) {
            throw new IllegalStateException("module returned " + out.getClass().getSimpleName());
        }
        return r;
    }

    private static List<JsonNode> list(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        if (n == null || n.isNull()) return l;
        if (n.isArray()) n.forEach(l::add);
        else l.add(n);
        return l;
    }
}
