package dev.nn4j.nn;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Base class of every layer, as {@code torch.nn.Module}: a module owns parameters, buffers and child
 * modules, registered explicitly and kept in registration order (the order of {@link #stateDict()},
 * {@link #namedParameters()} and {@link #toString()}).
 *
 * <pre>{@code
 * class TwoLayer extends Module {
 *     final Linear fc1 = registerModule("fc1", new Linear(4, 8));
 *     final Linear fc2 = registerModule("fc2", new Linear(8, 2));
 *     @Override public Tensor forward(Tensor x) { return fc2.call(F.relu(fc1.call(x))); }
 * }
 * var m = new TwoLayer();
 * m.stateDict().keySet();   // [fc1.weight, fc1.bias, fc2.weight, fc2.bias]
 * }</pre>
 *
 * <p>{@link #forward(Tensor)} is the computation; {@link #call(Tensor)} (Python's {@code module(x)})
 * runs the forward pre-hooks, {@code forward} and the forward hooks. Modules with several inputs or
 * outputs have typed {@code forward} overloads and dispatch {@link #forwardArgs(Object[])} to them, so
 * {@link #call(Object...)} works for every module.
 */
public abstract class Module {
    private final LinkedHashMap<String, Tensor> parameters = new LinkedHashMap<>();
    private final LinkedHashMap<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistentBuffers = new HashSet<>();
    private final LinkedHashMap<String, Module> modules = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, ForwardPreHook> forwardPreHooks = new LinkedHashMap<>();
    private final LinkedHashMap<Integer, ForwardHook> forwardHooks = new LinkedHashMap<>();
    /** Whether the module is in training mode ({@link #train()}) or evaluation mode ({@link #eval()}). */
    protected boolean training = true;

    /** A hook run before {@code forward}: returns replacement arguments, or null to keep them. */
    @FunctionalInterface
    public interface ForwardPreHook {
        Object[] apply(Module module, Object[] args);
    }

    /** A hook run after {@code forward}: returns a replacement output, or null to keep it. */
    @FunctionalInterface
    public interface ForwardHook {
        Object apply(Module module, Object[] args, Object output);
    }

    // ------------------------------------------------------------------ forward

    /**
     * The computation of a single-input, single-output module. Modules with other signatures have typed
     * overloads; the default throws, as PyTorch's base {@code forward}.
     */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Module [" + getName() + "] is missing the required \"forward\" function");
    }

    /**
     * Forward on positional arguments (PyTorch's {@code forward(*args)}). The default accepts one tensor
     * and calls {@link #forward(Tensor)}; modules with several inputs override this to dispatch to their
     * typed overloads. Several outputs come back as a {@link TensorTuple}.
     */
    protected Object forwardArgs(Object[] args) {
        if (args.length == 1 && (args[0] instanceof Tensor || args[0] == null)) return forward((Tensor) args[0]);
        throw new IllegalArgumentException(getName() + ".forward: expected 1 tensor argument, got " + describe(args));
    }

    /**
     * {@code module(x)} for a module with one tensor result: forward pre-hooks, forward, forward hooks. A module
     * whose result is several tensors (an RNN's {@code (output, h_n)}, pooling with indices) fails here: use
     * {@link #call(Object...)} or its typed {@code forward}.
     */
    public final Tensor call(Tensor input) {
        Object out = call(new Object[] {input});
        if (out instanceof Tensor t || out == null) return (Tensor) out;
        throw new IllegalStateException(getName() + " returned " + out.getClass().getSimpleName()
                + ", not a single Tensor; use call(Object...) or the module's typed forward");
    }

    /** {@code module(*args)}: forward pre-hooks, {@link #forwardArgs(Object[])}, forward hooks. */
    public final Object call(Object... args) {
        for (ForwardPreHook h : new ArrayList<>(forwardPreHooks.values())) {
            Object[] r = h.apply(this, args);
            if (r != null) args = r;
        }
        Object out = forwardArgs(args);
        for (ForwardHook h : new ArrayList<>(forwardHooks.values())) {
            Object r = h.apply(this, args, out);
            if (r != null) out = r;
        }
        return out;
    }

    static String describe(Object[] args) {
        List<String> kinds = new ArrayList<>();
        for (Object a : args) {
            kinds.add(a == null ? "null" : a instanceof Tensor t ? "Tensor" + Arrays.toString(t.shape()) : a.getClass().getSimpleName());
        }
        return args.length + " (" + String.join(", ", kinds) + ")";
    }

    /** Registers a hook run before every {@link #call}; {@code prepend} runs it before the existing ones. */
    /** Whether any forward hook is registered (fusing modules would skip them). */
    boolean hasHooks() {
        return !forwardPreHooks.isEmpty() || !forwardHooks.isEmpty();
    }

    public RemovableHandle registerForwardPreHook(ForwardPreHook hook, boolean prepend) {
        return RemovableHandle.add(forwardPreHooks, hook, prepend);
    }

    public RemovableHandle registerForwardPreHook(ForwardPreHook hook) {
        return registerForwardPreHook(hook, false);
    }

    /** Registers a hook run after every {@link #call}; {@code prepend} runs it before the existing ones. */
    public RemovableHandle registerForwardHook(ForwardHook hook, boolean prepend) {
        return RemovableHandle.add(forwardHooks, hook, prepend);
    }

    public RemovableHandle registerForwardHook(ForwardHook hook) {
        return registerForwardHook(hook, false);
    }

    // ------------------------------------------------------------------ registration

    /**
     * Registers {@code param} as parameter {@code name} (null registers an absent parameter, as PyTorch's
     * {@code register_parameter(name, None)}) and returns it, so a field can be assigned in one line:
     * {@code weight = registerParameter("weight", Parameter.of(Tensor.empty(out, in)))}. The tensor must be
     * a floating-point leaf; it is registered as is (its {@code requiresGrad} flag is kept; use
     * {@link Parameter#of} to make one).
     */
    public Tensor registerParameter(String name, Tensor param) {
        checkName("parameter", name);
        if (buffers.containsKey(name) || modules.containsKey(name)) {
            throw new IllegalArgumentException("registerParameter: attribute '" + name + "' already exists");
        }
        if (param != null) {
            if (!param.isLeaf()) {
                throw new IllegalArgumentException("registerParameter: cannot assign non-leaf Tensor to parameter '" + name
                        + "'. Model parameters must be created explicitly. To express '" + name
                        + "' as a function of another Tensor, compute the value in the forward() method.");
            }
            if (!param.isFloatingPoint()) {
                throw new IllegalArgumentException("registerParameter: parameter '" + name + "' must be floating point, got " + param.dtype());
            }
        }
        parameters.put(name, param);
        return param;
    }

    /** Registers a persistent buffer (saved in {@link #stateDict()}); returns it. */
    public Tensor registerBuffer(String name, Tensor tensor) {
        return registerBuffer(name, tensor, true);
    }

    /**
     * Registers state that is not a parameter (running statistics, masks). A non-persistent buffer moves
     * with {@link #to(DType)} but is left out of {@link #stateDict()}. Null registers an absent buffer.
     */
    public Tensor registerBuffer(String name, Tensor tensor, boolean persistent) {
        checkName("buffer", name);
        if (parameters.containsKey(name) || modules.containsKey(name)) {
            throw new IllegalArgumentException("registerBuffer: attribute '" + name + "' already exists");
        }
        buffers.put(name, tensor);
        if (persistent) nonPersistentBuffers.remove(name);
        else nonPersistentBuffers.add(name);
        return tensor;
    }

    /** Registers a child module (null registers an absent one); returns it. */
    public <M extends Module> M registerModule(String name, M module) {
        checkName("module", name);
        if (parameters.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("registerModule: attribute '" + name + "' already exists");
        }
        if (module == this) throw new IllegalArgumentException("registerModule: a module cannot be its own child ('" + name + "')");
        modules.put(name, module);
        return module;
    }

    /** Alias of {@link #registerModule}, as PyTorch's {@code add_module}. */
    public <M extends Module> M addModule(String name, M module) {
        return registerModule(name, module);
    }

    private static void checkName(String kind, String name) {
        if (name == null) throw new IllegalArgumentException(kind + " name should be a string, got null");
        if (name.isEmpty()) throw new IllegalArgumentException(kind + " name can't be empty string \"\"");
        if (name.contains(".")) throw new IllegalArgumentException(kind + " name can't contain \".\", got \"" + name + "\"");
    }

    /** Replaces the value of an already registered buffer (e.g. a running statistic); returns it. */
    protected Tensor setBuffer(String name, Tensor tensor) {
        if (!buffers.containsKey(name)) throw new IllegalArgumentException(getName() + ": no buffer named '" + name + "'");
        buffers.put(name, tensor);
        return tensor;
    }

    /** Removes a child (used by containers); returns it. */
    Module removeModule(String name) {
        return modules.remove(name);
    }

    /** Removes a parameter (used by containers); returns it. */
    Tensor removeParameter(String name) {
        return parameters.remove(name);
    }

    /** The module's own (non-recursive) registries, in registration order; containers rebuild them. */
    LinkedHashMap<String, Module> moduleMap() {
        return modules;
    }

    LinkedHashMap<String, Tensor> parameterMap() {
        return parameters;
    }

    LinkedHashMap<String, Tensor> bufferMap() {
        return buffers;
    }

    // ------------------------------------------------------------------ lookup

    /** The direct parameter {@code name} (null when registered as absent). */
    public Tensor getParameter(String target) {
        int dot = target.lastIndexOf('.');
        Module owner = dot < 0 ? this : getSubmodule(target.substring(0, dot));
        String name = target.substring(dot + 1);
        if (!owner.parameters.containsKey(name)) {
            throw new IllegalArgumentException(owner.getName() + " has no parameter `" + name + "`");
        }
        return owner.parameters.get(name);
    }

    /** The buffer at a dotted path ({@code "bn.running_mean"}). */
    public Tensor getBuffer(String target) {
        int dot = target.lastIndexOf('.');
        Module owner = dot < 0 ? this : getSubmodule(target.substring(0, dot));
        String name = target.substring(dot + 1);
        if (!owner.buffers.containsKey(name)) {
            throw new IllegalArgumentException(owner.getName() + " has no buffer `" + name + "`");
        }
        return owner.buffers.get(name);
    }

    /** The submodule at a dotted path ({@code "encoder.layers.0"}); {@code ""} is this module. */
    public Module getSubmodule(String target) {
        if (target.isEmpty()) return this;
        Module m = this;
        for (String item : target.split("\\.", -1)) {
            if (!m.modules.containsKey(item)) {
                if (m.parameters.containsKey(item) || m.buffers.containsKey(item)) {
                    throw new IllegalArgumentException("getSubmodule: `" + item + "` is not an nn.Module");
                }
                throw new IllegalArgumentException("getSubmodule: " + m.getName() + " has no attribute `" + item + "`");
            }
            m = m.modules.get(item);
            if (m == null) throw new IllegalArgumentException("getSubmodule: `" + item + "` is not an nn.Module (it is None)");
        }
        return m;
    }

    // ------------------------------------------------------------------ traversal

    /** All parameters (recursively), each once, in registration order. */
    public List<Tensor> parameters() {
        return parameters(true);
    }

    public List<Tensor> parameters(boolean recurse) {
        return new ArrayList<>(namedParameters("", recurse).values());
    }

    /** Parameters by dotted name ({@code "0.weight"}), each tensor once (shared ones under their first name). */
    public Map<String, Tensor> namedParameters() {
        return namedParameters("", true);
    }

    public Map<String, Tensor> namedParameters(String prefix, boolean recurse) {
        return namedMembers(prefix, recurse, m -> m.parameters);
    }

    public List<Tensor> buffers() {
        return buffers(true);
    }

    public List<Tensor> buffers(boolean recurse) {
        return new ArrayList<>(namedBuffers("", recurse).values());
    }

    /** Buffers (persistent or not) by dotted name. */
    public Map<String, Tensor> namedBuffers() {
        return namedBuffers("", true);
    }

    public Map<String, Tensor> namedBuffers(String prefix, boolean recurse) {
        return namedMembers(prefix, recurse, m -> m.buffers);
    }

    private Map<String, Tensor> namedMembers(String prefix, boolean recurse, java.util.function.Function<Module, Map<String, Tensor>> members) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, Module> mods = recurse ? namedModules(prefix) : Map.of(prefix, this);
        for (Map.Entry<String, Module> e : mods.entrySet()) {
            for (Map.Entry<String, Tensor> p : members.apply(e.getValue()).entrySet()) {
                Tensor v = p.getValue();
                if (v == null || !seen.add(v)) continue;
                out.put(e.getKey().isEmpty() ? p.getKey() : e.getKey() + "." + p.getKey(), v);
            }
        }
        return out;
    }

    /** The direct children, each once. */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            if (e.getValue() != null && seen.add(e.getValue())) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** This module and all descendants, pre-order, each once. */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** This module (named {@code ""}) and all descendants by dotted name, pre-order, each once. */
    public Map<String, Module> namedModules() {
        return namedModules("");
    }

    public Map<String, Module> namedModules(String prefix) {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules(prefix, out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectModules(String prefix, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(this)) return;
        out.put(prefix, this);
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            if (e.getValue() == null) continue;
            e.getValue().collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out, seen);
        }
    }

    // ------------------------------------------------------------------ mode, grads, dtype

    /** Sets training mode on this module and every descendant; returns this. */
    public Module train(boolean mode) {
        training = mode;
        for (Module c : children()) c.train(mode);
        return this;
    }

    public Module train() {
        return train(true);
    }

    /** Evaluation mode ({@code train(false)}): dropout off, batch norm uses running statistics. */
    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient (sets it to null, as PyTorch 2's default). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** Clears gradients: to null when {@code setToNone}, else zeroed in place. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : parameters()) {
            Tensor g = p.grad();
            if (g == null) continue;
            if (setToNone) {
                p.setGrad(null);
            } else {
                Tensor z = g.isLeaf() ? g : g.detach();
                if (z.requiresGrad()) z.requiresGrad_(false);
                z.zero_();
                p.setGrad(z);
            }
        }
    }

    /** Sets {@code requiresGrad} on every parameter (false freezes the module); returns this. */
    public Module requiresGrad_(boolean requiresGrad) {
        for (Tensor p : parameters()) p.requiresGrad_(requiresGrad);
        return this;
    }

    /** Applies {@code fn} to every descendant (children first) and then to this module; returns this. */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children()) c.apply(fn);
        fn.accept(this);
        return this;
    }

    /**
     * Converts every floating-point parameter and buffer (and parameter gradient) to {@code dtype}, in
     * place: the tensors keep their identity, so fields and optimizers still point at them. Integer
     * buffers ({@code num_batches_tracked}) keep their dtype. Returns this.
     */
    public Module to(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("to: nn.Module.to only accepts floating point dtypes, but got desired dtype=" + dtype);
        }
        try (var g = Autograd.noGrad()) {
            for (Module m : modules()) {
                for (Tensor t : m.parameters.values()) convert(t, dtype);
                for (Tensor t : m.buffers.values()) convert(t, dtype);
            }
        }
        return this;
    }

    private static void convert(Tensor t, DType dtype) {
        if (t == null || !t.isFloatingPoint() || t.dtype() == dtype) return;
        t.setData(t.to(dtype));
        Tensor g = t.grad();
        if (g != null && g.dtype() != dtype) g.setData(g.to(dtype));
    }

    /** {@code module.float()}: every floating-point parameter and buffer to float32. */
    public Module toFloat() {
        return to(DType.FLOAT32);
    }

    /** {@code module.double()}: every floating-point parameter and buffer to float64. */
    public Module toDouble() {
        return to(DType.FLOAT64);
    }

    /** Always throws: nn4j has no float16 dtype. */
    public Module half() {
        throw new UnsupportedOperationException("half: nn4j has no float16 dtype; use toFloat() (float32) or toDouble() (float64)");
    }

    // ------------------------------------------------------------------ state dict

    /**
     * Parameters and persistent buffers by dotted key, in PyTorch's order (own parameters, own buffers,
     * then each child with its name as prefix); absent (null) entries are skipped. Values are detached
     * views that share storage with the module's tensors.
     */
    public Map<String, Tensor> stateDict() {
        return stateDict("", false);
    }

    /**
     * The state dict with every key prefixed by {@code prefix}; with {@code keepVars} the values are the
     * module's own tensors (still recording autograd) instead of detached views.
     */
    public Map<String, Tensor> stateDict(String prefix, boolean keepVars) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saveToStateDict(out, prefix, keepVars);
        return out;
    }

    private void saveToStateDict(Map<String, Tensor> out, String prefix, boolean keepVars) {
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            if (e.getValue() != null) out.put(prefix + e.getKey(), keepVars ? e.getValue() : e.getValue().detach());
        }
        for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
            if (e.getValue() != null && !nonPersistentBuffers.contains(e.getKey())) {
                out.put(prefix + e.getKey(), keepVars ? e.getValue() : e.getValue().detach());
            }
        }
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            if (e.getValue() != null) e.getValue().saveToStateDict(out, prefix + e.getKey() + ".", keepVars);
        }
    }

    /** {@link #loadStateDict(Map, boolean)} with {@code strict = true}. */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * Copies {@code stateDict} into this module's parameters and buffers, in place (tensors keep their
     * identity and dtype). Keys the module expects but the dict lacks are <em>missing</em>; keys it does
     * not know are <em>unexpected</em>; both are returned and, when {@code strict}, make the load fail. A
     * shape mismatch always fails. Failure throws an {@link IllegalArgumentException} with PyTorch's text
     * ({@code Error(s) in loading state_dict for Linear: ...}) and leaves the module unchanged.
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        if (stateDict == null) throw new IllegalArgumentException("loadStateDict: expected a state dict, got null");
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), errors = new ArrayList<>();
        List<Tensor[]> copies = new ArrayList<>();
        load(new LinkedHashMap<>(stateDict), "", missing, unexpected, errors, copies);
        if (strict) {
            if (!unexpected.isEmpty()) errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
            if (!missing.isEmpty()) errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + getName() + ":\n\t" + String.join("\n\t", errors));
        }
        try (var g = Autograd.noGrad()) {
            for (Tensor[] c : copies) c[0].copy_(c[1]);
        }
        return new IncompatibleKeys(List.copyOf(missing), List.copyOf(unexpected));
    }

    private static String quoted(List<String> keys) {
        List<String> q = new ArrayList<>();
        for (String k : keys) q.add("\"" + k + "\"");
        return String.join(", ", q);
    }

    private void load(Map<String, Tensor> stateDict, String prefix, List<String> missing, List<String> unexpected,
                      List<String> errors, List<Tensor[]> copies) {
        beforeLoad(stateDict, prefix, errors);
        Map<String, Tensor> local = new LinkedHashMap<>();
        parameters.forEach((k, v) -> { if (v != null) local.put(k, v); });
        buffers.forEach((k, v) -> { if (v != null && !nonPersistentBuffers.contains(k)) local.put(k, v); });
        for (Map.Entry<String, Tensor> e : local.entrySet()) {
            String key = prefix + e.getKey();
            if (!stateDict.containsKey(key)) {
                missing.add(key);
                continue;
            }
            Tensor param = e.getValue(), input = stateDict.get(key);
            if (input == null) {
                errors.add("While copying the parameter named \"" + key + "\", expected torch.Tensor or Tensor-like object from checkpoint but received <class 'NoneType'>");
                continue;
            }
            if (param.dim() == 0 && input.dim() == 1 && input.size(0) >= 1) input = input.select(0, 0); // PyTorch 0.3 checkpoints
            if (!Arrays.equals(input.shape(), param.shape())) {
                errors.add("size mismatch for " + key + ": copying a param with shape " + Repr.size(input.shape())
                        + " from checkpoint, the shape in current model is " + Repr.size(param.shape()) + ".");
                continue;
            }
            copies.add(new Tensor[] {param, input});
        }
        String extraStateKey = prefix + "_extra_state";
        if (stateDict.containsKey(extraStateKey)) unexpected.add(extraStateKey);
        for (String key : stateDict.keySet()) {
            if (!key.startsWith(prefix) || key.equals(extraStateKey)) continue;
            String first = key.substring(prefix.length()).split("\\.", 2)[0];
            if (!modules.containsKey(first) && !local.containsKey(first)) unexpected.add(key);
        }
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            if (e.getValue() == null) continue;
            String childPrefix = prefix + e.getKey() + ".";
            Map<String, Tensor> childDict = new LinkedHashMap<>();
            stateDict.forEach((k, v) -> { if (k.startsWith(childPrefix)) childDict.put(k, v); });
            e.getValue().load(childDict, childPrefix, missing, unexpected, errors, copies);
        }
    }

    /**
     * Called before this module's entries of a state dict are loaded, with a mutable copy of the entries
     * under {@code prefix}; subclasses upgrade old checkpoint layouts here (BatchNorm fills in a missing
     * {@code num_batches_tracked}, as PyTorch does for checkpoints without version metadata). Messages
     * added to {@code errors} make the load fail.
     */
    protected void beforeLoad(Map<String, Tensor> stateDict, String prefix, List<String> errors) {}

    // ------------------------------------------------------------------ printing

    /** The class name shown in {@link #toString()} (PyTorch's {@code _get_name()}). */
    public String getName() {
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty()) c = c.getSuperclass(); // anonymous subclasses print as their parent
        return c.getSimpleName();
    }

    /** The module's own settings for {@link #toString()}, e.g. {@code in_features=4, out_features=3, bias=True}. */
    public String extraRepr() {
        return "";
    }

    /** PyTorch's {@code repr(module)}: {@code Name(extra)} or a nested block with one line per child. */
    @Override
    public String toString() {
        List<String> extraLines = new ArrayList<>();
        String extra = extraRepr();
        if (!extra.isEmpty()) extraLines.addAll(Arrays.asList(extra.split("\n", -1)));
        List<String> childLines = new ArrayList<>();
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            String s = e.getValue() == null ? "None" : Repr.addIndent(e.getValue().toString(), 2);
            childLines.add("(" + e.getKey() + "): " + s);
        }
        List<String> lines = new ArrayList<>(extraLines);
        lines.addAll(childLines);
        StringBuilder b = new StringBuilder(getName()).append('(');
        if (!lines.isEmpty()) {
            if (extraLines.size() == 1 && childLines.isEmpty()) b.append(extraLines.get(0));
            else b.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return b.append(')').toString();
    }
}
