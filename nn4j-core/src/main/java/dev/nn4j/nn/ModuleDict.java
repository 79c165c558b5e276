package dev.nn4j.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds child modules by name, in insertion order, as {@code torch.nn.ModuleDict}.
 *
 * <pre>{@code
 * var acts = new ModuleDict(Map.of("relu", new ReLU()));
 * acts.put("gelu", new GELU());
 * Tensor y = acts.get("gelu").call(x);
 * }</pre>
 */
public class ModuleDict extends Module {
    public ModuleDict() {}

    public ModuleDict(Map<String, ? extends Module> modules) {
        update(modules);
    }

    /** The module named {@code key}. */
    public Module get(String key) {
        if (!moduleMap().containsKey(key)) throw new IllegalArgumentException("ModuleDict: no module named '" + key + "'");
        return moduleMap().get(key);
    }

    /** Adds or replaces the module named {@code key} ({@code dict[key] = module}). */
    public void put(String key, Module module) {
        registerModule(key, module);
    }

    /** Adds or replaces every entry of {@code modules}, in its iteration order. */
    public void update(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
    }

    /** Removes and returns the module named {@code key}. */
    public Module pop(String key) {
        Module m = get(key);
        removeModule(key);
        return m;
    }

    public boolean containsKey(String key) {
        return moduleMap().containsKey(key);
    }

    public void clear() {
        moduleMap().clear();
    }

    public int size() {
        return moduleMap().size();
    }

    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(moduleMap().keySet()));
    }

    public List<Module> values() {
        return new ArrayList<>(moduleMap().values());
    }

    /** The entries in insertion order. */
    public Map<String, Module> items() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(moduleMap()));
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        throw new UnsupportedOperationException("ModuleDict has no forward: call its modules");
    }
}
