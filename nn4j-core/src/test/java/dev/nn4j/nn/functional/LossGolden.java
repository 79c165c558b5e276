package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import dev.nn4j.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the loss golden cases ({@code tools/golden/loss_cases.py}, the conformance JSONL format) and compares
 * tensors against their reference values (NaN matches NaN, infinities match themselves).
 */
final class LossGolden {
    private LossGolden() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(String resource) throws IOException {
        try (InputStream in = LossGolden.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            List<Map<String, Object>> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                // Python's json writes NaN and Infinity as bare tokens; quote them for the strict reader
                String quoted = line.replaceAll("(?<=[\\[,] ?)(-?Infinity|NaN)(?=[,\\]])", "\"$1\"");
                if (!line.isBlank()) cases.add((Map<String, Object>) Json.parse(quoted));
            }
            return cases;
        }
    }

    /** A case tensor; floating data is converted to {@code floatType}. */
    @SuppressWarnings("unchecked")
    static Tensor tensor(Object node, DType floatType) {
        Map<String, Object> m = (Map<String, Object>) node;
        List<Object> shapeList = (List<Object>) m.get("shape");
        int[] shape = shapeList.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        List<Object> data = (List<Object>) m.get("data");
        String dtype = (String) m.get("dtype");
        if (dtype.equals("int64")) {
            return Tensor.fromArray(data.stream().mapToLong(o -> ((Number) o).longValue()).toArray(), shape);
        }
        if (dtype.equals("bool")) {
            boolean[] b = new boolean[data.size()];
            for (int i = 0; i < b.length; i++) b[i] = (Boolean) data.get(i);
            return Tensor.fromArray(b, shape);
        }
        double[] d = data.stream().mapToDouble(o -> o instanceof String str ? Double.parseDouble(str) : ((Number) o).doubleValue()).toArray();
        return Tensor.fromArray(d, shape).to(floatType);
    }

    /** Null when every element agrees within {@code atol + rtol * |want|}, else a description of the worst one. */
    static String compare(Tensor got, Tensor want, double rtol, double atol) {
        if (!Arrays.equals(got.shape(), want.shape())) {
            return "shape " + Shapes.str(got.shape()) + " vs " + Shapes.str(want.shape());
        }
        double[] g = got.toDoubleArray(), w = want.toDoubleArray();
        double worst = 0;
        int at = -1;
        for (int i = 0; i < g.length; i++) {
            double excess = Math.abs(g[i] - w[i]) - (atol + rtol * Math.abs(w[i]));
            if (g[i] == w[i] || Double.isNaN(g[i]) && Double.isNaN(w[i])) continue;
            if (Double.isNaN(excess) || excess > worst) {
                worst = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
                at = i;
            }
        }
        return at < 0 ? null : "element " + at + ": got " + g[at] + ", want " + w[at];
    }
}
