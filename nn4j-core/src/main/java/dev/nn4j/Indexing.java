package dev.nn4j;

import dev.nn4j.autograd.GradMode;
import dev.nn4j.backend.Backend;
import dev.nn4j.internal.Shapes;
import dev.nn4j.internal.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Indexing, joining, masking and sorting ops. */
final class Indexing {
    private Indexing() {}

    private static void requireIndex(String op, Tensor index) {
        if (index == null) throw new IllegalArgumentException(op + ": index must not be null");
        if (index.dtype != DType.INT64) {
            throw new IllegalArgumentException(op + ": expected index of dtype int64, got " + index.dtype);
        }
    }

    /** Calls {@code body} with the offsets of each element of {@code shape} in two strided layouts, in row-major order. */
    private interface PairBody {
        void at(int[] coord, int offA, int offB);
    }

    private static void walk(int[] shape, int[] stA, int offA, int[] stB, int offB, PairBody body) {
        int n = Shapes.numel(shape);
        if (n == 0) return;
        int nd = shape.length;
        int[] c = new int[nd];
        int a = offA, b = offB;
        for (int p = 0; p < n; p++) {
            body.at(c, a, b);
            for (int d = nd - 1; d >= 0; d--) {
                c[d]++;
                a += stA[d];
                b += stB[d];
                if (c[d] < shape[d]) break;
                a -= stA[d] * shape[d];
                b -= stB[d] * shape[d];
                c[d] = 0;
            }
        }
    }

    private static void checkGatherShapes(String op, Tensor x, int d, Tensor index) {
        if (index.shape.length != x.shape.length && !(index.shape.length <= 1 && x.shape.length <= 1)) {
            throw new IllegalArgumentException(op + ": index tensor must have the same number of dimensions as input tensor, got index "
                    + Shapes.str(index.shape) + " and input " + Shapes.str(x.shape));
        }
        for (int i = 0; i < index.shape.length; i++) {
            if (i != d && index.shape[i] > x.shape[i]) {
                throw new IllegalArgumentException(op + ": size does not match at dimension " + i + ": index "
                        + Shapes.str(index.shape) + " vs input " + Shapes.str(x.shape));
            }
        }
    }

    private static int checkedIndex(String op, long v, int size, int dim) {
        if (v < -size || v >= size) {
            throw new IndexOutOfBoundsException(op + ": index " + v + " is out of bounds for dimension " + dim + " with size " + size);
        }
        return (int) (v < 0 ? v + size : v);
    }

    static Tensor gather(Tensor x, int dim, Tensor index) {
        requireIndex("gather", index);
        int d = Shapes.wrapDim("gather", dim, x.shape.length);
        checkGatherShapes("gather", x, d, index);
        Tensor out = Tensor.allocate(x.dtype, index.shape);
        Storage xs = x.storage, is = index.storage, os = out.storage;
        int size = x.shape.length == 0 ? 1 : x.shape[d];
        int dimStride = x.shape.length == 0 ? 0 : x.strides[d];
        int[] xst = x.strides.clone();
        if (xst.length > 0) xst[d] = 0;
        int[] ost = out.strides;
        // walk index positions: offA = position in x without the gathered dim, offB = position in index
        int[] pos = {0};
        walk(index.shape, xst, x.offset, index.strides, index.offset, (c, xo, io) -> {
            int k = checkedIndex("gather", is.getLong(io), size, d);
            if (os instanceof Storage.F32 of && xs instanceof Storage.F32 xf) of.data[pos[0]] = xf.data[xo + k * dimStride];
            else if (os instanceof Storage.I64 ol) ol.data[pos[0]] = xs.getLong(xo + k * dimStride);
            else os.setDouble(pos[0], xs.getDouble(xo + k * dimStride));
            pos[0]++;
        });
        int[] inShape = x.shape;
        return Graph.record("GatherBackward0", out, new Tensor[] {x}, g -> new Tensor[] {
                Tensor.zeros(g.dtype, inShape).scatterAdd(d, index, g)});
    }

