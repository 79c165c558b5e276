package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Typed access to a case's non-tensor arguments (PyTorch names), with PyTorch's defaults supplied by the caller. */
public final class Args {
    private final JsonNode node;

    public Args(JsonNode node) {
        this.node = node == null ? JsonNodeFactory.instance.objectNode() : node;
    }

    /** A copy with {@code key} set to {@code value}. */
    public Args with(String key, boolean value) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = node.isObject()
                ? ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        copy.put(key, value);
        return new Args(copy);
    }

    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    public JsonNode raw(String key) {
        return node.get(key);
    }

    /** The argument names present (PyTorch names), in the case's order. */
    public java.util.List<String> keys() {
        java.util.List<String> r = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(r::add);
        return r;
    }

    /** True when the argument is a JSON number (as opposed to a list, a string, or absent). */
    public boolean isNumber(String key) {
        return has(key) && node.get(key).isNumber();
    }

    /** True when the argument is a JSON list (a PyTorch tuple or list). */
    public boolean isList(String key) {
        return has(key) && node.get(key).isArray();
    }

    public int getInt(String key, int def) {
        return has(key) ? node.get(key).asInt() : def;
    }

    public long getLong(String key, long def) {
        return has(key) ? node.get(key).asLong() : def;
    }

    public double getDouble(String key, double def) {
        if (!has(key)) return def;
        JsonNode v = node.get(key);
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "inf", "Infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "nan", "NaN" -> Double.NaN;
                default -> Double.parseDouble(v.asText());
            };
        }
        return v.asDouble();
    }

    /** A nullable int: null when the argument is absent or JSON null (PyTorch's None). */
    public Integer getIntOrNull(String key) {
        return has(key) ? node.get(key).asInt() : null;
    }

    /**
     * A dim argument that PyTorch takes as an int or a tuple of ints ({@code dim=1}, {@code dim=(0, 2)}):
     * the dims as an array, or null when absent or None (reduce over all dims).
     */
    public int[] getIntsOrNull(String key) {
        return has(key) ? getInts(key, 1, null) : null;
    }

    /** A nullable double: null when the argument is absent or JSON null (PyTorch's None). */
    public Double getDoubleOrNull(String key) {
        return has(key) ? getDouble(key, 0) : null;
    }

    public boolean getBool(String key, boolean def) {
        return has(key) ? node.get(key).asBoolean() : def;
    }

    public String getString(String key, String def) {
        return has(key) ? node.get(key).asText() : def;
    }

    /** An int or a list of ints, as PyTorch's {@code _ntuple}: a single int is repeated {@code n} times. */
    public int[] getInts(String key, int n, int[] def) {
        if (!has(key)) return def;
        JsonNode v = node.get(key);
        if (v.isArray()) {
            int[] r = new int[v.size()];
            for (int i = 0; i < r.length; i++) r[i] = v.get(i).asInt();
            return r;
        }
        int[] r = new int[n];
        java.util.Arrays.fill(r, v.asInt());
        return r;
    }

    /** A list of ints as-is (a single int becomes a one-element array). */
    public int[] getInts(String key, int[] def) {
        return getInts(key, 1, def);
    }

    public double[] getDoubles(String key, double[] def) {
        if (!has(key)) return def;
        JsonNode v = node.get(key);
        if (!v.isArray()) return new double[] {v.asDouble()};
        double[] r = new double[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i).asDouble();
        return r;
    }
}
