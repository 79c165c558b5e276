package dev.nn4j.nn.functional;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import dev.nn4j.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs the golden cases of {@code tools/golden/vision_cases.py} (the conformance JSONL format, PyTorch 1.13 in
 * float32): a case's tensors by PyTorch name, its arguments with PyTorch's defaults, then outputs and
 * input gradients compared within the case's tolerance.
 */
final class VisionGolden {
    private VisionGolden() {}

    /** A case: id, op, tensor inputs, non-tensor args, the raw JSON. */
    record Case(String id, String op, Map<String, Object> json) {}

    @SuppressWarnings("unchecked")
    static List<Case> load(String resource) throws IOException {
        try (InputStream in = VisionGolden.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                Map<String, Object> m = (Map<String, Object>) Json.parse(line);
                cases.add(new Case((String) m.get("id"), (String) m.get("op"), m));
            }
            return cases;
        }
    }

    @SuppressWarnings("unchecked")
    static Tensor tensor(Object node, DType floatType) {
        Map<String, Object> m = (Map<String, Object>) node;
        int[] shape = ((List<Object>) m.get("shape")).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        List<Object> data = (List<Object>) m.get("data");
        switch ((String) m.get("dtype")) {
            case "int64":
                return Tensor.fromArray(data.stream().mapToLong(o -> ((Number) o).longValue()).toArray(), shape);
            case "bool": {
                boolean[] b = new boolean[data.size()];
                for (int i = 0; i < b.length; i++) b[i] = (Boolean) data.get(i);
                return Tensor.fromArray(b, shape);
            }
            default:
                return Tensor.fromArray(data.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray(), shape).to(floatType);
        }
    }

    /** Typed argument access with PyTorch's defaults. */
    record Args(Map<String, Object> m) {
        boolean has(String k) { return m.get(k) != null; }
        int getInt(String k, int def) { return has(k) ? ((Number) m.get(k)).intValue() : def; }
        double getDouble(String k, double def) { return has(k) ? ((Number) m.get(k)).doubleValue() : def; }
        Double getDoubleOrNull(String k) { return has(k) ? ((Number) m.get(k)).doubleValue() : null; }
        boolean getBool(String k, boolean def) { return has(k) ? (Boolean) m.get(k) : def; }
        Boolean getBoolOrNull(String k) { return has(k) ? (Boolean) m.get(k) : null; }
        String getString(String k, String def) { return has(k) ? (String) m.get(k) : def; }

        @SuppressWarnings("unchecked")
        int[] getInts(String k) {
            if (!has(k)) return null;
            Object v = m.get(k);
            if (v instanceof List<?> l) return ((List<Object>) l).stream().mapToInt(o -> ((Number) o).intValue()).toArray();
            return new int[] {((Number) v).intValue()};
        }

        @SuppressWarnings("unchecked")
        double[] getDoubles(String k) {
            if (!has(k)) return null;
            Object v = m.get(k);
            if (v instanceof List<?> l) return ((List<Object>) l).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
            return new double[] {((Number) v).doubleValue()};
        }
    }

    /** The F call of each op, as the conformance runner maps it. */
    static final Map<String, BiFunction<Map<String, Tensor>, Args, List<Tensor>>> OPS = new LinkedHashMap<>();

    static {
        OPS.put("pad", (in, a) -> List.of(F.pad(in.get("input"), a.getInts("pad"), a.getString("mode", "constant"), a.getDoubleOrNull("value"))));
        OPS.put("interpolate", (in, a) -> List.of(interp(a, a.getString("mode", "nearest"), a.getBoolOrNull("align_corners"))
                .recomputeScaleFactor(a.getBoolOrNull("recompute_scale_factor")).antialias(a.getBool("antialias", false)).apply(in.get("input"))));
        OPS.put("upsample", (in, a) -> List.of(F.upsample(in.get("input"), a.getInts("size"), a.getDoubles("scale_factor"),
                a.getString("mode", "nearest"), a.getBoolOrNull("align_corners"))));
        OPS.put("upsample_nearest", (in, a) -> List.of(a.has("size") ? F.upsampleNearest(in.get("input"), a.getInts("size"))
                : F.upsampleNearest(in.get("input"), a.getDouble("scale_factor", 1))));
        OPS.put("upsample_bilinear", (in, a) -> List.of(a.has("size") ? F.upsampleBilinear(in.get("input"), a.getInts("size"))
                : F.upsampleBilinear(in.get("input"), a.getDouble("scale_factor", 1))));
        OPS.put("grid_sample", (in, a) -> List.of(F.gridSample(in.get("input"), in.get("grid"), a.getString("mode", "bilinear"),
                a.getString("padding_mode", "zeros"), a.getBool("align_corners", false))));
        OPS.put("affine_grid", (in, a) -> List.of(F.affineGrid(in.get("theta"), a.getInts("size"), a.getBool("align_corners", false))));
        OPS.put("pixel_shuffle", (in, a) -> List.of(F.pixelShuffle(in.get("input"), a.getInt("upscale_factor", 1))));
        OPS.put("pixel_unshuffle", (in, a) -> List.of(F.pixelUnshuffle(in.get("input"), a.getInt("downscale_factor", 1))));
        OPS.put("channel_shuffle", (in, a) -> List.of(F.channelShuffle(in.get("input"), a.getInt("groups", 1))));
        OPS.put("scaled_dot_product_attention", (in, a) -> List.of(F.scaledDotProductAttention(in.get("query"), in.get("key"),
                in.get("value"), in.get("attn_mask"), a.getDouble("dropout_p", 0), a.getBool("is_causal", false), a.getDoubleOrNull("scale"))));
        OPS.put("multi_head_attention_forward", (in, a) -> {
            Mha.Output o = F.multiHeadAttentionForward(in.get("query"), in.get("key"), in.get("value"), a.getInt("embed_dim_to_check", -1),
                    a.getInt("num_heads", 1), in.get("in_proj_weight"), in.get("in_proj_bias"), in.get("bias_k"), in.get("bias_v"),
                    a.getBool("add_zero_attn", false), a.getDouble("dropout_p", 0), in.get("out_proj_weight"), in.get("out_proj_bias"),
                    Mha.opts().training(a.getBool("training", true)).keyPaddingMask(in.get("key_padding_mask"))
                            .needWeights(a.getBool("need_weights", true)).attnMask(in.get("attn_mask"))
                            .useSeparateProjWeight(a.getBool("use_separate_proj_weight", false))
                            .projWeights(in.get("q_proj_weight"), in.get("k_proj_weight"), in.get("v_proj_weight"))
                            .staticK(in.get("static_k")).staticV(in.get("static_v"))
                            .averageAttnWeights(a.getBool("average_attn_weights", true)));
            return o.weights() == null ? List.of(o.output()) : List.of(o.output(), o.weights());
        });
    }

    private static Interpolate interp(Args a, String mode, Boolean alignCorners) {
        return Interpolate.opts().size(a.getInts("size")).scaleFactor(a.getDoubles("scale_factor")).mode(mode).alignCorners(alignCorners);
    }

    /** Runs a case in {@code dtype}; returns null on success or what disagreed. */
    @SuppressWarnings("unchecked")
    static String run(Case c, DType dtype) {
        Map<String, Object> j = c.json();
        Map<String, Object> grads = (Map<String, Object>) j.getOrDefault("grads", Map.of());
        Map<String, Tensor> in = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) j.get("inputs")).entrySet()) {
            Tensor t = tensor(e.getValue(), dtype);
            if (grads.containsKey(e.getKey())) t.requiresGrad_(true);
            in.put(e.getKey(), t);
        }
        Map<String, Object> tol = (Map<String, Object>) j.get("tol");
        double rtol = ((Number) tol.get("rtol")).doubleValue(), atol = ((Number) tol.get("atol")).doubleValue();
        List<Tensor> outs = OPS.get(c.op()).apply(in, new Args((Map<String, Object>) j.getOrDefault("args", Map.of())));
        Object want = j.get("output");
        List<Object> wants = want instanceof List<?> l ? (List<Object>) l : List.of(want);
        if (outs.size() != wants.size()) return "returned " + outs.size() + " outputs, want " + wants.size();
        for (int i = 0; i < wants.size(); i++) {
            String e = compare(outs.get(i), tensor(wants.get(i), dtype), rtol, atol);
            if (e != null) return "output " + i + ": " + e;
        }
        if (grads.isEmpty()) return null;
        Object go = j.get("grad_output");
        List<Object> gos = go instanceof List<?> l ? (List<Object>) l : List.of(go);
        List<Tensor> gt = new ArrayList<>();
        for (Object g : gos) gt.add(tensor(g, dtype));
        Autograd.backward(outs.subList(0, gt.size()), gt);
        for (Map.Entry<String, Object> e : grads.entrySet()) {
            Tensor x = in.get(e.getKey());
            Tensor g = x.grad() == null ? Tensor.zerosLike(x) : x.grad();
            String err = compare(g, tensor(e.getValue(), dtype), rtol, atol);
            if (err != null) return "grad " + e.getKey() + ": " + err;
        }
        return null;
    }

    static String compare(Tensor got, Tensor want, double rtol, double atol) {
        if (!Arrays.equals(got.shape(), want.shape())) return "shape " + Shapes.str(got.shape()) + " vs " + Shapes.str(want.shape());
        double[] g = got.toDoubleArray(), w = want.toDoubleArray();
        for (int i = 0; i < g.length; i++) {
            if (g[i] == w[i]) continue;
            if (!(Math.abs(g[i] - w[i]) <= atol + rtol * Math.abs(w[i]))) return "element " + i + ": got " + g[i] + ", want " + w[i];
        }
        return null;
    }
}
