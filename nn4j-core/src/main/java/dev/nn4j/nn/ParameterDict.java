package dev.nn4j.nn;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Holds parameters by name, in insertion order, as {@code torch.nn.ParameterDict}. A tensor that is not
 * already a parameter (a leaf requiring grad) is wrapped with {@link Parameter#of}.
 *
 * <pre>{@code
 * var p = new ParameterDict();
 * p.put("scale", Tensor.ones(4));
 * Tensor y = x.mul(p.get("scale"));
 * }</pre>
 */
public class ParameterDict extends Module {
    public ParameterDict() {}

    public ParameterDict(Map<String, Tensor> parameters) {
        update(parameters);
    }

    public Tensor get(String key) {
        if (!parameterMap().containsKey(key)) throw new IllegalArgumentException("ParameterDict: no parameter named '" + key + "'");
        return parameterMap().get(key);
    }

    /** The parameter named {@code key}, or {@code def} when there is none. */
    public Tensor getOrDefault(String key, Tensor def) {
        return parameterMap().containsKey(key) ? parameterMap().get(key) : def;
    }

    /** Adds or replaces the parameter named {@code key}. */
    public void put(String key, Tensor value) {
        registerParameter(key, value == null ? null : ParameterList.asParameter(value));
    }

    /** The parameter named {@code key}, inserting {@code def} first when absent. */
    public Tensor setdefault(String key, Tensor def) {
        if (!parameterMap().containsKey(key)) put(key, def);
        return parameterMap().get(key);
    }

    public void update(Map<String, Tensor> parameters) {
        parameters.forEach(this::put);
    }

    public Tensor pop(String key) {
        Tensor t = get(key);
        removeParameter(key);
        return t;
    }

    public boolean containsKey(String key) {
        return parameterMap().containsKey(key);
    }

    public void clear() {
        parameterMap().clear();
    }

    public int size() {
        return parameterMap().size();
    }

    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(parameterMap().keySet()));
    }

    public List<Tensor> values() {
        return new ArrayList<>(parameterMap().values());
    }

    public Map<String, Tensor> items() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameterMap()));
    }

    /** A new ParameterDict holding the same parameters. */
    public ParameterDict copy() {
        return new ParameterDict(parameterMap());
    }

    @Override
    public String extraRepr() {
        StringJoiner j = new StringJoiner("\n");
        parameterMap().forEach((k, p) -> j.add("  (" + k + "): " + ParameterList.describe(p, legacyTypeName(p.dtype()))));
        return j.toString();
    }

    /** {@code torch.typename(p)}: the legacy tensor type name PyTorch 1.13 prints for ParameterDict. */
    private static String legacyTypeName(DType d) {
        return switch (d) {
            case FLOAT32 -> "torch.FloatTensor";
            case FLOAT64 -> "torch.DoubleTensor";
            case INT64 -> "torch.LongTensor";
            case BOOL -> "torch.BoolTensor";
        };
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        throw new UnsupportedOperationException("ParameterDict should not be called.");
    }
}
