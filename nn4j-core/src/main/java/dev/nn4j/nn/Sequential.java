package dev.nn4j.nn;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain of modules: {@code forward} feeds each child's output to the next, as
 * {@code torch.nn.Sequential}. Children are named {@code "0", "1", ...} unless built from a map.
 *
 * <p>Two shortcuts give the same results with less work, for the exact module classes without hooks: with gradients
 * on, a {@code ReLU} before max pooling runs after it (they commute, gradients included: see {@code ReluPoolOrderTest});
 * under no-grad, conv/relu/pool chains run as fused ops ({@code InferenceFusion}).
 *
 * <pre>{@code
 * var net = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));
 * Tensor y = net.forward(x);            // shape (N, 2)
 * net.get(0);                           // the first Linear; net.slice(1, 3) is a Sequential
 * net.stateDict().keySet();             // [0.weight, 0.bias, 2.weight, 2.bias]
 * }</pre>
 */
public class Sequential extends Module implements Iterable<Module> {
    public Sequential(Module... modules) {
        for (int i = 0; i < modules.length; i++) registerModule(Integer.toString(i), modules[i]);
    }

    public Sequential(List<? extends Module> modules) {
        for (int i = 0; i < modules.size(); i++) registerModule(Integer.toString(i), modules.get(i));
    }

    /** Children with the given names, in the map's order (PyTorch's {@code Sequential(OrderedDict)}). */
    public Sequential(Map<String, ? extends Module> modules) {
        modules.forEach(this::registerModule);
    }

    @Override
    public Tensor forward(Tensor input) {
        Object out = forwardArgs(new Object[] {input});
        if (out instanceof Tensor t) return t;
        throw new IllegalStateException("Sequential.forward: the last module returned " + out.getClass().getSimpleName()
                + ", not a Tensor; use call(Object...) for non-tensor outputs");
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length != 1) throw new IllegalArgumentException("Sequential.forward: expected 1 argument, got " + describe(args));
        Object x = args[0];
        if (!Autograd.isGradEnabled()) return InferenceFusion.forward(children(), x);
        List<Module> children = children();
        for (int i = 0; i < children.size(); i++) {
            Module m = children.get(i);
            if (x instanceof Tensor t && i + 1 < children.size() && reluBeforeMaxPool(m, children.get(i + 1))) {
                // relu and max pooling commute, values and gradients alike (both pick the first largest element, and
                // relu's gradient is 0 where a window's max is not positive): pooling first runs relu, forward and
                // backward, on a quarter of the elements
                x = F.relu(children.get(i + 1).call(t));
                i++;
                continue;
            }
            x = m.call(x);
        }
        return x;
    }

    /** A plain ReLU followed by a plain max pooling module that returns values only; neither has hooks. */
    private static boolean reluBeforeMaxPool(Module relu, Module pool) {
        return relu.getClass() == ReLU.class && !relu.hasHooks() && pool instanceof MaxPoolNd p
                && (p.getClass() == MaxPool1d.class || p.getClass() == MaxPool2d.class || p.getClass() == MaxPool3d.class)
                && !p.returnIndices && !p.hasHooks();
    }

    /** Number of children. */
    public int size() {
        return moduleMap().size();
    }

    private int index(int idx, String op) {
        int n = size();
        if (idx < -n || idx >= n) throw new IndexOutOfBoundsException("Sequential." + op + ": index " + idx + " is out of range for " + n + " modules");
        return idx < 0 ? idx + n : idx;
    }

    private String keyAt(int idx, String op) {
        return new ArrayList<>(moduleMap().keySet()).get(index(idx, op));
    }

    /** The child at {@code idx} (negative counts from the end). */
    public Module get(int idx) {
        return moduleMap().get(keyAt(idx, "get"));
    }

    /** The children {@code [start, end)} as a new Sequential that keeps their names (Python's {@code seq[start:end]}). */
    public Sequential slice(int start, int end) {
        List<String> keys = new ArrayList<>(moduleMap().keySet());
        int n = keys.size();
        int s = Math.max(0, Math.min(n, start < 0 ? start + n : start)), e = Math.max(0, Math.min(n, end < 0 ? end + n : end));
        Map<String, Module> sub = new LinkedHashMap<>();
        for (int i = s; i < e; i++) sub.put(keys.get(i), moduleMap().get(keys.get(i)));
        return new Sequential(sub);
    }

    /** Replaces the child at {@code idx}. */
    public void set(int idx, Module module) {
        moduleMap().put(keyAt(idx, "set"), module);
    }

    /** Appends {@code module} under the name {@code String.valueOf(size())}; returns this. */
    public Sequential append(Module module) {
        registerModule(Integer.toString(size()), module);
        return this;
    }

    /** Appends every module of {@code modules}; returns this. */
    public Sequential extend(Iterable<? extends Module> modules) {
        for (Module m : modules) append(m);
        return this;
    }

    /** Inserts {@code module} before position {@code index} (children after it shift by one); returns this. */
    public Sequential insert(int index, Module module) {
        int n = size();
        if (index < -n || index > n) throw new IndexOutOfBoundsException("Sequential.insert: index out of range: " + index);
        if (index < 0) index += n;
        List<Module> mods = new ArrayList<>(moduleMap().values());
        mods.add(index, module);
        renumber(mods);
        return this;
    }

    /** Removes and returns the child at {@code idx}; later children are renumbered. */
    public Module pop(int idx) {
        List<Module> mods = new ArrayList<>(moduleMap().values());
        Module m = mods.remove(index(idx, "pop"));
        renumber(mods);
        return m;
    }

    /** Removes the child at {@code idx} ({@code del seq[idx]}); later children are renumbered. */
    public void remove(int idx) {
        pop(idx);
    }

    private void renumber(List<Module> mods) {
        moduleMap().clear();
        for (int i = 0; i < mods.size(); i++) moduleMap().put(Integer.toString(i), mods.get(i));
    }

    /** A new Sequential of this one's children followed by {@code other}'s ({@code seq + other}). */
    public Sequential plus(Sequential other) {
        Sequential r = new Sequential();
        for (Module m : this) r.append(m);
        for (Module m : other) r.append(m);
        return r;
    }

    /** A new Sequential repeating the children {@code times} times ({@code seq * times}; the modules are shared). */
    public Sequential times(int times) {
        if (times <= 0) throw new IllegalArgumentException("Sequential.times: non-positive multiplication factor " + times);
        Sequential r = new Sequential();
        for (int i = 0; i < times; i++) for (Module m : this) r.append(m);
        return r;
    }

    @Override
    public Iterator<Module> iterator() {
        return new ArrayList<>(moduleMap().values()).iterator();
    }
}
