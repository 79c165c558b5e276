package dev.nn4j;

import dev.nn4j.backend.Backend;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/** Ops that reinterpret a storage (views) and the copies behind reshape, clone and dtype casts. */
final class Views {
    private Views() {}

    static Tensor makeView(Tensor x, int[] shape, int[] strides, int offset) {
        Tensor v = new Tensor(x.storage, shape, strides, offset);
        v.base = x.base != null ? x.base : x;
        v.baseGradFn = v.base.gradFn;
        return v;
    }

    static Tensor view(Tensor x, int[] requested) {
        int[] shape = Shapes.inferShape("view", requested, x.numel());
        int[] st = computeStride(x.shape, x.strides, shape);
        if (st == null) {
            throw new IllegalArgumentException("view: view size " + Shapes.str(shape) + " is not compatible with input tensor's size "
                    + Shapes.str(x.shape) + " and stride " + Shapes.str(x.strides)
                    + " (at least one dimension spans across two contiguous subspaces). Use reshape(...) instead.");
        }
        return reshapeView(x, shape, st);
    }

    static Tensor reshape(Tensor x, int[] requested) {
        int[] shape = Shapes.inferShape("reshape", requested, x.numel());
        int[] st = computeStride(x.shape, x.strides, shape);
        if (st != null) return reshapeView(x, shape, st);
        return reshapeView(copy(x, "reshape"), shape, Shapes.contiguousStrides(shape));
    }

    private static Tensor reshapeView(Tensor x, int[] shape, int[] st) {
        Tensor out = makeView(x, shape, st, x.offset);
        int[] inShape = x.shape;
        return Graph.record("ViewBackward0", out, x, g -> new Tensor[] {g.reshape(inShape)});
    }

