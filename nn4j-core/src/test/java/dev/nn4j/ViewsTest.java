package dev.nn4j;

import static dev.nn4j.Ref.assertFails;
import static dev.nn4j.Ref.assertShape;
import static dev.nn4j.Ref.assertValues;
import static dev.nn4j.Ref.sharesStorage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Views and strides: which ops share storage, the strides they produce, and the values they expose. */
class ViewsTest {

    private static Tensor arange(int... shape) {
        return Tensor.arange(0, Ref.numel(shape), 1, DType.FLOAT32).reshape(shape);
    }

    @Test
    void viewSharesStorageAndComputesStrides() {
        Tensor x = arange(2, 3, 4);
        Tensor v = x.view(6, 4);
        assertTrue(sharesStorage(x, v));
        assertArrayEquals(new int[] {4, 1}, v.stride());
        Tensor w = x.view(-1);
        assertShape(new int[] {24}, w);
        assertShape(new int[] {4, 6}, x.view(4, -1));
        // a view of a view writes through to the base
        w.set(100, 5);
        assertEquals(100, x.get(0, 1, 1));
        // view of a sliced (non-contiguous in dim 0 only) tensor: merging the contiguous inner dims is allowed
        Tensor s = x.narrow(1, 1, 2);
        Tensor sv = s.view(2, 8);
        assertTrue(sharesStorage(x, sv));
        assertArrayEquals(new int[] {12, 1}, sv.stride());
        assertValues(new double[] {4, 100, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23}, sv, 0);
    }

