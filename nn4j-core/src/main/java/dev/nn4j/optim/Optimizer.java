package dev.nn4j.optim;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Base of nn4j's optimizers ({@code torch.optim.Optimizer}): parameter groups with per-group options, a state
 * per parameter, {@link #zeroGrad()}, and {@link #stateDict()}/{@link #loadStateDict} so training resumes exactly.
 *
 * <pre>{@code
 * var opt = new Adam(model.parameters(), Adam.options().lr(1e-3));
 * opt.zeroGrad(); loss.backward(); opt.step();
 * }</pre>
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    /** Per-parameter state: tensors (moment buffers) and numbers (step counts). */
    protected final Map<Tensor, Map<String, Object>> state = new IdentityHashMap<>();

    protected Optimizer(Iterable<Tensor> params, Map<String, Object> defaults) {
        this.defaults = new LinkedHashMap<>(defaults);
        addParamGroup(params, Map.of());
    }

    /** The name used in error messages. */
    protected String name() {
        return getClass().getSimpleName();
    }

    public Map<String, Object> defaults() {
        return defaults;
    }

    public List<ParamGroup> paramGroups() {
        return paramGroups;
    }

    /** Adds parameters with option overrides; missing options take this optimizer's defaults. */
    public void addParamGroup(Iterable<Tensor> params, Map<String, Object> overrides) {
        if (params == null) throw new IllegalArgumentException(name() + ": params must be an iterable of Tensors, got null");
        Map<String, Object> opts = new LinkedHashMap<>(defaults);
        if (overrides != null) opts.putAll(overrides);
        ParamGroup g = new ParamGroup(params, opts);
        if (g.params().isEmpty()) throw new IllegalArgumentException(name() + ": optimizer got an empty parameter list");
        for (Tensor p : g.params()) {
            if (p == null) throw new IllegalArgumentException(name() + ": the parameter list contains null");
            if (!p.isLeaf()) throw new IllegalArgumentException(name() + ": can't optimize a non-leaf Tensor");
            if (!p.dtype().isFloatingPoint()) throw new IllegalArgumentException(name() + ": can only optimize floating point Tensors, got " + p.dtype());
            for (ParamGroup other : paramGroups) {
                for (Tensor q : other.params()) {
                    if (q == p) throw new IllegalArgumentException(name() + ": some parameters appear in more than one parameter group");
                }
            }
        }
        validate(g);
        paramGroups.add(g);
    }

    /** Checks a group's options (ranges as PyTorch checks them). */
    protected void validate(ParamGroup g) {
        double lr = g.lr();
        if (!(lr >= 0)) throw new IllegalArgumentException(name() + ": invalid learning rate: " + lr);
    }

    /** PyTorch's checks of Adam-like options: eps and weight_decay non-negative, both betas in [0, 1). */
    protected void validateAdamLike(ParamGroup g) {
        requireNonNegative(name(), "epsilon", g.getDouble("eps"));
        double[] b = g.getPair("betas");
        for (int i = 0; i < 2; i++) {
            if (!(b[i] >= 0 && b[i] < 1)) throw new IllegalArgumentException(name() + ": invalid beta parameter at index " + i + ": " + b[i]);
        }
        requireNonNegative(name(), "weight_decay", g.getDouble("weight_decay"));
    }

    protected static void requireNonNegative(String optimizer, String key, double v) {
        if (!(v >= 0)) throw new IllegalArgumentException(optimizer + ": invalid " + key + " value: " + v);
    }

    /** Sets every parameter's gradient to null (PyTorch 2's default). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    public void zeroGrad(boolean setToNone) {
        for (ParamGroup g : paramGroups) {
            for (Tensor p : g.params()) {
                if (p.grad() == null) continue;
                if (setToNone) p.setGrad(null);
                else p.grad().detach().zero_();
            }
        }
    }

    /** One update of every parameter that has a gradient. */
    public void step() {
        try (var ng = Autograd.noGrad()) {
            for (ParamGroup g : paramGroups) {
                for (Tensor p : g.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) continue;
                    if (!java.util.Arrays.equals(grad.shape(), p.shape())) {
                        throw new IllegalStateException(name() + ": gradient of shape " + Shapes.str(grad.shape())
                                + " does not match its parameter of shape " + Shapes.str(p.shape()));
                    }
                    Map<String, Object> s = state.computeIfAbsent(p, k -> new LinkedHashMap<>());
                    // the fused loops need dense memory: a strided parameter (a transposed leaf, say) is updated
                    // through a contiguous copy that is written back
                    Tensor target = p.isContiguous() ? p : p.contiguous();
                    update(g, target, grad.detach().to(p.dtype()).contiguous(), s);
                    if (target != p) p.copy_(target);
                }
            }
        }
    }

    /** Re-evaluates the model through {@code closure} (which must zero grads, compute the loss and call backward), then steps. */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (var eg = Autograd.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /**
     * Updates one parameter in place from its (contiguous, detached) gradient and its state, which starts empty.
     * Runs under no-grad.
     */
    protected abstract void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state);

    /** A new state buffer shaped like {@code p}. */
    protected static Tensor zerosLike(Tensor p) {
        return Tensor.zeros(p.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32, p.shape());
    }

    protected static double number(Map<String, Object> state, String key, double def) {
        Object v = state.get(key);
        return v instanceof Number n ? n.doubleValue() : def;
    }

    /**
     * The optimizer's state as PyTorch lays it out: {@code "state"} maps a parameter's index (over all groups, in
     * order) to its state, {@code "param_groups"} lists each group's options with {@code "params"} = its indices.
     */
    public Map<String, Object> stateDict() {
        Map<Integer, Map<String, Object>> packed = new LinkedHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        int index = 0;
        for (ParamGroup g : paramGroups) {
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                Map<String, Object> s = state.get(p);
                if (s != null && !s.isEmpty()) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    s.forEach((k, v) -> copy.put(k, v instanceof Tensor t ? t.clone() : v));
                    packed.put(index, copy);
                }
                ids.add(index++);
            }
            Map<String, Object> opts = new LinkedHashMap<>(g.options());
            opts.put("params", ids);
            groups.add(opts);
        }
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("state", packed);
        sd.put("param_groups", groups);
        return sd;
    }

    /** Restores {@link #stateDict()} output; the groups must match in number and sizes. */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> sd) {
        if (sd == null || !(sd.get("param_groups") instanceof List<?>) || !(sd.get("state") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(name() + ".loadStateDict: expected keys 'state' (a map) and 'param_groups' (a list), got "
                    + (sd == null ? "null" : sd.keySet()));
        }
        for (Object g : (List<?>) sd.get("param_groups")) {
            if (!(g instanceof Map<?, ?> m) || !(m.get("params") instanceof List<?> ids) || !ids.stream().allMatch(i -> i instanceof Number)) {
                throw new IllegalArgumentException(name() + ".loadStateDict: every entry of 'param_groups' must be a map with a 'params' list of indices");
            }
        }
        for (Object s : ((Map<?, ?>) sd.get("state")).values()) {
            if (!(s instanceof Map<?, ?>)) throw new IllegalArgumentException(name() + ".loadStateDict: every entry of 'state' must be a map, got " + s);
        }
        List<Map<String, Object>> groups = (List<Map<String, Object>>) sd.get("param_groups");
        Map<Integer, Map<String, Object>> packed = (Map<Integer, Map<String, Object>>) sd.get("state");
        if (groups.size() != paramGroups.size()) {
            throw new IllegalArgumentException(name() + ".loadStateDict: loaded state dict has a different number of parameter groups ("
                    + groups.size() + " vs " + paramGroups.size() + ")");
        }
        for (int i = 0; i < groups.size(); i++) {
            List<?> ids = (List<?>) groups.get(i).get("params");
            if (ids == null || ids.size() != paramGroups.get(i).params().size()) {
                throw new IllegalArgumentException(name() + ".loadStateDict: loaded state dict contains a parameter group that doesn't match the size of optimizer's group " + i);
            }
        }
        state.clear();
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = paramGroups.get(i);
            List<?> ids = (List<?>) groups.get(i).get("params");
            for (int j = 0; j < ids.size(); j++) {
                Tensor p = g.params().get(j);
                Map<String, Object> s = packed.get(((Number) ids.get(j)).intValue());
                if (s == null) continue;
                Map<String, Object> copy = new LinkedHashMap<>();
                s.forEach((k, v) -> copy.put(k, v instanceof Tensor t ? t.to(p.dtype()).clone() : v));
                state.put(p, copy);
            }
            Map<String, Object> opts = new LinkedHashMap<>(groups.get(i));
            opts.remove("params");
            g.options().clear();
            g.options().putAll(opts);
        }
    }

    /** Flat float views for the update loops: every tensor here is contiguous. */
    protected static float[] f32(Tensor t) {
        return ((dev.nn4j.internal.Storage.F32) t.storage()).data;
    }
}
