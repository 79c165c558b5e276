package dev.nn4j.nn.functional;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The PyTorch 1.13 golden cases of {@code tools/golden/convpool_cases.py} (conformance format): every conv and pooling
 * functional with arguments the shared conformance file does not cover. Outputs (values and int64 indices) and input
 * gradients are compared within each case's tolerance.
 */
class ConvPoolGoldenTest {

    @TestFactory
    List<DynamicTest> goldenCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : load("/golden/convpool-cases.jsonl")) {
            tests.add(DynamicTest.dynamicTest((String) c.get("id"), () -> run(c)));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c) {
        String op = (String) c.get("op");
        Map<String, Object> grads = (Map<String, Object>) c.get("grads");
        Map<String, Tensor> in = new LinkedHashMap<>();
        ((Map<String, Object>) c.get("inputs")).forEach((k, v) -> {
            Tensor t = tensor(v);
            if (grads != null && grads.containsKey(k)) t.requiresGrad_(true);
            in.put(k, t);
        });
        Map<String, Object> a = (Map<String, Object>) c.get("args");
        Map<String, Object> tol = (Map<String, Object>) c.get("tol");
        double rtol = ((Number) tol.get("rtol")).doubleValue(), atol = ((Number) tol.get("atol")).doubleValue();
        List<Tensor> outs = call(op, in, a);
        Object output = c.get("output");
        List<Object> want = output instanceof List<?> l ? (List<Object>) l : List.of(output);
        for (int i = 0; i < want.size(); i++) compare(c.get("id") + " output " + i, tensor(want.get(i)), outs.get(i), rtol, atol);
        if (grads == null) return;
        Object go = c.get("grad_output");
        List<Tensor> gos = new ArrayList<>();
        for (Object g : go instanceof List<?> l ? (List<Object>) l : List.of(go)) gos.add(tensor(g));
        List<Tensor> diff = new ArrayList<>();
        for (Tensor o : outs) if (o.requiresGrad()) diff.add(o);
        List<Tensor> inputs = new ArrayList<>();
        for (String k : grads.keySet()) inputs.add(in.get(k));
        Tensor[] got = Autograd.grad(diff, inputs, gos, false);
        int i = 0;
        for (Map.Entry<String, Object> e : grads.entrySet()) compare(c.get("id") + " grad " + e.getKey(), tensor(e.getValue()), got[i++], rtol, atol);
    }

    /** The F call a case stands for, with PyTorch's defaults for absent arguments. */
    private static List<Tensor> call(String op, Map<String, Tensor> in, Map<String, Object> a) {
        Tensor x = in.get("input");
        int dims = op.matches(".*[123]d$") ? op.charAt(op.length() - 2) - '0' : 2;
        boolean indices = Boolean.TRUE.equals(a.get("return_indices"));
        return switch (op.replaceAll("[123]d$", "")) {
            case "conv" -> {
                Conv o = Conv.opts().stride(ints(a, "stride", 1)).dilation(ints(a, "dilation", 1)).groups(integer(a, "groups", 1));
                o = a.get("padding") instanceof String mode ? o.padding(mode) : o.padding(ints(a, "padding", 0));
                yield List.of(o.apply(x, in.get("weight"), in.get("bias")));
            }
            case "conv_transpose" -> List.of(ConvTranspose.opts().stride(ints(a, "stride", 1)).padding(ints(a, "padding", 0))
                    .outputPadding(ints(a, "output_padding", 0)).groups(integer(a, "groups", 1)).dilation(ints(a, "dilation", 1))
                    .apply(x, in.get("weight"), in.get("bias")));
            case "unfold" -> List.of(F.unfold(x, ints(a, "kernel_size", 0), ints(a, "dilation", 1), ints(a, "padding", 0), ints(a, "stride", 1)));
            case "fold" -> List.of(F.fold(x, ints(a, "output_size", 0), ints(a, "kernel_size", 0), ints(a, "dilation", 1),
                    ints(a, "padding", 0), ints(a, "stride", 1)));
            case "max_pool" -> {
                MaxPool o = MaxPool.opts(ints(a, "kernel_size", 0)).padding(ints(a, "padding", 0)).dilation(ints(a, "dilation", 1))
                        .ceilMode(bool(a, "ceil_mode", false));
                if (a.get("stride") != null) o = o.stride(ints(a, "stride", 0));
                yield values(Pooling.maxPool("maxPool" + dims + "d", dims, x, o), indices);
            }
            case "avg_pool" -> {
                AvgPool o = AvgPool.opts(ints(a, "kernel_size", 0)).padding(ints(a, "padding", 0)).ceilMode(bool(a, "ceil_mode", false))
                        .countIncludePad(bool(a, "count_include_pad", true));
                if (a.get("stride") != null) o = o.stride(ints(a, "stride", 0));
                if (a.get("divisor_override") != null) o = o.divisorOverride(integer(a, "divisor_override", 0));
                yield List.of(Pooling.avgPool("avgPool" + dims + "d", dims, x, o));
            }
            case "lp_pool" -> List.of(Pooling.lpPool("lpPool" + dims + "d", dims, x, ((Number) a.get("norm_type")).doubleValue(),
                    ints(a, "kernel_size", 0), a.get("stride") == null ? null : ints(a, "stride", 0), bool(a, "ceil_mode", false)));
            case "adaptive_avg_pool" -> List.of(Pooling.adaptiveAvgPool("adaptiveAvgPool" + dims + "d", dims, x, ints(a, "output_size", 0)));
            case "adaptive_max_pool" -> values(Pooling.adaptiveMaxPool("adaptiveMaxPool" + dims + "d", dims, x, ints(a, "output_size", 0)), indices);
            case "max_unpool" -> {
                MaxUnpool o = MaxUnpool.opts(ints(a, "kernel_size", 0)).padding(ints(a, "padding", 0));
                if (a.get("stride") != null) o = o.stride(ints(a, "stride", 0));
                if (a.get("output_size") != null) o = o.outputSize(ints(a, "output_size", 0));
                yield List.of(Pooling.maxUnpool("maxUnpool" + dims + "d", dims, x, in.get("indices"), o));
            }
            case "fractional_max_pool" -> {
                FractionalMaxPool o = FractionalMaxPool.opts(ints(a, "kernel_size", 0)).randomSamples(in.get("_random_samples"));
                if (a.get("output_size") != null) o = o.outputSize(ints(a, "output_size", 0));
                if (a.get("output_ratio") != null) o = o.outputRatio(doubles(a.get("output_ratio")));
                yield values(Pooling.fractionalMaxPool("fractionalMaxPool" + dims + "d", dims, x, o), indices);
            }
            default -> throw new AssertionError("no mapping for op " + op);
        };
    }

    private static List<Tensor> values(Tensor.ValuesIndices vi, boolean indices) {
        return indices ? List.of(vi.values(), vi.indices()) : List.of(vi.values());
    }

    private static void compare(String what, Tensor want, Tensor got, double rtol, double atol) {
        if (!java.util.Arrays.equals(want.shape(), got.shape())) {
            throw new AssertionError(what + ": shape " + java.util.Arrays.toString(got.shape()) + ", expected " + java.util.Arrays.toString(want.shape()));
        }
        if (want.dtype() != got.dtype()) throw new AssertionError(what + ": dtype " + got.dtype() + ", expected " + want.dtype());
        double[] w = want.toDoubleArray(), g = got.toDoubleArray();
        for (int i = 0; i < w.length; i++) {
            if (w[i] != g[i] && !(Math.abs(w[i] - g[i]) <= atol + rtol * Math.abs(w[i]))) {
                throw new AssertionError(what + ": element " + i + " is " + g[i] + ", expected " + w[i]);
            }
        }
    }

    // ---- JSON --------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(String resource) throws IOException {
        try (InputStream in = ConvPoolGoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            List<Map<String, Object>> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                // Python writes non-finite floats as bare tokens; the strict reader takes them as strings
                if (!line.isBlank()) cases.add((Map<String, Object>) Json.parse(line.replaceAll("(?<=[\\[, ])(-?Infinity|NaN)(?=[,\\]])", "\"$1\"")));
            }
            return cases;
        }
    }

    @SuppressWarnings("unchecked")
    static Tensor tensor(Object node) {
        Map<String, Object> m = (Map<String, Object>) node;
        int[] shape = ((List<Object>) m.get("shape")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        List<Object> data = (List<Object>) m.get("data");
        if ("int64".equals(m.get("dtype"))) return Tensor.fromArray(data.stream().mapToLong(o -> ((Number) o).longValue()).toArray(), shape);
        float[] f = new float[data.size()];
        for (int i = 0; i < f.length; i++) f[i] = number(data.get(i));
        return Tensor.fromArray(f, shape);
    }

    private static float number(Object o) {
        if (o instanceof Number n) return n.floatValue();
        return switch ((String) o) {
            case "Infinity", "inf" -> Float.POSITIVE_INFINITY;
            case "-Infinity", "-inf" -> Float.NEGATIVE_INFINITY;
            default -> Float.NaN;
        };
    }

    /** An int or list argument; a list may hold null (PyTorch's None in adaptive output sizes), read as -1. */
    @SuppressWarnings("unchecked")
    private static int[] ints(Map<String, Object> a, String key, int def) {
        Object v = a.get(key);
        if (v == null) return new int[] {def};
        if (v instanceof List<?> l) return ((List<Object>) l).stream().mapToInt(o -> o == null ? -1 : ((Number) o).intValue()).toArray();
        return new int[] {((Number) v).intValue()};
    }

    private static int integer(Map<String, Object> a, String key, int def) {
        return a.get(key) == null ? def : ((Number) a.get(key)).intValue();
    }

    private static boolean bool(Map<String, Object> a, String key, boolean def) {
        return a.get(key) == null ? def : (Boolean) a.get(key);
    }

    @SuppressWarnings("unchecked")
    private static double[] doubles(Object v) {
        if (v instanceof List<?> l) return ((List<Object>) l).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        return new double[] {((Number) v).doubleValue()};
    }
}