    static Tensor scatterAdd(Tensor x, int dim, Tensor index, Tensor src) {
        return scatterImpl("scatter_add", x, dim, index, src, true);
    }

    static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src) {
        return scatterImpl("scatter", x, dim, index, src, false);
    }

    private static Tensor scatterImpl(String op, Tensor x, int dim, Tensor index, Tensor src, boolean add) {
        requireIndex(op, index);
        if (src == null) throw new IllegalArgumentException(op + ": src must not be null");
        if (x.shape.length == 0 && index.shape.length > 0) {   // a 0-dim self indexes as a 1-element vector, as in PyTorch
            Shapes.wrapDim(op, dim, 0);
            return scatterImpl(op, x.reshape(1), 0, index, src.shape.length == 0 ? src.reshape(1) : src, add).reshape();
        }
        int d = Shapes.wrapDim(op, dim, x.shape.length);
        checkGatherShapes(op, x, d, index);
        if (src.shape.length != index.shape.length) {
            throw new IllegalArgumentException(op + ": index " + Shapes.str(index.shape) + " and src " + Shapes.str(src.shape)
                    + " must have the same number of dimensions");
        }
        for (int i = 0; i < index.shape.length; i++) {
            if (index.shape[i] > src.shape[i]) {
                throw new IllegalArgumentException(op + ": expected index " + Shapes.str(index.shape)
                        + " to be smaller than src " + Shapes.str(src.shape) + " in every dimension");
            }
        }
        Tensor out = Tensor.allocate(x.dtype, x.shape);
        Backend.current().copy(x, out);
        Storage os = out.storage, is = index.storage, ss = src.storage;
        int size = x.shape.length == 0 ? 1 : x.shape[d];
        int dimStride = x.shape.length == 0 ? 0 : out.strides[d];
        int[] ost = out.strides.clone();
        if (ost.length > 0) ost[d] = 0;
        int[] srcSt = src.strides;
        int[] idxSt = index.strides;
        walk(index.shape, ost, 0, idxSt, index.offset, (c, oo, io) -> {
            int k = checkedIndex(op, is.getLong(io), size, d);
            int so = src.offset;
            for (int i = 0; i < c.length; i++) so += c[i] * srcSt[i];
            int target = oo + k * dimStride;
            if (add) os.setDouble(target, os.getDouble(target) + ss.getDouble(so));
            else os.setDouble(target, ss.getDouble(so));
        });
        int[] srcShape = src.shape;
        return Graph.record(add ? "ScatterAddBackward0" : "ScatterBackward0", out, new Tensor[] {x, src}, g -> {
            Tensor gx = add ? g : g.scatter(d, index, Tensor.zeros(g.dtype, index.shape));
            Tensor gs = g.gather(d, index);
            if (!Arrays.equals(gs.shape, srcShape)) gs = padTo(gs, srcShape);
            return new Tensor[] {gx, gs};
        });
    }

    private static Tensor padTo(Tensor t, int[] shape) {
        Tensor z = Tensor.zeros(t.dtype, shape);
        Tensor view = z;
        for (int i = 0; i < t.shape.length; i++) view = view.narrow(i, 0, t.shape[i]);
        view.copy_(t);
        return z;
    }

    private static int[] indexValues(String op, Tensor index, int size, int dim) {
        requireIndex(op, index);
        if (index.shape.length > 1) throw new IllegalArgumentException(op + ": index must be 0-D or 1-D, got shape " + Shapes.str(index.shape));
        long[] v = index.toLongArray();
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) r[i] = checkedIndex(op, v[i], size, dim);
        return r;
    }

    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        int d = Shapes.wrapDim("index_select", dim, x.shape.length);
        int[] idx = indexValues("index_select", index, x.shape.length == 0 ? 1 : x.shape[d], d);
        int[] shape = x.shape.clone();
        if (shape.length > 0) shape[d] = idx.length;
        Tensor out = Tensor.allocate(x.dtype, shape);
        boolean prev = GradMode.set(false);
        try {
            if (d == 0 && x.isContiguous() && x.shape.length > 0) {
                int row = x.numel() / Math.max(1, x.shape[0]);
                for (int i = 0; i < idx.length; i++) copyRow(x, x.offset + idx[i] * row, out, i * row, row);
            } else {
                for (int i = 0; i < idx.length; i++) Backend.current().copy(x.select(d, idx[i]), out.select(d, i));
            }
        } finally {
            GradMode.set(prev);
        }
        int[] inShape = x.shape;
        return Graph.record("IndexSelectBackward0", out, new Tensor[] {x}, g -> new Tensor[] {
                Tensor.zeros(g.dtype, inShape).indexAdd(d, index, g)});
    }

    private static void copyRow(Tensor src, int srcOff, Tensor dst, int dstOff, int n) {
        if (src.storage instanceof Storage.F32 s && dst.storage instanceof Storage.F32 t) {
            System.arraycopy(s.data, srcOff, t.data, dstOff, n);
        } else {
            for (int i = 0; i < n; i++) dst.storage.setDouble(dstOff + i, src.storage.getDouble(srcOff + i));
        }
    }

    static Tensor indexAdd(Tensor x, int dim, Tensor index, Tensor source) {
        if (source == null) throw new IllegalArgumentException("index_add: source must not be null");
        if (x.shape.length == 0) {   // a 0-dim tensor indexes as a 1-element vector, as in PyTorch
            Shapes.wrapDim("index_add", dim, 0);
            return indexAdd(x.reshape(1), 0, index, source.shape.length == 0 ? source.reshape(1) : source).reshape();
        }
        int d = Shapes.wrapDim("index_add", dim, x.shape.length);
        int[] idx = indexValues("index_add", index, x.shape[d], d);
        if (source.shape.length != x.shape.length || source.shape[d] != idx.length) {
            throw new IllegalArgumentException("index_add: source " + Shapes.str(source.shape) + " must have the shape of input "
                    + Shapes.str(x.shape) + " with dimension " + dim + " of size " + idx.length);
        }
        Tensor out = Tensor.allocate(x.dtype, x.shape);
        Backend.current().copy(x, out);
        boolean prev = GradMode.set(false);
        try {
            if (d == 0 && source.isContiguous() && out.storage instanceof Storage.F32 of && source.storage instanceof Storage.F32 sf) {
                int row = x.numel() / Math.max(1, x.shape[0]);
                for (int i = 0; i < idx.length; i++) {
                    int o = idx[i] * row, s = source.offset + i * row;
                    for (int j = 0; j < row; j++) of.data[o + j] += sf.data[s + j];
                }
            } else {
                for (int i = 0; i < idx.length; i++) {
                    Tensor slot = out.select(d, idx[i]);
                    Backend.current().copy(slot.add(source.select(d, i)), slot);
                }
            }
        } finally {
            GradMode.set(prev);
        }
        return Graph.record("IndexAddBackward0", out, new Tensor[] {x, source}, g -> new Tensor[] {g, g.indexSelect(d, index)});
    }

    static Tensor maskedSelect(Tensor x, Tensor mask) {
        requireBool("masked_select", mask);
        int[] shape = Shapes.broadcast("masked_select", x.shape, mask.shape);
        Tensor xe = Elementwise.expandNoGrad(x, shape).contiguous();
        boolean[] m = Elementwise.expandNoGrad(mask, shape).toBooleanArray();
        int count = 0;
        for (boolean b : m) if (b) count++;
        Tensor out = Tensor.allocate(x.dtype, count);
        for (int i = 0, j = 0; i < m.length; i++) if (m[i]) out.storage.setDouble(j++, xe.storage.getDouble(xe.offset + i));
        return Graph.record("MaskedSelectBackward0", out, new Tensor[] {x}, g -> {
            double[] gv = g.toDoubleArray();
            Tensor full = Tensor.zeros(g.dtype, shape);
            for (int i = 0, j = 0; i < m.length; i++) if (m[i]) full.storage.setDouble(i, gv[j++]);
            return new Tensor[] {full};
        });
    }

    static Tensor nonzero(Tensor x) {
        double[] v = x.toDoubleArray();
        List<int[]> hits = new ArrayList<>();
        int nd = x.shape.length;
        int[] c = new int[nd];
        for (int p = 0; p < v.length; p++) {
            if (v[p] != 0) hits.add(c.clone());
            for (int d = nd - 1; d >= 0; d--) {
                if (++c[d] < x.shape[d]) break;
                c[d] = 0;
            }
        }
        long[] out = new long[hits.size() * nd];
        for (int i = 0; i < hits.size(); i++) for (int d = 0; d < nd; d++) out[i * nd + d] = hits.get(i)[d];
        return Tensor.fromArray(out, hits.size(), nd);
    }

    static Tensor cat(List<Tensor> tensors, int dim) {
        requireNoNulls("cat", tensors);
        if (tensors.isEmpty()) throw new IllegalArgumentException("cat: expected a non-empty list of Tensors");
        // PyTorch's legacy rule: 1-D empty tensors are skipped, whatever the others' shapes
        List<Tensor> kept = new ArrayList<>();
        for (Tensor t : tensors) if (!(t.shape.length == 1 && t.shape[0] == 0)) kept.add(t);
        if (!kept.isEmpty() && kept.size() < tensors.size()) tensors = kept;
        Tensor first = tensors.get(0);
        int nd = first.shape.length;
        if (nd == 0) throw new IllegalArgumentException("cat: zero-dimensional tensor cannot be concatenated");
        int d = Shapes.wrapDim("cat", dim, nd);
        DType dt = first.dtype;
        int total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t.shape.length != nd) {
                throw new IllegalArgumentException("cat: tensors must have same number of dimensions: got " + nd + " and "
                        + t.shape.length + " (tensor " + i + ")");
            }
            for (int k = 0; k < nd; k++) {
                if (k != d && t.shape[k] != first.shape[k]) {
                    throw new IllegalArgumentException("cat: sizes of tensors must match except in dimension " + d
                            + ". Expected size " + first.shape[k] + " but got size " + t.shape[k] + " for tensor number " + i + " in the list.");
                }
            }
            dt = DType.promote(dt, t.dtype);
            total += t.shape[d];
        }
        int[] shape = first.shape.clone();
        shape[d] = total;
        Tensor out = Tensor.allocate(dt, shape);
        int[] starts = new int[tensors.size()], lens = new int[tensors.size()];
        boolean prev = GradMode.set(false);
        try {
            int s = 0;
            for (int i = 0; i < tensors.size(); i++) {
                Tensor t = tensors.get(i);
                starts[i] = s;
                lens[i] = t.shape[d];
                Backend.current().copy(t, out.narrow(d, s, t.shape[d]));
                s += t.shape[d];
            }
        } finally {
            GradMode.set(prev);
        }
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        return Graph.record("CatBackward0", out, inputs, g -> {
            Tensor[] r = new Tensor[inputs.length];
            for (int i = 0; i < r.length; i++) r[i] = g.narrow(d, starts[i], lens[i]);
            return r;
        });
    }

    static Tensor stack(List<Tensor> tensors, int dim) {
        requireNoNulls("stack", tensors);
        if (tensors.isEmpty()) throw new IllegalArgumentException("stack: expected a non-empty list of Tensors");
        int[] shape0 = tensors.get(0).shape;
        for (int i = 1; i < tensors.size(); i++) {
            if (!Arrays.equals(tensors.get(i).shape, shape0)) {
                throw new IllegalArgumentException("stack: expects each tensor to be equal size, but got " + Shapes.str(shape0)
                        + " at entry 0 and " + Shapes.str(tensors.get(i).shape) + " at entry " + i);
            }
        }
        int d = Shapes.wrapDim("stack", dim, shape0.length + 1);
        List<Tensor> us = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) us.add(t.unsqueeze(d));
        return cat(us, d);
    }

    static Tensor triangle(Tensor x, int diagonal, boolean upper) {
        if (x.shape.length < 2) {
            throw new IllegalArgumentException((upper ? "triu" : "tril") + ": input tensor must have at least 2 dimensions, got shape " + Shapes.str(x.shape));
        }
        int rows = x.shape[x.shape.length - 2], cols = x.shape[x.shape.length - 1];
        boolean[] m = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) m[i * cols + j] = upper ? j - i >= diagonal : j - i <= diagonal;
        }
        return where(Tensor.fromArray(m, rows, cols), x, Tensor.zeros(x.dtype));
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        requireBool("where", cond);
        if (a == null || b == null) throw new IllegalArgumentException("where: input and other must not be null");
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", cond.shape, a.shape), b.shape);
        DType dt = DType.promote(a.dtype, b.dtype);
        if (a.shape.length == 0 && !a.requiresGrad && b.shape.length > 0) dt = b.dtype.isFloatingPoint() || !a.dtype.isFloatingPoint() ? b.dtype : a.dtype;
        if (b.shape.length == 0 && !b.requiresGrad && a.shape.length > 0) dt = a.dtype.isFloatingPoint() || !b.dtype.isFloatingPoint() ? a.dtype : b.dtype;
        Tensor out = Tensor.allocate(dt, shape);
        Tensor ac = a.dtype == dt ? a : a.detach().to(dt), bc = b.dtype == dt ? b : b.detach().to(dt);
        Backend.current().where(Elementwise.expandNoGrad(cond, shape), Elementwise.expandNoGrad(ac, shape),
                Elementwise.expandNoGrad(bc, shape), out);
        if (!dt.isFloatingPoint()) return out;
        return Graph.record("WhereBackward0", out, new Tensor[] {a, b}, g -> {
            Tensor zero = Tensor.zeros(g.dtype);
            return new Tensor[] {a.requiresGrad ? where(cond, g, zero) : null, b.requiresGrad ? where(cond, zero, g) : null};
        });
    }

    private static void requireNoNulls(String op, List<Tensor> tensors) {
        if (tensors == null) throw new IllegalArgumentException(op + ": expected a list of Tensors, got null");
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i) == null) throw new IllegalArgumentException(op + ": tensor number " + i + " in the list is null");
        }
    }

    private static void requireBool(String op, Tensor mask) {
        if (mask == null) throw new IllegalArgumentException(op + ": mask/condition must not be null");
        if (mask.dtype != DType.BOOL) {
            throw new IllegalArgumentException(op + ": expected a mask/condition of dtype bool, got " + mask.dtype);
        }
    }

    static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        requireBool("masked_fill", mask);
        Shapes.broadcast("masked_fill", x.shape, mask.shape);
        Tensor v = Creation.full(new int[0], value, x.dtype);
        Tensor out = where(mask, v, x);
        if (!Arrays.equals(out.shape, x.shape)) {
            throw new IllegalArgumentException("masked_fill: mask of shape " + Shapes.str(mask.shape)
                    + " is not broadcastable to the input's shape " + Shapes.str(x.shape));
        }
        return out;
    }

    static Tensor flip(Tensor x, int[] dims) {
        if (x.shape.length == 0) {   // nothing to reverse; the dims must still be valid (0 or -1)
            for (int dim : dims) Shapes.wrapDim("flip", dim, 0);
            return x.clone();
        }
        int[] st = x.strides.clone();
        int off = x.offset;
        boolean[] mask = new boolean[x.shape.length];
        for (int dim : dims) {
            int d = Shapes.wrapDim("flip", dim, x.shape.length);
            if (mask[d]) throw new IllegalArgumentException("flip: dim " + dim + " appears multiple times in the list of dims");
            mask[d] = true;
            off += (x.shape[d] - 1) * st[d];
            st[d] = -st[d];
        }
        Tensor out = Tensor.allocate(x.dtype, x.shape);
        if (out.numel() > 0) Backend.current().copy(new Tensor(x.storage, x.shape, st, off), out);
        int[] fd = dims.clone();
        return Graph.record("FlipBackward0", out, x, g -> new Tensor[] {g.flip(fd)});
    }

    static Tensor roll(Tensor x, int shift, int dim) {
        if (x.shape.length == 0) throw new IllegalArgumentException("roll: dimension specified as " + dim + " but tensor has no dimensions");
        int d = Shapes.wrapDim("roll", dim, x.shape.length);
        int n = x.shape[d];
        if (n == 0) return x.clone();
        int s = ((shift % n) + n) % n;
        if (s == 0) return x.clone();
        return cat(List.of(x.narrow(d, n - s, s), x.narrow(d, 0, n - s)), d);
    }

    static Tensor.ValuesIndices sort(Tensor x, int dim, boolean descending) {
        if (x.shape.length == 0) return new Tensor.ValuesIndices(x.clone(), Tensor.zeros(DType.INT64));
        int d = Shapes.wrapDim("sort", dim, x.shape.length);
        Tensor idx = sortedIndices(x, d, descending);
        return new Tensor.ValuesIndices(x.gather(d, idx), idx);
    }

    private static Tensor sortedIndices(Tensor x, int d, boolean descending) {
        Tensor moved;
        boolean prev = GradMode.set(false);
        try {
            moved = x.movedim(d, -1).contiguous();
        } finally {
            GradMode.set(prev);
        }
        int n = x.shape[d];
        double[] v = moved.toDoubleArray();
        int rows = n == 0 ? 0 : v.length / n;
        long[] out = new long[v.length];
        Integer[] order = new Integer[n];
        for (int r = 0; r < rows; r++) {
            int base = r * n;
            for (int i = 0; i < n; i++) order[i] = i;
            // stable; NaN sorts as the largest value, as in PyTorch
            Arrays.sort(order, (p, q) -> descending ? sortOrder(v[base + q], v[base + p]) : sortOrder(v[base + p], v[base + q]));
            for (int i = 0; i < n; i++) out[base + i] = order[i];
        }
        Tensor idx = Tensor.fromArray(out, moved.shape);
        prev = GradMode.set(false);
        try {
            return idx.movedim(-1, d).contiguous();
        } finally {
            GradMode.set(prev);
        }
    }

    /** Ascending order with NaN largest and -0.0 equal to 0.0 (Double.compare would split the zeros). */
    private static int sortOrder(double a, double b) {
        if (a < b) return -1;
        if (a > b) return 1;
        return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
    }

    static Tensor.ValuesIndices topk(Tensor x, int k, int dim, boolean largest, boolean sorted) {
        int d = Shapes.wrapDim("topk", dim, Math.max(1, x.shape.length));
        int size = x.shape.length == 0 ? 1 : x.shape[d];
        if (k < 0 || k > size) {
            throw new IllegalArgumentException("topk: k (" + k + ") is out of range for dimension " + dim + " of size " + size);
        }
        if (x.shape.length == 0) return new Tensor.ValuesIndices(x.clone(), Tensor.zeros(DType.INT64));
        Tensor idx = sortedIndices(x, d, largest).narrow(d, 0, k).contiguous();
        return new Tensor.ValuesIndices(x.gather(d, idx), idx);
    }
}
