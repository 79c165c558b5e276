package dev.nn4j;

import dev.nn4j.backend.Backend;
import dev.nn4j.backend.cpu.Parallel;
import dev.nn4j.internal.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Matrix products (GEMM-backed) and einsum. */
final class LinAlg {
    private LinAlg() {}

    private static DType checkTypes(String op, Tensor a, Tensor b) {
        if (a.dtype != b.dtype) {
            throw new IllegalArgumentException(op + ": expected both operands to have the same dtype, but got " + a.dtype + " and " + b.dtype);
        }
        if (a.dtype == DType.BOOL) throw new IllegalArgumentException(op + ": not implemented for bool tensors");
        return a.dtype;
    }

    /** 2-D product, recorded as one node. */
    static Tensor mm(Tensor a, Tensor b) {
        if (a.shape.length != 2 || b.shape.length != 2) {
            throw new IllegalArgumentException("mm: expected 2-D tensors, got " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape));
        }
        if (a.shape[1] != b.shape[0]) {
            throw new IllegalArgumentException("mm: mat1 and mat2 shapes cannot be multiplied (" + a.shape[0] + "x" + a.shape[1]
                    + " and " + b.shape[0] + "x" + b.shape[1] + ")");
        }
        DType dt = checkTypes("mm", a, b);
        Tensor out = raw2d(a, b, dt);
        return Graph.record("MmBackward0", out, new Tensor[] {a, b}, new Tensor[] {a, b}, g -> new Tensor[] {
                a.requiresGrad ? (columnMajor(a) ? mm(b, g.t()).t() : mm(g, b.t())) : null,
                b.requiresGrad ? (columnMajor(b) ? mm(g.t(), a).t() : mm(a.t(), g)) : null});
    }

    /**
     * A transposed contiguous matrix, such as {@code weight.t()} in {@code x @ weight.t()}. Its gradient is computed in
     * the same layout (PyTorch's mm_mat2_backward does too), so the view's own backward hands the leaf a contiguous
     * gradient it can keep instead of copying.
     */
    private static boolean columnMajor(Tensor t) {
        return t.shape[0] > 1 && t.shape[1] > 1 && t.strides[0] == 1 && t.strides[1] == t.shape[0];
    }

    private static Tensor raw2d(Tensor a, Tensor b, DType dt) {
        if (dt == DType.INT64) {
            return raw2d(a.to(DType.FLOAT64), b.to(DType.FLOAT64), DType.FLOAT64).to(DType.INT64);
        }
        Tensor out = Tensor.allocate(dt, a.shape[0], b.shape[1]);
        if (out.numel() > 0) {
            if (a.shape[1] == 0) return out;
            Backend.current().matmul(a, b, out);
        }
        return out;
    }

    static Tensor bmm(Tensor a, Tensor b) {
        if (a.shape.length != 3 || b.shape.length != 3) {
            throw new IllegalArgumentException("bmm: expected 3-D tensors, got " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape));
        }
        if (a.shape[0] != b.shape[0] || a.shape[2] != b.shape[1]) {
            throw new IllegalArgumentException("bmm: expected batch1 (b, n, m) and batch2 (b, m, p) with matching b and m, got "
                    + Shapes.str(a.shape) + " and " + Shapes.str(b.shape));
        }
        return batched(a, b);
    }

    /** Batched product of (B, n, k) and (B, k, m), both with the same batch size. */
    private static Tensor batched(Tensor a, Tensor b) {
        DType dt = checkTypes("bmm", a, b);
        int batch = a.shape[0], n = a.shape[1], m = b.shape[2];
        Tensor out = Tensor.allocate(dt == DType.INT64 ? DType.FLOAT64 : dt, batch, n, m);
        Tensor ac = dt == DType.INT64 ? a.to(DType.FLOAT64) : a, bc = dt == DType.INT64 ? b.to(DType.FLOAT64) : b;
        if (out.numel() > 0 && a.shape[2] > 0) {
            // small matrices: parallel over the batch (each GEMM then runs inline on its worker)
            long work = (long) n * m * a.shape[2];
            int grain = work >= (1 << 18) ? batch : 1;
            Parallel.forRange(batch, grain, (s, e) -> {
                for (int i = s; i < e; i++) {
                    Backend.current().matmul(slice0(ac, i), slice0(bc, i), slice0(out, i));
                }
            });
        }
        Tensor res = dt == DType.INT64 ? out.to(DType.INT64) : out;
        return Graph.record("BmmBackward0", res, new Tensor[] {a, b}, new Tensor[] {a, b}, g -> new Tensor[] {
                a.requiresGrad ? batched(g, b.transpose(1, 2)) : null, b.requiresGrad ? batched(a.transpose(1, 2), g) : null});
    }

    private static Tensor slice0(Tensor t, int i) {
        return new Tensor(t.storage, new int[] {t.shape[1], t.shape[2]}, new int[] {t.strides[1], t.strides[2]}, t.offset + i * t.strides[0]);
    }

    static Tensor matmul(Tensor a, Tensor b) {
        if (b == null) throw new IllegalArgumentException("matmul: other must not be null");
        int da = a.shape.length, db = b.shape.length;
        if (da == 0 || db == 0) {
            throw new IllegalArgumentException("matmul: both arguments need to be at least 1D, but they are " + da + "D and " + db + "D");
        }
        int ka = a.shape[da - 1], kb = db == 1 ? b.shape[0] : b.shape[db - 2];
        if (ka != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape)
                    + " cannot be multiplied (" + ka + " vs " + kb + " in the contracted dimension)");
        }
        if (da == 1 && db == 1) return dot(a, b);
        if (da == 2 && db == 1) return mv(a, b);
        if (da == 1 && db == 2) return mm(a.unsqueeze(0), b).squeeze(0);
        if (da == 2 && db == 2) return mm(a, b);
        // batched with broadcasting: (..., n, k) @ (..., k, m)
        Tensor a2 = da == 1 ? a.unsqueeze(0) : a;
        Tensor b2 = db == 1 ? b.unsqueeze(1) : b;
        int n = a2.size(-2), k = a2.size(-1), k2 = b2.size(-2), m = b2.size(-1);
        if (k != k2) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(a.shape) + " and " + Shapes.str(b.shape)
                    + " cannot be multiplied (" + k + " vs " + k2 + " in the contracted dimension)");
        }
        int[] batchA = Arrays.copyOf(a2.shape, a2.shape.length - 2), batchB = Arrays.copyOf(b2.shape, b2.shape.length - 2);
        int[] batch = Shapes.broadcast("matmul", batchA, batchB);
        int bn = Shapes.numel(batch);
        Tensor out;
        if (b2.shape.length == 2 && a2.isContiguous()) {
            // (..., n, k) @ (k, m): one big GEMM over the folded batch
            out = mm(a2.reshape(bn * n, k), b2);
        } else {
            int[] ea = concat(batch, n, k), eb = concat(batch, k, m);
            out = batched(a2.expand(ea).reshape(bn, n, k), b2.expand(eb).reshape(bn, k, m));
        }
        Tensor res = out.reshape(concat(batch, n, m));
        if (da == 1) res = res.squeeze(-2);
        if (db == 1) res = res.squeeze(-1);
        return res;
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] r = Arrays.copyOf(batch, batch.length + 2);
        r[batch.length] = x;
        r[batch.length + 1] = y;
        return r;
    }

    static Tensor mv(Tensor a, Tensor v) {
        if (a.shape.length != 2 || v.shape.length != 1 || a.shape[1] != v.shape[0]) {
            throw new IllegalArgumentException("mv: size mismatch, got input " + Shapes.str(a.shape) + ", vec " + Shapes.str(v.shape));
        }
        return mm(a, v.unsqueeze(1)).squeeze(1);
    }

    static Tensor dot(Tensor a, Tensor b) {
        if (a.shape.length != 1 || b.shape.length != 1) {
            throw new IllegalArgumentException("dot: 1D tensors expected, but got " + a.shape.length + "D and " + b.shape.length + "D tensors");
        }
        if (a.shape[0] != b.shape[0]) {
            throw new IllegalArgumentException("dot: inconsistent tensor size, expected tensor [" + a.shape[0]
                    + "] and src [" + b.shape[0] + "] to have the same number of elements, but got " + a.shape[0] + " and " + b.shape[0] + " elements respectively");
        }
        return mm(a.unsqueeze(0), b.unsqueeze(1)).reshape();
    }

    static Tensor outer(Tensor a, Tensor b) {
        return a.unsqueeze(1).mul(b.unsqueeze(0));
    }

    /**
     * einsum over explicit ('ij,jk->ik') or implicit equations: each operand is aligned to the union of
     * letters, multiplied with broadcasting, and the letters missing from the output are summed.
     * Two-operand contractions go through batched matmul.
     */
    static Tensor einsum(String equation, Tensor[] ops) {
        if (equation == null || ops == null) throw new IllegalArgumentException("einsum: equation and operands must not be null");
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] == null) throw new IllegalArgumentException("einsum: operand " + i + " is null");
        }
        String eq = equation.replace(" ", "");
        String lhs, rhs;
        int arrow = eq.indexOf("->");
        if (arrow >= 0) {
            lhs = eq.substring(0, arrow);
            rhs = eq.substring(arrow + 2);
        } else {
            lhs = eq;
            StringBuilder sb = new StringBuilder();
            Map<Character, Integer> counts = new LinkedHashMap<>();
            for (char c : lhs.toCharArray()) if (Character.isLetter(c)) counts.merge(c, 1, Integer::sum);
            counts.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).sorted().forEach(sb::append);
            // implicit output: the broadcast (ellipsis) dims first, then the letters seen once, sorted
            rhs = (lhs.contains("...") ? "..." : "") + sb;
        }
        String[] terms = lhs.split(",", -1);
        if (terms.length != ops.length) {
            throw new IllegalArgumentException("einsum: " + terms.length + " operands in the equation '" + equation
                    + "' but " + ops.length + " tensors were given");
        }
        // an ellipsis stands for the operand's dims not named by letters, right-aligned across operands (broadcast):
        // each of those dims gets a private subscript character
        int ellipsisDims = 0;
        for (int i = 0; i < terms.length; i++) {
            if (!terms[i].contains("...")) continue;
            if (terms[i].indexOf("...") != terms[i].lastIndexOf("...")) {
                throw new IllegalArgumentException("einsum(): found more than one '...' in the subscripts of operand " + i);
            }
            int e = ops[i].shape.length - (terms[i].length() - 3);
            if (e < 0) {
                throw new IllegalArgumentException("einsum(): the number of subscripts in the equation (" + (terms[i].length() - 3)
                        + ") is more than the number of dimensions (" + ops[i].shape.length + ") for operand " + i);
            }
            ellipsisDims = Math.max(ellipsisDims, e);
        }
        StringBuilder all = new StringBuilder();
        for (int k = 0; k < ellipsisDims; k++) all.append((char) ('\uE000' + k));
        for (int i = 0; i < terms.length; i++) {
            if (!terms[i].contains("...")) continue;
            int e = ops[i].shape.length - (terms[i].length() - 3);
            terms[i] = terms[i].replace("...", all.substring(ellipsisDims - e));
        }
        if (rhs.contains("...")) rhs = rhs.replace("...", all);

        List<Character> letters = new ArrayList<>();
        Map<Character, Integer> sizes = new LinkedHashMap<>();
        for (int i = 0; i < terms.length; i++) {
            String t = terms[i];
            if (t.length() != ops[i].shape.length) {
                throw new IllegalArgumentException("einsum: the number of subscripts in '" + t + "' does not match the number of dimensions ("
                        + ops[i].shape.length + ") of operand " + i);
            }
            for (int j = 0; j < t.length(); j++) {
                char c = t.charAt(j);
                int s = ops[i].shape[j];
                Integer prev = sizes.get(c);
                if (prev == null) {
                    sizes.put(c, s);
                    letters.add(c);
                } else if (prev != s && prev != 1 && s != 1) {
                    throw new IllegalArgumentException("einsum: subscript '" + c + "' has size " + s + " for operand " + i
                            + " which does not broadcast with previously seen size " + prev);
                } else if (prev == 1) {
                    sizes.put(c, s);
                }
            }
        }
        for (char c : rhs.toCharArray()) {
            if (!sizes.containsKey(c)) throw new IllegalArgumentException("einsum: output subscript '" + c + "' does not appear in the inputs");
        }
        // align each operand to `letters` order (taking diagonals of repeated letters)
        Tensor prod = null;
        for (int i = 0; i < ops.length; i++) {
            Tensor a = alignTo(ops[i], terms[i], letters);
            prod = prod == null ? a : prod.mul(a);
        }
        List<Integer> sumDims = new ArrayList<>();
        for (int j = 0; j < letters.size(); j++) if (rhs.indexOf(letters.get(j)) < 0) sumDims.add(j);
        Tensor r = prod;
        if (!sumDims.isEmpty()) r = r.sum(sumDims.stream().mapToInt(Integer::intValue).toArray(), false);
        List<Character> remaining = new ArrayList<>();
        for (char c : letters) if (rhs.indexOf(c) >= 0) remaining.add(c);
        int[] perm = new int[rhs.length()];
        for (int j = 0; j < rhs.length(); j++) perm[j] = remaining.indexOf(rhs.charAt(j));
        return perm.length == 0 ? r : r.permute(perm);
    }

    private static Tensor alignTo(Tensor t, String term, List<Character> letters) {
        // repeated letters within one operand: take the diagonal
        for (int j = 0; j < term.length(); j++) {
            int k = term.indexOf(term.charAt(j), j + 1);
            if (k > 0) {
                Tensor diag = diagonal(t, j, k);
                String rest = term.substring(0, j) + term.substring(j + 1, k) + term.substring(k + 1) + term.charAt(j);
                return alignTo(diag, rest, letters);
            }
        }
        int[] perm = new int[term.length()];
        int[] shape = new int[letters.size()];
        List<Character> present = new ArrayList<>();
        for (char c : letters) if (term.indexOf(c) >= 0) present.add(c);
        for (int j = 0; j < present.size(); j++) perm[j] = term.indexOf(present.get(j));
        Tensor p = perm.length == 0 ? t : t.permute(perm);
        for (int j = 0, k = 0; j < letters.size(); j++) shape[j] = term.indexOf(letters.get(j)) >= 0 ? p.shape[k++] : 1;
        return p.reshape(shape);
    }

    /** The diagonal over dims i and j, moved to the last dim. */
    private static Tensor diagonal(Tensor t, int i, int j) {
        int[] inShape = t.shape;
        return Graph.record("DiagonalBackward0", diagonalView(t, i, j), t, g -> {
            Tensor z = Tensor.zeros(g.dtype, inShape);
            // the diagonal of z in z's own (contiguous) strides, not those of t
            diagonalView(z, i, j).copy_(g);
            return new Tensor[] {z};
        });
    }

    private static Tensor diagonalView(Tensor t, int i, int j) {
        int n = Math.min(t.shape[i], t.shape[j]);
        int[] shape = new int[t.shape.length - 1], st = new int[t.shape.length - 1];
        for (int d = 0, k = 0; d < t.shape.length; d++) {
            if (d == i || d == j) continue;
            shape[k] = t.shape[d];
            st[k++] = t.strides[d];
        }
        shape[shape.length - 1] = n;
        st[st.length - 1] = t.strides[i] + t.strides[j];
        return Views.makeView(t, shape, st, t.offset);
    }
}
