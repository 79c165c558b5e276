package dev.nn4j.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fluent hyper-parameters of an optimizer, keyed by PyTorch's names. Each optimizer's {@code Options}
 * subclass starts from PyTorch's defaults and adds setters for its own keys.
 */
public abstract class OptimizerOptions<T extends OptimizerOptions<T>> {
    private final Map<String, Object> values = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    protected T put(String key, Object value) {
        values.put(key, value);
        return (T) this;
    }

    public T lr(double lr) { return put("lr", lr); }
    public T weightDecay(double v) { return put("weight_decay", v); }
    public T maximize(boolean v) { return put("maximize", v); }

    /** Sets any option by its PyTorch name, e.g. {@code set("betas", new double[] {0.9, 0.99})}. */
    public T set(String key, Object value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(getClass().getEnclosingClass().getSimpleName() + ": unknown option '" + key
                    + "', expected one of " + values.keySet());
        }
        return put(key, value instanceof Integer i ? (Object) i.doubleValue() : value);
    }

    public Map<String, Object> map() {
        return new LinkedHashMap<>(values);
    }
}
