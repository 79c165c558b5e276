package dev.nn4j;

import dev.nn4j.backend.Backend;
import dev.nn4j.backend.ReduceOp;
import dev.nn4j.internal.Shapes;

/** Reductions over dims with keepdim, and the scans (cumsum, cumprod). */
final class Reductions {
    private Reductions() {}

    /** The reduced dims moved last and made contiguous, plus the output shapes with and without keepdim. */
    private record Plan(Tensor rows, int rowLen, int[] keepShape, int[] outShape) {}

    private static Plan plan(String op, Tensor x, int[] dims) {
        int n = x.shape.length;
        boolean[] mask = Shapes.dimMask(op, dims, n);
        int[] perm = new int[n];
        int k = 0, rowLen = 1, kept = 0;
        for (int d = 0; d < n; d++) if (!mask[d]) perm[k++] = d;
        for (int d = 0; d < n; d++) if (mask[d]) {
            perm[k++] = d;
            rowLen *= x.shape[d];
        }
        int[] keepShape = x.shape.clone();
        for (int d = 0; d < n; d++) if (mask[d]) keepShape[d] = 1; else kept++;
        int[] outShape = new int[kept];
        for (int d = 0, j = 0; d < n; d++) if (!mask[d]) outShape[j++] = x.shape[d];
        Tensor rows;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            rows = x.permute(perm).contiguous();
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        return new Plan(rows, rowLen, keepShape, outShape);
    }

    private static Tensor run(ReduceOp op, Plan p, DType outType, boolean keepdim) {
        return run(op.name().toLowerCase(), op, p, outType, keepdim);
    }

    private static Tensor run(String name, ReduceOp op, Plan p, DType outType, boolean keepdim) {
        Tensor out = Tensor.allocate(outType, keepdim ? p.keepShape : p.outShape);
        if (p.rowLen == 0 && (op == ReduceOp.MAX || op == ReduceOp.MIN || op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN)
                && out.numel() > 0) {
            throw new IllegalArgumentException(name + ": Expected reduction dim to have non-zero size (input shape "
                    + Shapes.str(p.rows.shape) + " reduced over " + p.rowLen + " elements per output)");
        }
        if (p.rowLen == 0) {
            if (op == ReduceOp.PROD || op == ReduceOp.ALL) out.fill_(1);
            return out;
        }
        Backend.current().reduce(op, p.rows, p.rowLen, out);
        return out;
    }

