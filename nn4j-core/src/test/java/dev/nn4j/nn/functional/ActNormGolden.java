package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the PyTorch golden cases of tools/golden/act_norm_layer_cases.py and checks nn4j against them:
 * outputs, input gradients for the case's grad_output, and tensors modified in place ("after"). Each case
 * runs in float64 (tight tolerance: the formulas must match) and in float32 (the fast kernels).
 */
final class ActNormGolden {
    private ActNormGolden() {}

    /** Calls the nn4j op for a case: inputs by PyTorch name, args as parsed JSON. */
    @FunctionalInterface
    interface Op {
        Tensor apply(Map<String, Tensor> in, Map<String, Object> args);
    }

    record Case(String id, String op, Map<String, Object> json) {}

    private static List<Case> cases;

    @SuppressWarnings("unchecked")
    static synchronized List<Case> all() {
        if (cases != null) return cases;
        try (InputStream s = ActNormGolden.class.getResourceAsStream("/golden/act-norm-layer-cases.jsonl")) {
            assertNotNull(s, "golden/act-norm-layer-cases.jsonl is missing; run tools/golden/act_norm_layer_cases.py");
            List<Case> r = new ArrayList<>();
            for (String line : new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                Map<String, Object> c = (Map<String, Object>) Json.parse(line);
                r.add(new Case((String) c.get("id"), (String) c.get("op"), c));
            }
            cases = r;
            return r;
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static double num(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        return switch ((String) v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> throw new IllegalArgumentException("not a number: " + v);
        };
    }

    @SuppressWarnings("unchecked")
    static Tensor tensor(Object node, DType floatType) {
        Map<String, Object> m = (Map<String, Object>) node;
        List<Object> shapeList = (List<Object>) m.get("shape"), data = (List<Object>) m.get("data");
        int[] shape = shapeList.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        switch ((String) m.get("dtype")) {
            case "int64" -> {
                return Tensor.fromArray(data.stream().mapToLong(o -> ((Number) o).longValue()).toArray(), shape);
            }
            case "bool" -> {
                boolean[] b = new boolean[data.size()];
                for (int i = 0; i < b.length; i++) b[i] = (Boolean) data.get(i);
                return Tensor.fromArray(b, shape);
            }
            default -> {
                return Tensor.fromArray(data.stream().mapToDouble(ActNormGolden::num).toArray(), shape).to(floatType);
            }
        }
    }

    static double getDouble(Map<String, Object> args, String key, double def) {
        return args.containsKey(key) && args.get(key) != null ? num(args.get(key)) : def;
    }

    static int getInt(Map<String, Object> args, String key, int def) {
        return args.containsKey(key) && args.get(key) != null ? ((Number) args.get(key)).intValue() : def;
    }

    static Integer getIntOrNull(Map<String, Object> args, String key) {
        return args.get(key) == null ? null : ((Number) args.get(key)).intValue();
    }

    static Double getDoubleOrNull(Map<String, Object> args, String key) {
        return args.get(key) == null ? null : num(args.get(key));
    }

    static boolean getBool(Map<String, Object> args, String key, boolean def) {
        return args.containsKey(key) ? (Boolean) args.get(key) : def;
    }

    static String getString(Map<String, Object> args, String key, String def) {
        return args.containsKey(key) ? (String) args.get(key) : def;
    }

    @SuppressWarnings("unchecked")
    static int[] getInts(Map<String, Object> args, String key) {
        Object v = args.get(key);
        if (v instanceof List<?> l) return ((List<Object>) l).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        return new int[] {((Number) v).intValue()};
    }

    /** |got - want| <= atol + rtol * |want| elementwise (NaN matches NaN, equal infinities match). */
    static void assertClose(String what, Tensor want, Tensor got, double atol, double rtol) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        double[] w = want.toDoubleArray(), g = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            if (Double.isNaN(w[i]) && Double.isNaN(g[i]) || w[i] == g[i]) continue;
            if (!(Math.abs(g[i] - w[i]) <= atol + rtol * Math.abs(w[i]))) {
                fail(what + ": element " + i + " got " + g[i] + ", want " + w[i]);
            }
        }
    }

    /** Runs every golden case of the given ops in float64 and float32; returns how many cases ran. */
    @SuppressWarnings("unchecked")
    static int check(Map<String, Op> ops) {
        int ran = 0;
        for (Case c : all()) {
            Op op = ops.get(c.op());
            if (op == null) continue;
            for (DType dt : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
                boolean f64 = dt == DType.FLOAT64;
                // float64 rtol leaves room for PyTorch quirks such as hardsigmoid's float32 1/6 constant in its float64 backward
                double atol = f64 ? 1e-9 : 2e-5, rtol = f64 ? 1e-7 : 2e-4;
                String label = c.id() + " [" + dt + "]";
                Map<String, Object> j = c.json();
                Map<String, Object> grads = (Map<String, Object>) j.getOrDefault("grads", Map.of());
                Map<String, Tensor> in = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : ((Map<String, Object>) j.get("inputs")).entrySet()) {
                    Tensor t = tensor(e.getValue(), dt);
                    if (grads.containsKey(e.getKey())) t.requiresGrad_(true);
                    in.put(e.getKey(), t);
                }
                Tensor out = op.apply(in, (Map<String, Object>) j.get("args"));
                Tensor want = tensor(j.get("output"), dt);
                if (!want.isFloatingPoint()) {
                    assertEquals(want.dtype(), out.dtype(), label + ": dtype");
                    assertArrayEquals(want.toLongArray(), out.toLongArray(), label + ": output");
                } else {
                    assertClose(label + ": output", want, out, atol, rtol);
                }
                if (!grads.isEmpty()) {
                    out.backward(tensor(j.get("grad_output"), dt));
                    for (Map.Entry<String, Object> e : grads.entrySet()) {
                        Tensor g = in.get(e.getKey()).grad();
                        Tensor wantGrad = tensor(e.getValue(), dt);
                        assertClose(label + ": grad " + e.getKey(), wantGrad, g == null ? Tensor.zerosLike(wantGrad) : g, atol, rtol);
                    }
                }
                Map<String, Object> after = (Map<String, Object>) j.getOrDefault("after", Map.of());
                for (Map.Entry<String, Object> e : after.entrySet()) {
                    assertClose(label + ": after " + e.getKey(), tensor(e.getValue(), dt), in.get(e.getKey()), atol, rtol);
                }
            }
            ran++;
        }
        return ran;
    }
}
