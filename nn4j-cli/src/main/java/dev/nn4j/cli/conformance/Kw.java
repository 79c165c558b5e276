package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyword arguments of a module constructor or forward call, by PyTorch name, as plain Java values:
 * Long (int), Double (float), Boolean, String, List (tuple/list), Tensor, or null (None). Built from a
 * case's JSON object or from a parsed Python call; typed getters take PyTorch's defaults.
 */
final class Kw {
    private final Map<String, Object> values;

    Kw(Map<String, Object> values) {
        this.values = values;
    }

    static Kw fromJson(JsonNode node) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (node != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), fromJsonValue(e.getValue()));
            }
        }
        return new Kw(m);
    }

    static Object fromJsonValue(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.asBoolean();
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
                case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
                case "NaN", "nan" -> Double.NaN;
                default -> v.asText();
            };
        }
        if (v.isArray()) {
            List<Object> l = new ArrayList<>();
            v.forEach(x -> l.add(fromJsonValue(x)));
            return l;
        }
        if (v.isObject() && v.has("dtype") && v.has("data")) return CaseTensors.read(v);
        throw new CaseFormatException("unsupported argument value " + CaseTensors.abbreviate(v));
    }

    /** Positional arguments named by the constructor's parameter list, then the keyword ones. */
    static Kw fromCall(PyLiteral.Call call, List<String> paramNames) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (call.args().size() > paramNames.size()) {
            throw new CaseFormatException(call.name() + ": too many positional arguments (" + call.args().size() + ")");
        }
        for (int i = 0; i < call.args().size(); i++) m.put(paramNames.get(i), call.args().get(i));
        m.putAll(call.kwargs());
        return new Kw(m);
    }

    boolean has(String k) {
        return values.containsKey(k) && values.get(k) != null;
    }

    boolean isList(String k) {
        return values.get(k) instanceof List<?>;
    }

    Object raw(String k) {
        return values.get(k);
    }

    java.util.Set<String> keys() {
        return values.keySet();
    }

    int getInt(String k, int def) {
        Object v = values.get(k);
        return v == null ? def : ((Number) v).intValue();
    }

    Integer getIntOrNull(String k) {
        Object v = values.get(k);
        return v == null ? null : ((Number) v).intValue();
    }

    /** Requires the argument. */
    int getInt(String k) {
        if (!has(k)) throw new CaseFormatException("missing required argument '" + k + "'");
        return getInt(k, 0);
    }

    double getDouble(String k, double def) {
        Object v = values.get(k);
        return v == null ? def : ((Number) v).doubleValue();
    }

    Double getDoubleOrNull(String k) {
        Object v = values.get(k);
        return v == null ? null : ((Number) v).doubleValue();
    }

    /** The number as given: Long stays an integer (printed without fraction), Double a float. */
    Number getNumber(String k, Number def) {
        Object v = values.get(k);
        if (v == null) return def;
        if (v instanceof Long l) return l.intValue() == l ? (Number) Integer.valueOf(l.intValue()) : l;
        return (Number) v;
    }

    boolean getBool(String k, boolean def) {
        Object v = values.get(k);
        return v == null ? def : (Boolean) v;
    }

    Boolean getBoolOrNull(String k) {
        return (Boolean) values.get(k);
    }

    String getString(String k, String def) {
        Object v = values.get(k);
        return v == null ? def : v.toString();
    }

    Tensor getTensor(String k) {
        Object v = values.get(k);
        if (v == null) return null;
        if (v instanceof Tensor t) return t;
        if (v instanceof List<?> l) {
            double[] d = new double[l.size()];
            for (int i = 0; i < d.length; i++) d[i] = ((Number) l.get(i)).doubleValue();
            return Tensor.fromArray(d, d.length).toFloat();
        }
        throw new CaseFormatException("argument '" + k + "' is not a tensor");
    }

    /** An int or a list of ints as an int array (a single int becomes one element). */
    int[] getInts(String k) {
        Object v = values.get(k);
        if (v == null) return null;
        if (v instanceof List<?> l) {
            int[] r = new int[l.size()];
            for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).intValue();
            return r;
        }
        return new int[] {((Number) v).intValue()};
    }

    /** A list of possibly-None ints (adaptive pooling output sizes). */
    Integer[] getNullableInts(String k) {
        Object v = values.get(k);
        if (v == null) return null;
        if (v instanceof List<?> l) {
            Integer[] r = new Integer[l.size()];
            for (int i = 0; i < r.length; i++) r[i] = l.get(i) == null ? null : ((Number) l.get(i)).intValue();
            return r;
        }
        return new Integer[] {((Number) v).intValue()};
    }

    double[] getDoubles(String k) {
        Object v = values.get(k);
        if (v == null) return null;
        if (v instanceof List<?> l) {
            double[] r = new double[l.size()];
            for (int i = 0; i < r.length; i++) r[i] = ((Number) l.get(i)).doubleValue();
            return r;
        }
        return new double[] {((Number) v).doubleValue()};
    }
}