    static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        Plan p = plan("sum", x, dims);
        DType outType = x.dtype.isFloatingPoint() ? x.dtype : DType.INT64;
        Tensor out = run(ReduceOp.SUM, p, outType, keepdim);
        int[] inShape = x.shape, keepShape = p.keepShape;
        return Graph.record(dims == null ? "SumBackward0" : "SumBackward1", out, x, g -> new Tensor[] {g.reshape(keepShape).expand(inShape)});
    }

    static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        if (!x.dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("mean: could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: "
                    + x.dtype);
        }
        Plan p = plan("mean", x, dims);
        Tensor s = run(ReduceOp.SUM, p, x.dtype, keepdim);
        int n = p.rowLen;
        Tensor out = s.div(n == 0 ? Double.NaN : n);
        int[] inShape = x.shape, keepShape = p.keepShape;
        return Graph.record(dims == null ? "MeanBackward0" : "MeanBackward1", out, x, g -> new Tensor[] {g.reshape(keepShape).expand(inShape).div(n)});
    }

    static Tensor sumToSize(Tensor g, int[] shape) {
        if (java.util.Arrays.equals(g.shape, shape)) return g;
        int lead = g.shape.length - shape.length;
        if (lead < 0) throw new IllegalArgumentException("sumToSize: size " + Shapes.str(shape) + " is not expandable to size " + Shapes.str(g.shape));
        int count = 0;
        int[] dims = new int[g.shape.length];
        for (int d = 0; d < g.shape.length; d++) {
            if (d < lead) dims[count++] = d;
            else if (shape[d - lead] == 1 && g.shape[d] != 1) dims[count++] = d;
            else if (shape[d - lead] != g.shape[d]) {
                throw new IllegalArgumentException("sumToSize: size " + Shapes.str(shape) + " is not expandable to size " + Shapes.str(g.shape));
            }
        }
        Tensor r = count == 0 ? g : sum(g, java.util.Arrays.copyOf(dims, count), true);
        return r.reshape(shape);
    }

    static Tensor prod(Tensor x, int[] dims, boolean keepdim) {
        Plan p = plan("prod", x, dims);
        DType outType = x.dtype.isFloatingPoint() ? x.dtype : DType.INT64;
        Tensor out = run(ReduceOp.PROD, p, outType, keepdim);
        if (!Graph.needsGrad(x)) return out;
        int[] keepShape = p.keepShape;
        int[] reduced = dimsOf(x, dims);
        return Graph.record("ProdBackward1", out, new Tensor[] {x}, new Tensor[] {x}, g -> {
            // d prod / d x_i = product of the other elements: exclusive prefix * suffix products, exact with zeros
            Tensor others = productOfOthers(x, reduced);
            return new Tensor[] {g.reshape(keepShape).mul(others)};
        });
    }

    private static int[] dimsOf(Tensor x, int[] dims) {
        boolean[] mask = Shapes.dimMask("prod", dims, x.shape.length);
        int c = 0;
        for (boolean b : mask) if (b) c++;
        int[] r = new int[c];
        for (int d = 0, j = 0; d < mask.length; d++) if (mask[d]) r[j++] = d;
        return r;
    }

    private static Tensor productOfOthers(Tensor x, int[] dims) {
        Plan p = plan("prod", x, dims);
        int rowLen = p.rowLen, rows = rowLen == 0 ? 0 : p.rows.numel() / rowLen;
        double[] v = p.rows.toDoubleArray();
        double[] res = new double[v.length];
        for (int r = 0; r < rows; r++) {
            double acc = 1;
            for (int i = 0; i < rowLen; i++) {
                res[r * rowLen + i] = acc;
                acc *= v[r * rowLen + i];
            }
            acc = 1;
            for (int i = rowLen - 1; i >= 0; i--) {
                res[r * rowLen + i] *= acc;
                acc *= v[r * rowLen + i];
            }
        }
        // undo the permutation that moved the reduced dims last
        int n = x.shape.length;
        boolean[] mask = Shapes.dimMask("prod", dims, n);
        int[] perm = new int[n], permShape = new int[n];
        int k = 0;
        for (int d = 0; d < n; d++) if (!mask[d]) perm[k++] = d;
        for (int d = 0; d < n; d++) if (mask[d]) perm[k++] = d;
        for (int i = 0; i < n; i++) permShape[i] = x.shape[perm[i]];
        int[] inverse = new int[n];
        for (int i = 0; i < n; i++) inverse[perm[i]] = i;
        return Tensor.fromArray(res, permShape).to(x.dtype).permute(inverse);
    }

    /** amax/amin: the gradient is shared evenly among the elements equal to the extreme value. */
    static Tensor amax(Tensor x, int[] dims, boolean keepdim, boolean max) {
        return amax(x, dims, keepdim, max, false);
    }

    /**
     * {@code evenNan}: PyTorch's max()/min() over all elements (evenly_distribute_backward), where a NaN result
     * shares the gradient among the NaN elements; amax/amin (scale_grad_by_count) compare with == and give NaN.
     */
    static Tensor amax(Tensor x, int[] dims, boolean keepdim, boolean max, boolean evenNan) {
        String name = max ? "amax" : "amin";
        Plan p = plan(name, x, dims);
        Tensor out = run(dims == null ? (max ? "max" : "min") : name, max ? ReduceOp.MAX : ReduceOp.MIN, p, x.dtype, keepdim);
        if (!Graph.needsGrad(x)) return out;
        int[] keepShape = p.keepShape, inShape = x.shape;
        int[] reduced = dimsOf(x, dims);
        return Graph.record(max ? "AmaxBackward0" : "AminBackward0", out, new Tensor[] {x}, new Tensor[] {x, out}, g -> {
            Tensor ext = out.reshape(keepShape);
            Tensor eq = x.eq(ext);
            if (evenNan) eq = eq.logicalOr(x.isnan().logicalAnd(ext.isnan()));
            Tensor mask = eq.to(g.dtype);
            Tensor count = mask.sum(reduced, true);
            return new Tensor[] {g.reshape(keepShape).div(count).mul(mask).expand(inShape)};
        });
    }

    static Tensor.ValuesIndices maxDim(Tensor x, int dim, boolean keepdim, boolean max) {
        String name = max ? "max" : "min";
        if (x.shape.length == 0) {
            Shapes.wrapDim(name, dim, 0);
            return new Tensor.ValuesIndices(x.clone(), Tensor.zeros(DType.INT64));
        }
        int d = Shapes.wrapDim(name, dim, x.shape.length);
        if (x.shape[d] == 0) {
            int[] rest = x.shape.clone();
            rest[d] = 1;
            if (Shapes.numel(rest) > 0) {
                throw new IllegalArgumentException(name + ": Expected reduction dim " + dim + " to have non-zero size (input shape "
                        + Shapes.str(x.shape) + ")");
            }
        }
        Tensor idx = argmax(x, d, true, max);
        Tensor values = x.gather(d, idx);
        if (!keepdim) {
            values = values.squeeze(d);
            idx = idx.squeeze(d);
        }
        return new Tensor.ValuesIndices(values, idx);
    }

    static Tensor argmax(Tensor x, Integer dim, boolean keepdim, boolean max) {
        String name = max ? "argmax" : "argmin";
        if (dim == null) {
            if (x.numel() == 0) {
                throw new IllegalArgumentException(name + ": Expected reduction dim to be specified for input.numel() == 0.");
            }
            Tensor flat = x.reshape(-1);
            Plan p = plan(name, flat, null);
            return run(max ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, p, DType.INT64, false);
        }
        if (x.shape.length == 0) return Tensor.zeros(DType.INT64);
        Plan p = plan(name, x, new int[] {dim});
        return run(name, max ? ReduceOp.ARGMAX : ReduceOp.ARGMIN, p, DType.INT64, keepdim);
    }

    static Tensor var(Tensor x, int[] dims, double correction, boolean keepdim) {
        if (!x.dtype.isFloatingPoint()) throw new IllegalArgumentException("var: expected a floating point tensor, got " + x.dtype);
        int[] all = dims == null ? null : dims;
        Tensor mean = x.mean(all == null ? allDims(x) : all, true);
        Tensor sq = x.sub(mean).square().sum(all == null ? allDims(x) : all, keepdim);
        int n = x.numel() / Math.max(1, mean.numel());
        return sq.div(Math.max(0, n - correction));
    }

    private static int[] allDims(Tensor x) {
        int[] d = new int[x.shape.length];
        for (int i = 0; i < d.length; i++) d[i] = i;
        return d;
    }

    static Tensor logsumexp(Tensor x, int[] dims, boolean keepdim) {
        // an empty reduction has no max to subtract: log(sum of nothing) = -inf
        if (x.numel() == 0) return x.exp().sum(dims, keepdim).log();
        Tensor m;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            m = x.amax(dims, true);
            m = Tensor.where(m.isinf(), 0.0, m);
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        Tensor s = x.sub(m).exp().sum(dims, true).log().add(m);
        return keepdim ? s : squeezeDims(s, x, dims);
    }

    private static Tensor squeezeDims(Tensor s, Tensor x, int[] dims) {
        boolean[] mask = Shapes.dimMask("logsumexp", dims, x.shape.length);
        int k = 0;
        for (boolean b : mask) if (!b) k++;
        int[] shape = new int[k];
        for (int d = 0, j = 0; d < mask.length; d++) if (!mask[d]) shape[j++] = x.shape[d];
        return s.reshape(shape);
    }

    static Tensor norm(Tensor x, double p, int[] dims, boolean keepdim) {
        int[] d = dims == null ? allDims(x) : dims;
        if (p == 1) return x.abs().sum(d, keepdim);
        if (Double.isInfinite(p)) return p > 0 ? x.abs().amax(d, keepdim) : x.abs().amin(d, keepdim);
        if (p == 0) {
            // differentiable in PyTorch, with a zero gradient
            Tensor out = x.ne(0).to(x.dtype).sum(d, keepdim);
            return Graph.record("NormBackward1", out, new Tensor[] {x}, g -> new Tensor[] {Tensor.zerosLike(x)});
        }
        Tensor normKeep;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            normKeep = p == 2 ? x.square().sum(d, true).sqrt() : x.abs().pow(p).sum(d, true).pow(1 / p);
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        Tensor out = keepdim ? normKeep : squeezeDims(normKeep.detach(), x, d);
        int[] keepShape = normKeep.shape;
        // x |x|^(p-2) g / norm^(p-1); where the norm is 0 the gradient is 0 (the composite would give 0 * inf = NaN)
        return Graph.record("NormBackward1", out, new Tensor[] {x}, new Tensor[] {x, normKeep}, g -> {
            Tensor gk = g.reshape(keepShape);
            if (p < 1) {
                // PyTorch's norm_backward for p < 1: sgn(x) |x|^(p-1) (0 where x == 0) g norm^(1-p)
                Tensor scaled = Tensor.where(x.eq(0), 0.0, x.sign().mul(x.abs().pow(p - 1)));
                return new Tensor[] {scaled.mul(gk).mul(normKeep.pow(1 - p))};
            }
            Tensor grad = p == 2 ? x.mul(gk.div(normKeep)) : x.sign().mul(x.abs().pow(p - 1)).mul(gk.div(normKeep.pow(p - 1)));
            return new Tensor[] {Tensor.where(normKeep.eq(0), 0.0, grad)};
        });
    }

    /** sqrt(var) whose gradient is 0 where the deviation is 0, as PyTorch's std_backward (not 0 * inf = NaN). */
    static Tensor std(Tensor x, int[] dims, double correction, boolean keepdim) {
        Tensor v = var(x, dims, correction, keepdim);
        Tensor out;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            out = v.sqrt();
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        Tensor result = out;
        return Graph.record("StdBackward0", out, new Tensor[] {v}, new Tensor[] {out},
                g -> new Tensor[] {Tensor.where(result.eq(0), 0.0, g.div(result.mul(2)))});
    }

    static Tensor logical(Tensor x, int[] dims, boolean keepdim, boolean all) {
        Plan p = plan(all ? "all" : "any", x, dims);
        return run(all ? ReduceOp.ALL : ReduceOp.ANY, p, DType.BOOL, keepdim);
    }

    static Tensor cumsum(Tensor x, int dim) {
        if (x.shape.length == 0) return x.clone();
        int d = Shapes.wrapDim("cumsum", dim, x.shape.length);
        Tensor moved;
        boolean prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            moved = x.movedim(d, -1).contiguous();
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        Tensor res = Tensor.allocate(x.dtype.isFloatingPoint() ? x.dtype : DType.INT64, moved.shape);
        Backend.current().cumsum(moved, moved.shape[moved.shape.length - 1], res);
        Tensor out;
        prev = dev.nn4j.autograd.GradMode.set(false);
        try {
            out = res.movedim(-1, d).contiguous();
        } finally {
            dev.nn4j.autograd.GradMode.set(prev);
        }
        return Graph.record("CumsumBackward0", out, x, g -> new Tensor[] {g.flip(d).cumsum(d).flip(d)});
    }

    static Tensor cumprod(Tensor x, int dim) {
        int d = Shapes.wrapDim("cumprod", dim, Math.max(1, x.shape.length));
        // exp(cumsum(log)) fails on zeros and negatives; a sequential scan over rows is exact
        Tensor moved = x.movedim(d, -1).contiguous();
        int rowLen = moved.shape.length == 0 ? 1 : moved.shape[moved.shape.length - 1];
        double[] v = moved.toDoubleArray();
        for (int r = 0; rowLen > 0 && r < v.length / rowLen; r++) {
            for (int i = 1; i < rowLen; i++) v[r * rowLen + i] *= v[r * rowLen + i - 1];
        }
        DType outType = x.dtype.isFloatingPoint() ? x.dtype : DType.INT64;
        Tensor out = Tensor.fromArray(v, moved.shape).to(outType).movedim(-1, d).contiguous();
        if (!Graph.needsGrad(x)) return out;
        Tensor result = out.detach();
        return Graph.record("CumprodBackward0", result, new Tensor[] {x}, new Tensor[] {x}, g -> {
            // grad_i = sum_{j>=i} g_j * prod_{k<=j, k!=i} x_k, computed by finite differences of the product chain
            Tensor[] cols = x.unbind(d);
            Tensor[] gcols = g.unbind(d);
            Tensor[] gradCols = new Tensor[cols.length];
            for (int i = 0; i < cols.length; i++) {
                Tensor acc = Tensor.zerosLike(cols[i]);
                Tensor prefix = Tensor.onesLike(cols[i]);
                for (int k = 0; k < i; k++) prefix = prefix.mul(cols[k]);
                Tensor run = prefix;
                for (int j = i; j < cols.length; j++) {
                    if (j > i) run = run.mul(cols[j]);
                    acc = acc.add(gcols[j].mul(run));
                }
                gradCols[i] = acc;
            }
            return new Tensor[] {Tensor.stack(java.util.List.of(gradCols), d)};
        });
    }
}
