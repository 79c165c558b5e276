package dev.nn4j.optim;

import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of parameters with their own hyper-parameters ({@code optimizer.param_groups[i]} in PyTorch).
 * Options use PyTorch's keys ("lr", "momentum", "betas", "weight_decay", ...); schedulers change "lr".
 */
public final class ParamGroup {
    private final List<Tensor> params;
    private final Map<String, Object> options;

    public ParamGroup(Iterable<Tensor> params, Map<String, Object> options) {
        this.params = new ArrayList<>();
        for (Tensor p : params) this.params.add(p);
        this.options = new LinkedHashMap<>(options);
    }

    public List<Tensor> params() {
        return params;
    }

    /** The group's options, mutable (PyTorch's dict). */
    public Map<String, Object> options() {
        return options;
    }

    public double lr() {
        return getDouble("lr");
    }

    public void setLr(double lr) {
        options.put("lr", lr);
    }

    public double getDouble(String key) {
        Object v = options.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("param group option '" + key + "' is " + (v == null ? "missing" : "not a number: " + v));
        }
        return n.doubleValue();
    }

    public boolean getBool(String key) {
        Object v = options.get(key);
        return v instanceof Boolean b && b;
    }

    public double[] getPair(String key) {
        Object v = options.get(key);
        if (v instanceof double[] d && d.length == 2) return d;
        if (v instanceof List<?> l && l.size() == 2) return new double[] {((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue()};
        throw new IllegalArgumentException("param group option '" + key + "' must be a pair of numbers, got " + v);
    }
}
