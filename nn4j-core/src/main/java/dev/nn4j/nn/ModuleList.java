package dev.nn4j.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Holds child modules in a list, registered as {@code "0", "1", ...} so their parameters are found,
 * as {@code torch.nn.ModuleList}. It has no {@code forward}: the owner decides how to call them.
 *
 * <pre>{@code
 * var layers = registerModule("layers", new ModuleList());
 * for (int i = 0; i < 3; i++) layers.append(new Linear(8, 8));
 * for (Module l : layers) x = l.call(x);
 * }</pre>
 */
public class ModuleList extends Module implements Iterable<Module> {
    public ModuleList() {}

    public ModuleList(Iterable<? extends Module> modules) {
        extend(modules);
    }

    public ModuleList(Module... modules) {
        for (Module m : modules) append(m);
    }

    public int size() {
        return moduleMap().size();
    }

    private String key(int idx) {
        int n = size();
        if (idx < -n || idx >= n) throw new IndexOutOfBoundsException("ModuleList: index " + idx + " is out of range for " + n + " modules");
        return Integer.toString(idx < 0 ? idx + n : idx);
    }

    /** The module at {@code idx} (negative counts from the end). */
    public Module get(int idx) {
        return moduleMap().get(key(idx));
    }

    /** The modules {@code [start, end)} as a new ModuleList (renumbered from 0). */
    public ModuleList slice(int start, int end) {
        List<Module> mods = new ArrayList<>(moduleMap().values());
        int n = mods.size();
        int s = Math.max(0, Math.min(n, start < 0 ? start + n : start)), e = Math.max(0, Math.min(n, end < 0 ? end + n : end));
        return new ModuleList(s < e ? mods.subList(s, e) : List.of());
    }

    public void set(int idx, Module module) {
        moduleMap().put(key(idx), module);
    }

    public ModuleList append(Module module) {
        registerModule(Integer.toString(size()), module);
        return this;
    }

    public ModuleList extend(Iterable<? extends Module> modules) {
        for (Module m : modules) append(m);
        return this;
    }

    /** Inserts {@code module} before {@code index}. */
    public void insert(int index, Module module) {
        List<Module> mods = new ArrayList<>(moduleMap().values());
        int n = mods.size();
        if (index < 0) index = Math.max(0, index + n);
        mods.add(Math.min(index, n), module);
        renumber(mods);
    }

    /** Removes and returns the module at {@code idx}; later modules are renumbered. */
    public Module pop(int idx) {
        List<Module> mods = new ArrayList<>(moduleMap().values());
        Module m = mods.remove(Integer.parseInt(key(idx)));
        renumber(mods);
        return m;
    }

    private void renumber(List<Module> mods) {
        moduleMap().clear();
        for (int i = 0; i < mods.size(); i++) moduleMap().put(Integer.toString(i), mods.get(i));
    }

    @Override
    public Iterator<Module> iterator() {
        return new ArrayList<>(moduleMap().values()).iterator();
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        throw new UnsupportedOperationException("ModuleList has no forward: call its modules");
    }
}
