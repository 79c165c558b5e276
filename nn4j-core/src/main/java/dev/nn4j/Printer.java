package dev.nn4j;

/** PyTorch-style tensor text: {@code tensor([[1., 2.], [3., 4.]], dtype=torch.float64)}. */
final class Printer {
    private static final int THRESHOLD = 1000, EDGE = 3;

    private Printer() {}

    static String format(Tensor t) {
        double[] v = t.toDoubleArray();
        boolean summarize = v.length > THRESHOLD;
        Fmt fmt = new Fmt(t.dtype, v);
        StringBuilder sb = new StringBuilder("tensor(");
        if (v.length == 0 && t.shape.length <= 1) {
            sb.append("[]");
        } else {
            int[] c = new int[t.shape.length];
            body(sb, t, v, c, 0, 0, fmt, summarize, "tensor(".length());
        }
        if (t.shape.length > 0 && v.length == 0 && t.shape.length > 1) sb.append(", size=").append(dev.nn4j.internal.Shapes.str(t.shape));
        if (t.dtype == DType.FLOAT64 || (t.dtype == DType.INT64 && v.length == 0) || (t.dtype == DType.BOOL && v.length == 0)) {
            sb.append(", dtype=").append(t.dtype);
        }
        if (t.gradFn != null) sb.append(", grad_fn=<").append(t.gradFn.name()).append('>');
        else if (t.requiresGrad) sb.append(", requires_grad=True");
        return sb.append(')').toString();
    }

    private static void body(StringBuilder sb, Tensor t, double[] v, int[] c, int dim, int flat, Fmt fmt, boolean summarize, int indent) {
        if (t.shape.length == 0) {
            sb.append(fmt.format(v[0]).strip());
            return;
        }
        int n = t.shape[dim];
        int inner = 1;
        for (int d = dim + 1; d < t.shape.length; d++) inner *= t.shape[d];
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (summarize && n > 2 * EDGE && i == EDGE) {
                sb.append(dim == t.shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + dim + 1));
                if (dim < t.shape.length - 1) sb.append("\n".repeat(Math.max(0, t.shape.length - dim - 2))).append(t.shape.length - dim - 2 > 0 ? " ".repeat(indent + dim + 1) : "");
                i = n - EDGE;
            }
            if (dim == t.shape.length - 1) {
                sb.append(fmt.format(v[flat + i]));
            } else {
                body(sb, t, v, c, dim + 1, flat + i * inner, fmt, summarize, indent);
            }
            if (i < n - 1) {
                sb.append(',');
                if (dim == t.shape.length - 1) sb.append(' ');
                else sb.append("\n".repeat(t.shape.length - dim - 1)).append(" ".repeat(indent + dim + 1));
            }
        }
        sb.append(']');
    }

    /** Chooses one width and notation for all elements, as PyTorch's _Formatter does. */
    private static final class Fmt {
        final DType dtype;
        boolean intMode = true, sciMode;
        int width;

        Fmt(DType dtype, double[] v) {
            this.dtype = dtype;
            double maxAbs = 0, minAbs = Double.MAX_VALUE;
            for (double x : v) {
                if (!Double.isFinite(x)) continue;
                if (x != Math.rint(x)) intMode = false;
                double a = Math.abs(x);
                maxAbs = Math.max(maxAbs, a);
                if (a != 0) minAbs = Math.min(minAbs, a);
            }
            if (dtype.isFloatingPoint() && !intMode && maxAbs > 0) {
                sciMode = maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4;
            } else if (dtype.isFloatingPoint() && intMode && maxAbs > 1e8) {
                sciMode = true;
            }
            for (double x : v) width = Math.max(width, raw(x).length());
        }

        String raw(double x) {
            if (dtype == DType.BOOL) return x != 0 ? "True" : "False";
            if (!dtype.isFloatingPoint()) return Long.toString((long) x);
            if (Double.isNaN(x)) return "nan";
            if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
            if (sciMode) return String.format("%.4e", x).replace("e+0", "e+").replace("e-0", "e-");
            if (intMode) return String.format("%.0f", x) + ".";
            return String.format("%.4f", x);
        }

        String format(double x) {
            String s = raw(x);
            return " ".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