    @Test
    void viewOfTransposedFailsButReshapeCopies() {
        Tensor x = arange(3, 4);
        Tensor t = x.t();
        assertFalse(t.isContiguous());
        assertFails(IllegalArgumentException.class, () -> t.view(12), "view", "(4, 3)", "reshape");
        Tensor r = t.reshape(12);
        assertFalse(sharesStorage(x, r));
        assertValues(new double[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, r, 0);
        // reshape of a contiguous tensor is a view
        Tensor r2 = x.reshape(2, 6);
        assertTrue(sharesStorage(x, r2));
        // splitting a dim of a transposed tensor is still a view
        Tensor split = t.reshape(2, 2, 3);
        assertTrue(sharesStorage(x, split));
        assertEquals(t.get(3, 2), split.get(1, 1, 2));
    }

    @Test
    void viewRejectsWrongSizes() {
        Tensor x = arange(2, 3);
        assertFails(IllegalArgumentException.class, () -> x.view(4), "view", "[4]", "6");
        assertFails(IllegalArgumentException.class, () -> x.view(-1, -1), "only one dimension");
        assertFails(IllegalArgumentException.class, () -> x.reshape(4, -1), "reshape", "6");
    }

    @Test
    void viewsOfEmptyAndScalarTensors() {
        Tensor e = Tensor.zeros(0, 3);
        assertShape(new int[] {3, 0}, e.view(3, 0));
        assertShape(new int[] {0}, e.view(-1));
        Tensor s = Tensor.scalar(5);
        assertShape(new int[] {1, 1}, s.view(1, 1));
        assertShape(new int[] {}, s.view(1, 1).view());
        assertEquals(5, s.view(1).item());
    }

    @Test
    void transposeAndPermuteSwapStrides() {
        Tensor x = arange(2, 3, 4);
        Tensor t = x.transpose(0, 2);
        assertTrue(sharesStorage(x, t));
        assertArrayEquals(new int[] {4, 3, 2}, t.shape());
        assertArrayEquals(new int[] {1, 4, 12}, t.stride());
        assertEquals(x.get(1, 2, 3), t.get(3, 2, 1));
        Tensor p = x.permute(1, -1, 0);
        assertArrayEquals(new int[] {3, 4, 2}, p.shape());
        assertEquals(x.get(1, 2, 3), p.get(2, 3, 1));
        assertSame(Tensor.scalar(1).getClass(), Tensor.scalar(1).t().getClass());
        Tensor v = Tensor.of(1f, 2f);
        assertSame(v, v.t());
        Tensor m = arange(2, 3);
        assertArrayEquals(new int[] {3, 2}, m.t().shape());
        assertArrayEquals(new int[] {2, 4, 3}, x.mT().shape());
        assertFails(IllegalArgumentException.class, () -> x.t(), "t", "3D");
        assertFails(IllegalArgumentException.class, () -> x.permute(0, 1), "permute", "(2, 3, 4)");
        assertFails(IllegalArgumentException.class, () -> x.permute(0, 1, 1), "permute", "repeated");
    }

    @Test
    void movedimMatchesPyTorch() {
        Tensor x = arange(2, 3, 4);
        // torch.movedim(x, 0, 2).shape == (3, 4, 2); torch.movedim(x, 2, 0).shape == (4, 2, 3)
        assertArrayEquals(new int[] {3, 4, 2}, x.movedim(0, 2).shape());
        assertArrayEquals(new int[] {4, 2, 3}, x.movedim(2, 0).shape());
        assertArrayEquals(new int[] {2, 4, 3}, x.movedim(-1, 1).shape());
        assertEquals(x.get(1, 2, 3), x.movedim(0, 2).get(2, 3, 1));
        assertTrue(sharesStorage(x, x.movedim(0, 2)));
    }

    @Test
    void narrowSliceSelect() {
        Tensor x = arange(4, 5);
        Tensor n = x.narrow(1, 1, 3);
        assertTrue(sharesStorage(x, n));
        assertEquals(1, n.storageOffset());
        assertArrayEquals(new int[] {5, 1}, n.stride());
        assertValues(new double[] {1, 2, 3, 6, 7, 8, 11, 12, 13, 16, 17, 18}, n, 0);
        assertValues(new double[] {19}, x.narrow(-1, -1, 1).narrow(0, 3, 1), 0);
        Tensor s = x.slice(1, 0, 5, 2);
        assertArrayEquals(new int[] {4, 3}, s.shape());
        assertArrayEquals(new int[] {5, 2}, s.stride());
        assertEquals(12, s.get(2, 1));
        // Python slicing clamps: x[:, -2:100]
        assertArrayEquals(new int[] {4, 2}, x.slice(1, -2, 100).shape());
        assertArrayEquals(new int[] {4, 0}, x.slice(1, 3, 1).shape());
        Tensor sel = x.select(0, -1);
        assertArrayEquals(new int[] {5}, sel.shape());
        assertEquals(15, sel.get(0));
        assertTrue(sharesStorage(x, sel));
        assertFails(IllegalArgumentException.class, () -> x.narrow(1, 3, 3), "narrow", "5");
        assertFails(IndexOutOfBoundsException.class, () -> x.select(0, 4), "select", "4");
        assertFails(IllegalArgumentException.class, () -> x.slice(0, 0, 2, 0), "step");
    }

    @Test
    void expandUsesZeroStrides() {
        Tensor x = Tensor.of(1f, 2f, 3f).view(3, 1);
        Tensor e = x.expand(2, 3, 4);
        assertArrayEquals(new int[] {0, 1, 0}, e.stride());
        assertTrue(sharesStorage(x, e));
        assertEquals(3, e.get(1, 2, 3));
        assertArrayEquals(new int[] {3, 5}, x.expand(-1, 5).shape());
        assertFails(IllegalArgumentException.class, () -> x.expand(2, 4), "expand", "3", "4");
        assertFails(IllegalArgumentException.class, () -> x.expand(4), "expand");
        Tensor c = e.contiguous();
        assertFalse(sharesStorage(x, c));
        assertValues(e.toDoubleArray(), c, 0);
    }

    @Test
    void squeezeUnsqueeze() {
        Tensor x = arange(1, 3, 1, 2);
        assertArrayEquals(new int[] {3, 2}, x.squeeze().shape());
        assertArrayEquals(new int[] {3, 1, 2}, x.squeeze(0).shape());
        assertArrayEquals(new int[] {1, 3, 1, 2}, x.squeeze(1).shape());
        assertArrayEquals(new int[] {1, 3, 2}, x.squeeze(-2).shape());
        Tensor u = arange(2, 3).unsqueeze(1);
        assertArrayEquals(new int[] {2, 1, 3}, u.shape());
        assertArrayEquals(new int[] {3, 3, 1}, u.stride());
        assertArrayEquals(new int[] {2, 3, 1}, arange(2, 3).unsqueeze(-1).shape());
        assertArrayEquals(new int[] {1, 2, 3}, arange(2, 3).unsqueeze(-3).shape());
        assertArrayEquals(new int[] {1}, Tensor.scalar(2).unsqueeze(0).shape());
        assertFails(IllegalArgumentException.class, () -> arange(2, 3).unsqueeze(3), "unsqueeze", "3");
        assertTrue(sharesStorage(x, x.squeeze()));
    }

    @Test
    void flattenUnflatten() {
        Tensor x = arange(2, 3, 4);
        assertArrayEquals(new int[] {24}, x.flatten().shape());
        assertArrayEquals(new int[] {2, 12}, x.flatten(1, -1).shape());
        assertArrayEquals(new int[] {2, 12}, x.flatten(1).shape());
        assertArrayEquals(new int[] {2, 3, 4}, x.flatten(-1).shape());
        assertArrayEquals(new int[] {6, 4}, x.flatten(0, 1).shape());
        assertArrayEquals(new int[] {1}, Tensor.scalar(3).flatten().shape());
        assertArrayEquals(new int[] {2, 3, 2, 2}, x.unflatten(2, 2, 2).shape());
        assertArrayEquals(new int[] {2, 3, 2, 2}, x.unflatten(-1, 2, -1).shape());
        assertTrue(sharesStorage(x, x.flatten()));
        assertFalse(sharesStorage(x, x.transpose(0, 1).flatten()));
        assertFails(IllegalArgumentException.class, () -> x.unflatten(1, 2, 2), "unflatten");
    }

    @Test
    void splitChunkUnbind() {
        Tensor x = arange(5, 2);
        Tensor[] parts = x.split(2, 0);
        assertEquals(3, parts.length);
        assertArrayEquals(new int[] {1, 2}, parts[2].shape());
        assertEquals(8, parts[2].get(0, 0));
        assertTrue(sharesStorage(x, parts[1]));
        Tensor[] sized = x.split(new int[] {1, 4}, 0);
        assertArrayEquals(new int[] {4, 2}, sized[1].shape());
        assertFails(IllegalArgumentException.class, () -> x.split(new int[] {1, 2}, 0), "split", "5");
        // torch.arange(6).chunk(4) -> 3 chunks of 2; torch.arange(5).chunk(3) -> sizes 2, 2, 1
        assertEquals(3, Tensor.arange(6).chunk(4, 0).length);
        Tensor[] c = Tensor.arange(5).chunk(3, 0);
        assertEquals(3, c.length);
        assertEquals(1, c[2].numel());
        assertEquals(1, Tensor.zeros(0).chunk(3, 0).length);
        Tensor[] rows = x.unbind(1);
        assertEquals(2, rows.length);
        assertArrayEquals(new int[] {5}, rows[1].shape());
        assertValues(new double[] {1, 3, 5, 7, 9}, rows[1], 0);
        assertFails(IllegalArgumentException.class, () -> x.chunk(0, 0), "chunk");
    }

    @Test
    void contiguousCloneAndDetach() {
        Tensor x = arange(2, 3);
        assertSame(x, x.contiguous());
        Tensor c = x.clone();
        assertFalse(sharesStorage(x, c));
        c.set(-1, 0, 0);
        assertEquals(0, x.get(0, 0));
        Tensor t = x.t().contiguous();
        assertTrue(t.isContiguous());
        assertArrayEquals(new int[] {2, 1}, t.stride());
        assertValues(new double[] {0, 3, 1, 4, 2, 5}, t, 0);
        Tensor d = x.detach();
        assertTrue(sharesStorage(x, d));
        // a tensor with size-1 dims of any stride is contiguous, as in PyTorch
        assertTrue(arange(3, 1).expand(3, 1).isContiguous());
        assertTrue(Tensor.zeros(4, 1).t().isContiguous());
    }

    @Test
    void toDtypeAcrossAllFourDtypes() {
        Tensor f = Tensor.of(-1.7f, -0.5f, 0f, 0.5f, 2.9f);
        // PyTorch truncates toward zero when casting to int64 and maps non-zero to True
        assertArrayEquals(new long[] {-1, 0, 0, 0, 2}, f.to(DType.INT64).toLongArray());
        assertArrayEquals(new boolean[] {true, true, false, true, true}, f.to(DType.BOOL).toBooleanArray());
        assertEquals(DType.FLOAT64, f.to(DType.FLOAT64).dtype());
        assertEquals((double) -1.7f, f.to(DType.FLOAT64).get(0));
        Tensor l = Tensor.of(3L, 0L, -2L);
        assertArrayEquals(new boolean[] {true, false, true}, l.to(DType.BOOL).toBooleanArray());
        assertArrayEquals(new double[] {3, 0, -2}, l.to(DType.FLOAT32).toDoubleArray());
        assertArrayEquals(new double[] {3, 0, -2}, l.to(DType.FLOAT64).toDoubleArray());
        Tensor b = Tensor.of(true, false);
        assertArrayEquals(new long[] {1, 0}, b.to(DType.INT64).toLongArray());
        assertArrayEquals(new double[] {1, 0}, b.to(DType.FLOAT32).toDoubleArray());
        assertArrayEquals(new double[] {1, 0}, b.to(DType.FLOAT64).toDoubleArray());
        Tensor nan = Tensor.of(Float.NaN);
        assertTrue(nan.to(DType.BOOL).toBooleanArray()[0]);
        // large int64 values survive a round trip through float64 exactly (below 2^53)
        long big = (1L << 52) + 3;
        assertEquals(big, Tensor.of(big).to(DType.FLOAT64).to(DType.INT64).toLongArray()[0]);
        assertEquals(big, Tensor.of(big).toLongArray()[0]);
        // same dtype: no copy
        assertSame(f, f.to(DType.FLOAT32));
        // a cast of a strided view reads the view's elements
        Tensor m = arange(2, 3).t().to(DType.INT64);
        assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, m.toLongArray());
    }

