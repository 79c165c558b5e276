package dev.nn4j;

import static dev.nn4j.Ref.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** matmul's shape rules and layouts (strided, transposed, broadcast batches) against a naive triple loop. */
class LinAlgTest {

    /** Naive (..., n, k) @ (..., k, m) with broadcast batch dims, in double. */
    static double[] naiveMatmul(double[] a, int[] sa, double[] b, int[] sb, int[] outShape) {
        int n = sa[sa.length - 2], k = sa[sa.length - 1], m = sb[sb.length - 1];
        int[] batchOut = Arrays.copyOf(outShape, outShape.length - 2);
        int[] batchA = Arrays.copyOf(sa, sa.length - 2), batchB = Arrays.copyOf(sb, sb.length - 2);
        int batches = Ref.numel(batchOut);
        double[] out = new double[batches * n * m];
        for (int bi = 0; bi < batches; bi++) {
            int[] idx = Ref.unravel(bi, batchOut);
            int oa = Ref.ravelBroadcast(idx, batchA) * n * k, ob = Ref.ravelBroadcast(idx, batchB) * k * m;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += a[oa + i * k + p] * b[ob + p * m + j];
                    out[bi * n * m + i * m + j] = s;
                }
            }
        }
        return out;
    }

    @Property(tries = 80)
    void matmulMatchesNaiveOnAnyLayout(@ForAll long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(9), k = r.nextInt(9), m = 1 + r.nextInt(9);
        int da = 1 + r.nextInt(4), db = 1 + r.nextInt(4);
        int[] batch = Ref.randomShape(r, 2, 1, 3);
        int[] sa = shapeOf(r, da, batch, n, k, true), sb = shapeOf(r, db, batch, k, m, false);
        DType dt = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        double[] va = Ref.randomValues(r, dt, Ref.numel(sa)), vb = Ref.randomValues(r, dt, Ref.numel(sb));
        Tensor a = Ref.layout(va, dt, sa, r.nextInt(4)), b = Ref.layout(vb, dt, sb, r.nextInt(4));
        Tensor c = a.matmul(b);
        // promote 1-D operands as PyTorch does, multiply, then drop the added dims
        int[] sa2 = da == 1 ? new int[] {1, sa[0]} : sa, sb2 = db == 1 ? new int[] {sb[0], 1} : sb;
        int[] batchA = Arrays.copyOf(sa2, sa2.length - 2), batchB = Arrays.copyOf(sb2, sb2.length - 2);
        int[] bo = Ref.broadcastShape(batchA, batchB);
        int[] full = Arrays.copyOf(bo, bo.length + 2);
        full[bo.length] = sa2[sa2.length - 2];
        full[bo.length + 1] = sb2[sb2.length - 1];
        double[] expected = naiveMatmul(va, sa2, vb, sb2, full);
        int[] expectedShape = full;
        if (da == 1) expectedShape = drop(expectedShape, expectedShape.length - 2);
        if (db == 1) expectedShape = drop(expectedShape, expectedShape.length - 1);
        String what = Arrays.toString(sa) + " @ " + Arrays.toString(sb) + " " + dt;
        assertArrayEquals(expectedShape, c.shape(), what);
        assertEquals(dt, c.dtype());
        assertValues(what, expected, c, dt == DType.FLOAT32 ? 1e-5 * Math.max(1, k) : 1e-12);
    }

    private static int[] shapeOf(Random r, int dims, int[] batch, int rows, int cols, boolean left) {
        if (dims == 1) return new int[] {left ? cols : rows};
        int[] s = new int[dims];
        s[dims - 2] = rows;
        s[dims - 1] = cols;
        for (int i = 0; i < dims - 2; i++) {
            int bi = batch.length - (dims - 2) + i;
            s[i] = bi >= 0 ? (r.nextInt(3) == 0 ? 1 : batch[bi]) : 1 + r.nextInt(2);
        }
        return s;
    }

    private static int[] drop(int[] s, int d) {
        int[] r = new int[s.length - 1];
        for (int i = 0, j = 0; i < s.length; i++) if (i != d) r[j++] = s[i];
        return r;
    }

    @Test
    void shapeRulesOfMatmul() {
        assertArrayEquals(new int[] {}, Tensor.ones(3).matmul(Tensor.ones(3)).shape());
        assertArrayEquals(new int[] {2}, Tensor.ones(2, 3).matmul(Tensor.ones(3)).shape());
        assertArrayEquals(new int[] {4}, Tensor.ones(3).matmul(Tensor.ones(3, 4)).shape());
        assertArrayEquals(new int[] {5, 2, 4}, Tensor.ones(5, 2, 3).matmul(Tensor.ones(3, 4)).shape());
        assertArrayEquals(new int[] {5, 4}, Tensor.ones(3).matmul(Tensor.ones(5, 3, 4)).shape());
        assertArrayEquals(new int[] {5, 2}, Tensor.ones(5, 2, 3).matmul(Tensor.ones(3)).shape());
        assertArrayEquals(new int[] {7, 5, 2, 4}, Tensor.ones(7, 1, 2, 3).matmul(Tensor.ones(5, 3, 4)).shape());
        assertArrayEquals(new int[] {2, 0}, Tensor.ones(2, 3).matmul(Tensor.ones(3, 0)).shape());
        assertValues(new double[] {0, 0, 0, 0}, Tensor.ones(2, 0).matmul(Tensor.ones(0, 2)), 0);
        assertEquals(DType.INT64, Tensor.of(1L, 2L).matmul(Tensor.of(3L, 4L)).dtype());
        assertEquals(11, Tensor.of(1L, 2L).matmul(Tensor.of(3L, 4L)).item());
        assertValues(new double[] {3, 4, 6, 8}, Tensor.of(1f, 2f).outer(Tensor.of(3f, 4f)), 0);
        assertValues(new double[] {11}, Tensor.of(1f, 2f).dot(Tensor.of(3f, 4f)).reshape(1), 0);
    }

    @Test
    void einsumMatchesExplicitOps() {
        Generator g = new Generator(3);
        Tensor a = Tensor.randn(DType.FLOAT64, g, 3, 4), b = Tensor.randn(DType.FLOAT64, g, 4, 5), sq = Tensor.randn(DType.FLOAT64, g, 4, 4);
        Tensor ba = Tensor.randn(DType.FLOAT64, g, 2, 3, 4), bb = Tensor.randn(DType.FLOAT64, g, 2, 4, 5);
        assertValues(a.matmul(b).toDoubleArray(), Tensor.einsum("ij,jk->ik", a, b), 1e-12);
        assertValues(a.matmul(b).toDoubleArray(), Tensor.einsum("ij,jk", a, b), 1e-12);
        assertValues(a.matmul(b).t().contiguous().toDoubleArray(), Tensor.einsum("ij,jk->ki", a, b), 1e-12);
        assertValues(ba.bmm(bb).toDoubleArray(), Tensor.einsum("bij,bjk->bik", ba, bb), 1e-12);
        assertValues(new double[] {a.sum().item()}, Tensor.einsum("ij->", a).reshape(1), 1e-12);
        assertValues(a.sum(0).toDoubleArray(), Tensor.einsum("ij->j", a), 1e-12);
        assertValues(a.t().contiguous().toDoubleArray(), Tensor.einsum("ij->ji", a), 0);
        double trace = 0;
        for (int i = 0; i < 4; i++) trace += sq.get(i, i);
        assertEquals(trace, Tensor.einsum("ii", sq).item(), 1e-12);
        assertValues(new double[] {sq.get(0, 0), sq.get(1, 1), sq.get(2, 2), sq.get(3, 3)}, Tensor.einsum("ii->i", sq), 0);
        assertValues(new double[] {sq.get(3, 3), sq.get(2, 2)}, Tensor.einsum("ii->i", sq.flip(0, 1)).narrow(0, 0, 2), 0);
        assertValues(a.mul(a).sum(1).toDoubleArray(), Tensor.einsum("ij,ij->i", a, a), 1e-12);
        Tensor v = Tensor.randn(DType.FLOAT64, g, 4);
        assertValues(a.mv(v).toDoubleArray(), Tensor.einsum("ij,j->i", a, v), 1e-12);
        assertValues(a.unsqueeze(2).mul(v.view(1, 1, 4)).toDoubleArray(), Tensor.einsum("ij,k->ijk", a, v), 1e-12);
    }

    @Test
    void einsumEllipsisBroadcastsAndSums() {
        Tensor a = Tensor.randn(new Generator(1), 2, 1, 3, 4), b = Tensor.randn(new Generator(2), 5, 4, 2);
        Tensor want = a.matmul(b);
        Tensor got = Tensor.einsum("...ij,...jk->...ik", a, b);
        assertArrayEquals(want.shape(), got.shape());
        assertValues(want.toDoubleArray(), got, 1e-5);
        // implicit output puts the ellipsis dims first
        Tensor c = Tensor.randn(new Generator(3), 2, 3, 4), d = Tensor.randn(new Generator(4), 4, 5);
        assertValues(c.matmul(d).toDoubleArray(), Tensor.einsum("...ij,jk", c, d), 1e-5);
        // ellipsis dims missing from the output are summed
        Tensor s = Tensor.einsum("i...,i->...", c, Tensor.ones(2));
        assertValues(c.sum(0).toDoubleArray(), s, 1e-5);
        assertArrayEquals(new int[] {2}, Tensor.einsum("b...,b...->b", c, c).shape());
    }
}