    /** Strides for viewing (shape, strides) as newShape without copying, or null if impossible (PyTorch's computeStride). */
    static int[] computeStride(int[] oldShape, int[] oldStride, int[] newShape) {
        int[] newStride = new int[newShape.length];
        if (Shapes.numel(oldShape) == 0) return Shapes.contiguousStrides(newShape);
        if (oldShape.length == 0) {
            Arrays.fill(newStride, 1);
            return newStride;
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStride[oldStride.length - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStride[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStride[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (tensorD > 0) {
                    chunkBaseStride = oldStride[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStride : null;
    }

    static Tensor permute(Tensor x, int[] dims) {
        int n = x.shape.length;
        if (dims.length != n) {
            throw new IllegalArgumentException("permute: number of dims don't match in permute: got " + dims.length
                    + " dims for a tensor of shape " + Shapes.str(x.shape));
        }
        int[] shape = new int[n], st = new int[n], inverse = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int d = Shapes.wrapDim("permute", dims[i], n);
            if (seen[d]) throw new IllegalArgumentException("permute: repeated dim " + dims[i] + " in " + Arrays.toString(dims));
            seen[d] = true;
            shape[i] = x.shape[d];
            st[i] = x.strides[d];
            inverse[d] = i;
        }
        Tensor out = makeView(x, shape, st, x.offset);
        return Graph.record("PermuteBackward0", out, x, g -> new Tensor[] {g.permute(inverse)});
    }

    static Tensor transpose(Tensor x, int d0, int d1) {
        int n = x.shape.length;
        if (n == 0) return x;
        int a = Shapes.wrapDim("transpose", d0, n), b = Shapes.wrapDim("transpose", d1, n);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        perm[a] = b;
        perm[b] = a;
        return permute(x, perm);
    }

    static Tensor movedim(Tensor x, int source, int destination) {
        int n = x.shape.length;
        int s = Shapes.wrapDim("movedim", source, n), d = Shapes.wrapDim("movedim", destination, n);
        int[] order = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) if (i != s) order[k++] = i;
        int[] perm = new int[n];
        for (int i = 0, j = 0; i < n; i++) perm[i] = i == d ? s : order[j++];
        return permute(x, perm);
    }

    static Tensor slice(Tensor x, int dim, int start, int end, int step, String op) {
        if (x.shape.length == 0) throw new IllegalArgumentException(op + ": cannot slice a 0-dim tensor");
        int d = Shapes.wrapDim(op, dim, x.shape.length);
        int size = x.shape[d];
        if (step <= 0) throw new IllegalArgumentException(op + ": step must be positive, got " + step);
        if ("narrow".equals(op)) {
            int len = end - start;
            int s0 = start < 0 ? start + size : start;
            if (s0 < 0 || len < 0 || s0 + len > size) {
                throw new IllegalArgumentException("narrow: start (" + start + ") + length (" + len
                        + ") exceeds dimension size (" + size + ") of dim " + dim + " for shape " + Shapes.str(x.shape));
            }
            start = s0;
            end = s0 + len;
        } else {
            if (start < 0) start += size;
            if (end < 0) end += size;
            start = Math.max(0, Math.min(start, size));
            end = Math.max(start, Math.min(end, size));
        }
        int len = (end - start + step - 1) / step;
        int[] shape = x.shape.clone(), st = x.strides.clone();
        shape[d] = len;
        st[d] = x.strides[d] * step;
        Tensor out = makeView(x, shape, st, x.offset + start * x.strides[d]);
        int[] inShape = x.shape;
        int s = start, e = end;
        return Graph.record("SliceBackward0", out, x, g -> {
            Tensor z = Tensor.zeros(g.dtype, inShape);
            z.slice(d, s, e, step).copy_(g);
            return new Tensor[] {z};
        });
    }

    static Tensor select(Tensor x, int dim, int index) {
        if (x.shape.length == 0) throw new IllegalArgumentException("select: cannot be applied to a 0-dim tensor");
        int d = Shapes.wrapDim("select", dim, x.shape.length);
        int size = x.shape[d];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select: index " + index + " out of range for tensor of size "
                    + Shapes.str(x.shape) + " at dimension " + dim);
        }
        int i = index < 0 ? index + size : index;
        return slice(x, d, i, i + 1, 1, "select").squeeze(d);
    }

    static Tensor expand(Tensor x, int[] sizes) {
        int n = sizes.length;
        if (n < x.shape.length) {
            throw new IllegalArgumentException("expand: the number of sizes provided (" + n + ") must be greater or equal to the number of dimensions in the tensor ("
                    + x.shape.length + ")");
        }
        int[] shape = new int[n], st = new int[n];
        int lead = n - x.shape.length;
        for (int i = 0; i < n; i++) {
            if (i < lead) {
                if (sizes[i] < 0) throw new IllegalArgumentException("expand: -1 is not allowed in a leading, non-existing dimension");
                shape[i] = sizes[i];
                st[i] = 0;
            } else {
                int have = x.shape[i - lead];
                int want = sizes[i] == -1 ? have : sizes[i];
                if (want < 0) {
                    throw new IllegalArgumentException("expand: the expanded size of the tensor (" + want + ") isn't allowed (only -1 keeps a size)."
                            + " Target sizes: " + Arrays.toString(sizes) + ". Tensor sizes: " + Arrays.toString(x.shape));
                }
                if (have == want) {
                    shape[i] = have;
                    st[i] = x.strides[i - lead];
                } else if (have == 1) {
                    shape[i] = want;
                    st[i] = 0;
                } else {
                    throw new IllegalArgumentException("expand: the expanded size of the tensor (" + want
                            + ") must match the existing size (" + have + ") at non-singleton dimension " + i
                            + ". Target sizes: " + Arrays.toString(sizes) + ". Tensor sizes: " + Arrays.toString(x.shape));
                }
            }
        }
        if (Arrays.equals(shape, x.shape)) return x;
        Tensor out = makeView(x, shape, st, x.offset);
        int[] inShape = x.shape;
        return Graph.record("ExpandBackward0", out, x, g -> new Tensor[] {g.sumToSize(inShape)});
    }

    static Tensor squeeze(Tensor x, Integer dim) {
        int n = x.shape.length;
        boolean[] drop = new boolean[n];
        if (dim == null) {
            for (int i = 0; i < n; i++) drop[i] = x.shape[i] == 1;
        } else if (n > 0) {
            int d = Shapes.wrapDim("squeeze", dim, n);
            drop[d] = x.shape[d] == 1;
        }
        int k = 0;
        for (boolean b : drop) if (!b) k++;
        if (k == n) return x;
        int[] shape = new int[k], st = new int[k];
        for (int i = 0, j = 0; i < n; i++) {
            if (drop[i]) continue;
            shape[j] = x.shape[i];
            st[j++] = x.strides[i];
        }
        Tensor out = makeView(x, shape, st, x.offset);
        int[] inShape = x.shape;
        return Graph.record("SqueezeBackward0", out, x, g -> new Tensor[] {g.reshape(inShape)});
    }

    static Tensor unsqueeze(Tensor x, int dim) {
        int n = x.shape.length;
        int d = Shapes.wrapDim("unsqueeze", dim, n + 1);
        int[] shape = new int[n + 1], st = new int[n + 1];
        for (int i = 0, j = 0; i <= n; i++) {
            if (i == d) {
                shape[i] = 1;
                st[i] = j < n ? x.strides[j] * x.shape[j] : 1;
            } else {
                shape[i] = x.shape[j];
                st[i] = x.strides[j++];
            }
        }
        Tensor out = makeView(x, shape, st, x.offset);
        int[] inShape = x.shape;
        return Graph.record("UnsqueezeBackward0", out, x, g -> new Tensor[] {g.reshape(inShape)});
    }

    static Tensor flatten(Tensor x, int startDim, int endDim) {
        int n = x.shape.length;
        if (n == 0) return x.reshape(1);
        int s = Shapes.wrapDim("flatten", startDim, n), e = Shapes.wrapDim("flatten", endDim, n);
        if (s > e) throw new IllegalArgumentException("flatten: start_dim (" + startDim + ") cannot come after end_dim (" + endDim + ")");
        if (s == e) return x;
        int[] shape = new int[n - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) shape[k++] = x.shape[i];
        int p = 1;
        for (int i = s; i <= e; i++) p *= x.shape[i];
        shape[k++] = p;
        for (int i = e + 1; i < n; i++) shape[k++] = x.shape[i];
        return x.reshape(shape);
    }

    static Tensor unflatten(Tensor x, int dim, int[] sizes) {
        int n = x.shape.length;
        if (n == 0) throw new IllegalArgumentException("unflatten: dimension specified as " + dim + " but tensor has no dimensions");
        if (sizes == null) throw new IllegalArgumentException("unflatten: sizes must not be null");
        int d = Shapes.wrapDim("unflatten", dim, n);
        int[] inner = Shapes.inferShape("unflatten", sizes, x.shape[d]);
        int[] shape = new int[n - 1 + inner.length];
        int k = 0;
        for (int i = 0; i < d; i++) shape[k++] = x.shape[i];
        for (int s : inner) shape[k++] = s;
        for (int i = d + 1; i < n; i++) shape[k++] = x.shape[i];
        return x.view(shape);
    }

    static Tensor copy(Tensor x, String op) {
        Tensor out = Tensor.allocate(x.dtype, x.shape);
        Backend.current().copy(x, out);
        return Graph.record("CloneBackward0", out, x, g -> new Tensor[] {g});
    }

    static Tensor cast(Tensor x, DType dtype) {
        Tensor out = Tensor.allocate(dtype, x.shape);
        Backend.current().copy(x, out);
        if (!dtype.isFloatingPoint()) return out;
        DType in = x.dtype;
        return Graph.record("ToCopyBackward0", out, x, g -> new Tensor[] {g.to(in)});
    }

    static Tensor[] split(Tensor x, int splitSize, int dim) {
        requireDims("split", x);
        int d = Shapes.wrapDim("split", dim, x.shape.length);
        if (splitSize <= 0) throw new IllegalArgumentException("split: split_size must be positive, got " + splitSize);
        int size = x.shape[d];
        int n = Math.max(1, (size + splitSize - 1) / splitSize);
        Tensor[] out = new Tensor[n];
        for (int i = 0; i < n; i++) {
            int s = i * splitSize;
            out[i] = x.narrow(d, s, Math.min(splitSize, size - s));
        }
        return out;
    }

    static Tensor[] split(Tensor x, int[] sizes, int dim) {
        requireDims("split", x);
        if (sizes == null) throw new IllegalArgumentException("split: split_sizes must not be null");
        int d = Shapes.wrapDim("split", dim, x.shape.length);
        int total = 0;
        for (int s : sizes) total += s;
        if (total != x.shape[d]) {
            throw new IllegalArgumentException("split: split_with_sizes expects split_sizes to sum exactly to " + x.shape[d]
                    + " (input tensor's size at dimension " + dim + "), but got split_sizes=" + Arrays.toString(sizes));
        }
        Tensor[] out = new Tensor[sizes.length];
        int s = 0;
        for (int i = 0; i < sizes.length; i++) {
            out[i] = x.narrow(d, s, sizes[i]);
            s += sizes[i];
        }
        return out;
    }

    /** split and chunk cut along a dimension: a 0-dim tensor has none (PyTorch's message). */
    private static void requireDims(String op, Tensor x) {
        if (x.shape.length == 0) throw new IllegalArgumentException(op + ": expects at least a 1-dimensional tensor");
    }

    static Tensor[] chunk(Tensor x, int chunks, int dim) {
        requireDims("chunk", x);
        if (chunks <= 0) throw new IllegalArgumentException("chunk: number of chunks must be positive, got " + chunks);
        int d = Shapes.wrapDim("chunk", dim, x.shape.length);
        int size = x.shape[d];
        int each = Math.max(1, (size + chunks - 1) / chunks);
        return split(x, each, d);
    }

    static Tensor[] unbind(Tensor x, int dim) {
        if (x.shape.length == 0) throw new IllegalArgumentException("unbind: dimension specified as " + dim + " but tensor has no dimensions");
        int d = Shapes.wrapDim("unbind", dim, x.shape.length);
        Tensor[] out = new Tensor[x.shape[d]];
        for (int i = 0; i < out.length; i++) out[i] = x.select(d, i);
        return out;
    }

    static Tensor repeat(Tensor x, int[] repeats) {
        if (repeats.length < x.shape.length) {
            throw new IllegalArgumentException("repeat: number of dimensions of repeat dims (" + repeats.length
                    + ") can not be smaller than number of dimensions of tensor (" + x.shape.length + ")");
        }
        for (int r : repeats) {
            if (r < 0) throw new IllegalArgumentException("repeat: repeats must be non-negative, got " + Arrays.toString(repeats));
        }
        int n = repeats.length;
        int lead = n - x.shape.length;
        int[] padded = new int[n];
        for (int i = 0; i < n; i++) padded[i] = i < lead ? 1 : x.shape[i - lead];
        Tensor t = x.reshape(padded);
        // (s0, s1, ...) -> (1, s0, 1, s1, ...) -> expand (r0, s0, r1, s1, ...) -> (r0*s0, r1*s1, ...)
        int[] inter = new int[2 * n], expanded = new int[2 * n], result = new int[n];
        for (int i = 0; i < n; i++) {
            inter[2 * i] = 1;
            inter[2 * i + 1] = padded[i];
            expanded[2 * i] = repeats[i];
            expanded[2 * i + 1] = padded[i];
            result[i] = repeats[i] * padded[i];
        }
        return t.reshape(inter).expand(expanded).reshape(result);
    }

    static Tensor repeatInterleave(Tensor x, int repeats, int dim) {
        int d = Shapes.wrapDim("repeat_interleave", dim, x.shape.length);
        if (repeats < 0) throw new IllegalArgumentException("repeat_interleave: repeats can not be negative, got " + repeats);
        Tensor u = x.unsqueeze(d + 1);
        int[] exp = u.shape();
        exp[d + 1] = repeats;
        int[] result = x.shape();
        result[d] *= repeats;
        return u.expand(exp).reshape(result);
    }
}