    @Test
    void itemAndElementAccess() {
        assertEquals(2.5, Tensor.scalar(2.5).item());
        assertEquals(4, Tensor.of(4L).item());
        assertEquals(1, Tensor.of(true).item());
        assertEquals(7, arange(2, 4).narrow(1, 3, 1).narrow(0, 1, 1).item());
        assertFails(IllegalArgumentException.class, () -> Tensor.zeros(2).item(), "item", "2 elements");
        assertFails(IllegalArgumentException.class, () -> arange(2, 3).get(1), "get", "2 indices");
        assertFails(IndexOutOfBoundsException.class, () -> arange(2, 3).get(1, 3), "index 3", "size 3");
        assertEquals(5, arange(2, 3).get(-1, -1));
    }

    @Test
    void repeatAndRepeatInterleave() {
        Tensor x = Tensor.of(1f, 2f, 3f);
        // torch.tensor([1,2,3]).repeat(2, 2)
        Tensor r = x.repeat(2, 2);
        assertArrayEquals(new int[] {2, 6}, r.shape());
        assertValues(new double[] {1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3}, r, 0);
        assertValues(new double[] {1, 1, 2, 2, 3, 3}, x.repeatInterleave(2, 0), 0);
        Tensor m = arange(2, 2);
        assertValues(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, new int[] {2, 4}, m.repeatInterleave(2, 1), 0);
        assertFails(IllegalArgumentException.class, () -> m.repeat(2), "repeat");
    }

