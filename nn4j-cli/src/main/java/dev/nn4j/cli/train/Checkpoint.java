package dev.nn4j.cli.train;

import dev.nn4j.Tensor;
import dev.nn4j.cli.CliException;
import dev.nn4j.io.Json;
import dev.nn4j.io.SafeTensors;
import dev.nn4j.io.SafeTensorsException;
import dev.nn4j.optim.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files `nn4j train` writes: {@code model.safetensors} (the state dict, plus {@code __metadata__} naming the model
 * and its settings, so `eval` and `predict` need nothing else) and {@code optimizer.safetensors} (the optimizer's state
 * tensors, with its scalars and param groups as JSON metadata, for {@code --resume}). Writes are atomic.
 */
public final class Checkpoint {
    private Checkpoint() {}

    public static void saveModel(Path file, Map<String, Tensor> stateDict, Map<String, String> metadata) {
        SafeTensors.write(file, stateDict, metadata);
    }

    public static SafeTensors.Contents loadModel(Path file) {
        try {
            SafeTensors.Contents c = SafeTensors.read(file);
            if (c.metadata().containsKey("optimizer")) {
                throw new CliException(file + ": holds the optimizer state, not the model; pass the model.safetensors next to it");
            }
            if (!c.metadata().containsKey("model")) {
                throw new CliException(file + ": not an nn4j checkpoint (its __metadata__ does not name a model)", 2, null);
            }
            return c;
        } catch (SafeTensorsException e) {
            throw new CliException(e.getMessage(), 2, e);   // a malformed input file is a usage error
        }
    }

    /** Flattens {@link Optimizer#stateDict()}: tensors as {@code state.<param>.<key>}, everything else as JSON. */
    @SuppressWarnings("unchecked")
    public static void saveOptimizer(Path file, Optimizer opt, Map<String, String> extra) {
        Map<String, Object> sd = opt.stateDict();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, Object> scalars = new LinkedHashMap<>();
        ((Map<Integer, Map<String, Object>>) sd.get("state")).forEach((id, st) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            st.forEach((k, v) -> {
                if (v instanceof Tensor t) tensors.put("state." + id + "." + k, t);
                else s.put(k, v);
            });
            scalars.put(String.valueOf(id), s);
        });
        List<Object> groups = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) sd.get("param_groups")) {
            Map<String, Object> copy = new LinkedHashMap<>();
            g.forEach((k, v) -> copy.put(k, v instanceof double[] d ? List.of(d[0], d[1]) : v));
            groups.add(copy);
        }
        Map<String, String> md = new LinkedHashMap<>(extra);
        md.put("optimizer", opt.getClass().getSimpleName());
        md.put("scalars", Json.write(scalars));
        md.put("param_groups", Json.write(groups));
        SafeTensors.write(file, tensors, md);
    }

    /** Restores what {@link #saveOptimizer} wrote; returns the file's metadata. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> loadOptimizer(Path file, Optimizer opt) {
        SafeTensors.Contents c;
        try {
            c = SafeTensors.read(file);
        } catch (SafeTensorsException e) {
            throw new CliException(e.getMessage());
        }
        String kind = c.metadata().get("optimizer");
        if (!opt.getClass().getSimpleName().equals(kind)) {
            throw new CliException(file + ": holds the state of optimizer " + kind + ", but this run uses " + opt.getClass().getSimpleName());
        }
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();
        Map<String, Object> scalars = (Map<String, Object>) Json.parse(c.metadata().get("scalars"));
        scalars.forEach((id, s) -> state.put(Integer.parseInt(id), new LinkedHashMap<>((Map<String, Object>) s)));
        c.tensors().forEach((name, t) -> {
            String[] parts = name.split("\\.", 3);
            state.computeIfAbsent(Integer.parseInt(parts[1]), k -> new LinkedHashMap<>()).put(parts[2], t);
        });
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Object g : (List<Object>) Json.parse(c.metadata().get("param_groups"))) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<String, Object>) g).forEach((k, v) -> {
                if (k.equals("betas") && v instanceof List<?> l) m.put(k, new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()});
                else if (v instanceof Long n && !k.equals("params")) m.put(k, n.doubleValue());
                else m.put(k, v);
            });
            groups.add(m);
        }
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("state", state);
        sd.put("param_groups", groups);
        opt.loadStateDict(sd);
        return c.metadata();
    }
}
