package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn4j.DType;
import dev.nn4j.Tensor;

/** Reads and compares the tensors of a conformance case ({@code {"dtype", "shape", "data"}}). */
public final class CaseTensors {
    private CaseTensors() {}

    public static Tensor read(JsonNode n) {
        if (n == null || !n.has("dtype") || !n.has("shape") || !n.has("data")) {
            throw new CaseFormatException("expected a tensor object with dtype, shape and data, got " + abbreviate(n));
        }
        JsonNode shapeNode = n.get("shape"), data = n.get("data");
        int[] shape = new int[shapeNode.size()];
        long numel = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asInt();
            numel *= shape[i];
        }
        if (!data.isArray() || data.size() != numel) {
            throw new CaseFormatException("tensor of shape " + shapeNode + " needs " + numel + " values, got "
                    + (data.isArray() ? data.size() : "no list"));
        }
        String dtype = n.get("dtype").asText();
        return switch (dtype) {
            case "float32", "float64" -> {
                float[] v = new float[data.size()];
                for (int i = 0; i < v.length; i++) v[i] = (float) number(data.get(i));
                yield Tensor.fromArray(v, shape);
            }
            case "int64" -> {
                long[] v = new long[data.size()];
                for (int i = 0; i < v.length; i++) v[i] = data.get(i).asLong();
                yield Tensor.fromArray(v, shape);
            }
            case "bool" -> {
                boolean[] v = new boolean[data.size()];
                for (int i = 0; i < v.length; i++) v[i] = data.get(i).asBoolean();
                yield Tensor.fromArray(v, shape);
            }
            default -> throw new CaseFormatException("unknown dtype '" + dtype + "'");
        };
    }

    static double number(JsonNode v) {
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "NaN", "nan" -> Double.NaN;
                case "Infinity", "inf" -> Double.POSITIVE_INFINITY;
                case "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v.asText());
            };
        }
        return v.asDouble();
    }

    /** Null when {@code got} matches {@code want} within the tolerance, else the reason (largest excess and where). */
    public static String compare(Tensor got, JsonNode want, double atol, double rtol) {
        if (got == null) return "no tensor produced";
        Tensor w = read(want);
        if (!java.util.Arrays.equals(got.shape(), w.shape())) {
            return "shape " + java.util.Arrays.toString(got.shape()) + " vs " + java.util.Arrays.toString(w.shape());
        }
        double[] g = got.toDoubleArray();
        double[] e = new double[g.length];
        JsonNode data = want.get("data");
        for (int i = 0; i < e.length; i++) e[i] = number(data.get(i));
        boolean exact = !"float32".equals(want.get("dtype").asText()) && !"float64".equals(want.get("dtype").asText());
        if (exact) {
            for (int i = 0; i < g.length; i++) {
                if (g[i] != e[i]) return "int mismatch at " + i + " (got " + (long) g[i] + ", want " + (long) e[i] + ")";
            }
            return null;
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < g.length; i++) {
            if (Double.isNaN(e[i]) && Double.isNaN(g[i])) continue;
            if (e[i] == g[i]) continue;
            double excess = Math.abs(g[i] - e[i]) - (atol + rtol * Math.abs(e[i]));
            if (Double.isNaN(excess)) excess = Double.POSITIVE_INFINITY;
            if (excess > worst) {
                worst = excess;
                at = i;
            }
        }
        if (at < 0) return null;
        return String.format("max excess %.3g at %d (got %.6g, want %.6g)", worst, at, g[at], e[at]);
    }

    static String abbreviate(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