    @Test
    void sortIsStableAndTreatsSignedZerosAsEqual() {
        // torch.tensor([0., -0., 1., -0., 0.]).sort() -> indices [0, 1, 3, 4, 2]
        assertArrayEquals(new long[] {0, 1, 3, 4, 2}, Tensor.of(0f, -0f, 1f, -0f, 0f).sort().indices().toLongArray());
        // torch.tensor([3., nan, 1., nan]).sort(descending=True) -> indices [1, 3, 0, 2]
        Tensor.ValuesIndices d = Tensor.of(3f, Float.NaN, 1f, Float.NaN).sort(0, true);
        assertArrayEquals(new long[] {1, 3, 0, 2}, d.indices().toLongArray());
        assertValues(new double[] {Double.NaN, Double.NaN, 3, 1}, d.values(), 0);
        assertArrayEquals(new long[] {0, 2, 1, 3}, Tensor.of(1f, 2f, 1f, 2f).sort().indices().toLongArray());
        assertArrayEquals(new long[] {1, 3, 0, 2}, Tensor.of(1f, 2f, 1f, 2f).sort(0, true).indices().toLongArray());
        Tensor.ValuesIndices k = Tensor.of(1f, 2f, 3f).topk(3, 0, false, true);
        assertArrayEquals(new long[] {0, 1, 2}, k.indices().toLongArray());
    }

    @Test
    void catSkipsLegacyEmptyVectors() {
        // torch.cat([torch.zeros(0), torch.ones(2, 2)]) is the (2, 2) tensor
        Tensor c = Tensor.cat(0, Tensor.zeros(0), Tensor.ones(2, 2));
        assertArrayEquals(new int[] {2, 2}, c.shape());
        assertArrayEquals(new int[] {0}, Tensor.cat(0, Tensor.zeros(0), Tensor.zeros(0)).shape());
        assertEquals(DType.FLOAT32, Tensor.cat(0, Tensor.of(1L, 2L), Tensor.of(1.5f)).dtype());
        assertArrayEquals(new int[] {4, 3}, Tensor.cat(0, Tensor.zeros(0, 3), Tensor.ones(4, 3)).shape());
    }

