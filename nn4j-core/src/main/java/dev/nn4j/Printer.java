package dev.nn4j;

import dev.nn4j.internal.Shapes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch-style tensor text: {@code tensor([[1., 2.], [3., 4.]], dtype=torch.float64)}. A port of
 * torch/_tensor_str.py (1.13) with its default print options: precision 4, threshold 1000,
 * edgeitems 3, linewidth 80.
 */
final class Printer {
    private static final int THRESHOLD = 1000, EDGE = 3, LINEWIDTH = 80, PRECISION = 4;

    private Printer() {}

    static String format(Tensor t) {
        String prefix = "tensor(";
        int indent = prefix.length();
        List<String> suffixes = new ArrayList<>();
        String body;
        Tensor d = t.detach();
        if (t.numel() == 0) {
            // numpy prints the shape of every empty tensor but (0,); the dtype can't be inferred from no elements
            if (t.shape.length != 1) suffixes.add("size=" + Shapes.str(t.shape));
            if (t.dtype != DType.FLOAT32) suffixes.add("dtype=" + t.dtype);
            body = "[]";
        } else {
            if (t.dtype == DType.FLOAT64) suffixes.add("dtype=" + t.dtype);
            boolean summarize = t.numel() > THRESHOLD;
            List<Tensor> values = new ArrayList<>();
            collect(d, summarize, values);
            body = str(d, indent, summarize, new Fmt(t.dtype, values));
        }
        if (t.gradFn != null) suffixes.add("grad_fn=<" + t.gradFn.name() + ">");
        else if (t.requiresGrad) suffixes.add("requires_grad=True");
        return addSuffixes(prefix + body, suffixes, indent);
    }

    /** The elements the formatter sizes itself on: only the printed ones when summarizing (get_summarized_data). */
    private static void collect(Tensor t, boolean summarize, List<Tensor> out) {
        if (t.shape.length == 0) {
            out.add(t);
            return;
        }
        int n = t.shape[0];
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE && i == EDGE) i = n - EDGE;
            collect(t.select(0, i), summarize, out);
        }
    }

    private static String str(Tensor t, int indent, boolean summarize, Fmt fmt) {
        int dim = t.shape.length;
        if (dim == 0) return fmt.format(t);
        if (dim == 1) return vector(t, indent, summarize, fmt);
        int n = t.shape[0];
        List<String> slices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE && i == EDGE) {
                slices.add("...");
                i = n - EDGE;
            }
            slices.add(str(t.select(0, i), indent + 1, summarize, fmt));
        }
        return "[" + String.join("," + "\n".repeat(dim - 1) + " ".repeat(indent + 1), slices) + "]";
    }

    private static String vector(Tensor t, int indent, boolean summarize, Fmt fmt) {
        int elementLength = fmt.width + 2;
        int perLine = Math.max(1, (LINEWIDTH - indent) / elementLength);
        int n = t.shape[0];
        List<String> data = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE && i == EDGE) {
                data.add(" ...");
                i = n - EDGE;
            }
            data.add(fmt.format(t.select(0, i)));
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < data.size(); i += perLine) {
            lines.add(String.join(", ", data.subList(i, Math.min(data.size(), i + perLine))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    private static String addSuffixes(String tensorStr, List<String> suffixes, int indent) {
        StringBuilder sb = new StringBuilder(tensorStr);
        int lastLineLen = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLen + suffix.length() + 2 > LINEWIDTH) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLen = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLen += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** One width and notation for all elements, as PyTorch's _Formatter chooses them. */
    private static final class Fmt {
        final DType dtype;
        boolean intMode = true, sciMode;
        int width = 1;

        Fmt(DType dtype, List<Tensor> elements) {
            this.dtype = dtype;
            if (!dtype.isFloatingPoint()) {
                for (Tensor e : elements) width = Math.max(width, plain(e).length());
                return;
            }
            // only finite non-zero values decide the notation and the width
            double min = Double.POSITIVE_INFINITY, max = 0;
            List<Double> finite = new ArrayList<>();
            for (Tensor e : elements) {
                double v = e.item();
                if (v == 0 || !Double.isFinite(v)) continue;
                finite.add(v);
                min = Math.min(min, Math.abs(v));
                max = Math.max(max, Math.abs(v));
                if (v != Math.ceil(v)) intMode = false;
            }
            if (finite.isEmpty()) return;
            sciMode = max / min > 1000 || max > 1e8 || (!intMode && min < 1e-4);
            for (double v : finite) {
                int len = sciMode ? sci(v).length() : intMode ? fixed(v, 0).length() + 1 : fixed(v, PRECISION).length();
                width = Math.max(width, len);
            }
        }

        /** int64 elements are read as longs: a double would round values beyond 2^53. */
        private String plain(Tensor e) {
            if (dtype == DType.BOOL) return e.item() != 0 ? "True" : "False";
            return Long.toString(e.getLong());
        }

        /** One 0-dim element, padded to the common width. */
        String format(Tensor e) {
            String s;
            double v = dtype.isFloatingPoint() ? e.item() : 0;
            if (!dtype.isFloatingPoint()) s = plain(e);
            else if (Double.isNaN(v)) s = "nan";
            else if (Double.isInfinite(v)) s = v > 0 ? "inf" : "-inf";
            else if (sciMode) s = sci(v);
            else if (intMode) s = fixed(v, 0) + ".";
            else s = fixed(v, PRECISION);
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }

        /** Python's {@code '{:.Nf}'}: the exact binary value rounded half-to-even, sign kept for -0. */
        private static String fixed(double v, int digits) {
            String sign = Math.copySign(1.0, v) < 0 ? "-" : "";
            return sign + new BigDecimal(Math.abs(v)).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        }

        /** Python's {@code '{:.4e}'}, e.g. {@code 1.2346e+05}. */
        private static String sci(double v) {
            String sign = Math.copySign(1.0, v) < 0 ? "-" : "";
            double a = Math.abs(v);
            if (a == 0) return sign + "0." + "0".repeat(PRECISION) + "e+00";
            BigDecimal bd = new BigDecimal(a).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
            int exp = bd.precision() - bd.scale() - 1;
            StringBuilder digits = new StringBuilder(bd.unscaledValue().toString());
            while (digits.length() < PRECISION + 1) digits.append('0');
            String e = Integer.toString(Math.abs(exp));
            return sign + digits.charAt(0) + "." + digits.substring(1, PRECISION + 1) + "e" + (exp < 0 ? "-" : "+")
                    + (e.length() < 2 ? "0" + e : e);
        }
    }
}