    @Test
    void flipAndRoll() {
        Tensor x = arange(2, 3);
        assertValues(new double[] {2, 1, 0, 5, 4, 3}, x.flip(1), 0);
        assertValues(new double[] {5, 4, 3, 2, 1, 0}, x.flip(0, 1), 0);
        assertValues(new double[] {2, 0, 1, 5, 3, 4}, x.roll(1, 1), 0);
        assertValues(new double[] {1, 2, 0, 4, 5, 3}, x.roll(-1, 1), 0);
        assertValues(new double[] {1, 2, 0, 4, 5, 3}, x.roll(5, 1), 0);
        assertValues(new double[] {3, 4, 5, 0, 1, 2}, x.roll(1, 0), 0);
        assertFalse(sharesStorage(x, x.flip(0)));
    }

    /** Any chain of views reads the same elements as the same chain applied naively to a flat array. */
    @Property(tries = 60)
    void randomViewChainsMatchNaiveIndexing(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = Ref.randomShape(r, 4, 1, 4);
        Tensor x = Tensor.arange(0, Ref.numel(shape), 1, DType.FLOAT64).reshape(shape);
        Tensor v = x;
        double[] data = x.toDoubleArray();
        int[] cur = shape.clone();
        for (int step = 0; step < 5 && v.dim() > 0; step++) {
            int d = r.nextInt(v.dim());
            int[] old = cur;
            double[] oldData = data;
            java.util.function.UnaryOperator<int[]> toOld;
            switch (r.nextInt(6)) {
                case 0 -> {
                    int e = r.nextInt(v.dim());
                    v = v.transpose(d, e);
                    cur = old.clone();
                    cur[d] = old[e];
                    cur[e] = old[d];
                    toOld = i -> { int[] o = i.clone(); o[d] = i[e]; o[e] = i[d]; return o; };
                }
                case 1 -> {
                    int size = v.size(d);
                    int start = r.nextInt(size);
                    int len = 1 + r.nextInt(size - start);
                    v = v.narrow(d, start, len);
                    cur = old.clone();
                    cur[d] = len;
                    toOld = i -> { int[] o = i.clone(); o[d] += start; return o; };
                }
                case 2 -> {
                    int k = r.nextInt(v.dim() + 1);
                    v = v.unsqueeze(k);
                    cur = new int[old.length + 1];
                    for (int j = 0, m = 0; j < cur.length; j++) cur[j] = j == k ? 1 : old[m++];
                    toOld = i -> { int[] o = new int[old.length]; for (int j = 0, m = 0; j < i.length; j++) if (j != k) o[m++] = i[j]; return o; };
                }
                case 3 -> {
                    v = v.flip(d);
                    cur = old.clone();
                    toOld = i -> { int[] o = i.clone(); o[d] = old[d] - 1 - i[d]; return o; };
                }
                case 4 -> {
                    int stp = 1 + r.nextInt(2);
                    v = v.slice(d, 0, v.size(d), stp);
                    cur = old.clone();
                    cur[d] = (old[d] + stp - 1) / stp;
                    toOld = i -> { int[] o = i.clone(); o[d] *= stp; return o; };
                }
                default -> {
                    v = v.reshape(-1);
                    cur = new int[] {Ref.numel(old)};
                    toOld = i -> Ref.unravel(i[0], old);
                }
            }
            data = new double[Ref.numel(cur)];
            for (int i = 0; i < data.length; i++) data[i] = oldData[Ref.ravelBroadcast(toOld.apply(Ref.unravel(i, cur)), old)];
            assertArrayEquals(cur, v.shape());
            assertArrayEquals(data, v.toDoubleArray());
            assertArrayEquals(data, v.contiguous().toDoubleArray());
            assertArrayEquals(data, v.clone().toDoubleArray());
        }
    }

    @Property(tries = 40)
    void reshapeSharesStorageExactlyWhenViewIsPossible(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = Ref.randomShape(r, 3, 1, 4);
        if (shape.length < 2) return;
        Tensor x = Tensor.arange(0, Ref.numel(shape), 1, DType.FLOAT32).reshape(shape);
        Tensor t = x.transpose(0, shape.length - 1);
        Tensor flat = t.reshape(-1);
        boolean viewable;
        try {
            t.view(-1);
            viewable = true;
        } catch (IllegalArgumentException e) {
            viewable = false;
        }
        assertEquals(viewable, sharesStorage(x, flat));
        double[] expected = new double[t.numel()];
        for (int i = 0; i < expected.length; i++) expected[i] = t.get(Ref.unravel(i, t.shape()));
        assertArrayEquals(expected, flat.toDoubleArray());
        assertNotSame(null, flat);
    }
}
