package dev.nn4j;

import static dev.nn4j.Ref.assertFails;
import static dev.nn4j.Ref.assertShape;
import static dev.nn4j.Ref.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Reductions and scans against a naive reference: dims, keepdim, negative dims, NaN, empty dims, dtypes. */
class ReductionsTest {

    /** Naive reduction: the elements of each output position, in row-major order, folded by {@code f}. */
    static double[] reduce(double[] v, int[] shape, boolean[] mask, ToDoubleFunction<double[]> f) {
        int[] keep = shape.clone();
        for (int d = 0; d < shape.length; d++) if (mask[d]) keep[d] = 1;
        int outN = Ref.numel(keep);
        List<List<Double>> groups = new ArrayList<>();
        for (int i = 0; i < outN; i++) groups.add(new ArrayList<>());
        for (int i = 0; i < v.length; i++) {
            int[] idx = Ref.unravel(i, shape);
            groups.get(Ref.ravelBroadcast(idx, keep)).add(v[i]);
        }
        double[] out = new double[outN];
        for (int i = 0; i < outN; i++) out[i] = f.applyAsDouble(groups.get(i).stream().mapToDouble(Double::doubleValue).toArray());
        return out;
    }

    static int[] outShape(int[] shape, boolean[] mask, boolean keepdim) {
        List<Integer> s = new ArrayList<>();
        for (int d = 0; d < shape.length; d++) {
            if (!mask[d]) s.add(shape[d]);
            else if (keepdim) s.add(1);
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    static double sum(double[] a) {
        double s = 0;
        for (double x : a) s += x;
        return s;
    }

    static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) m = Double.isNaN(x) || Double.isNaN(m) ? Double.NaN : Math.max(m, x);
        return m;
    }

    static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : a) m = Double.isNaN(x) || Double.isNaN(m) ? Double.NaN : Math.min(m, x);
        return m;
    }

    /** First index of the maximum, NaN counting as the maximum (PyTorch). */
    static double argmax(double[] a, boolean max) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (Double.isNaN(a[best])) break;
            if (Double.isNaN(a[i]) || (max ? a[i] > a[best] : a[i] < a[best])) best = i;
        }
        return best;
    }

    static double var(double[] a, double correction) {
        double m = sum(a) / a.length, s = 0;
        for (double x : a) s += (x - m) * (x - m);
        return s / Math.max(0, a.length - correction);
    }

    static double logsumexp(double[] a) {
        double m = max(a);
        if (Double.isInfinite(m)) m = 0;
        double s = 0;
        for (double x : a) s += Math.exp(x - m);
        return Math.log(s) + m;
    }

    static double norm(double[] a, double p) {
        if (p == Double.POSITIVE_INFINITY) return a.length == 0 ? 0 : max(Arrays.stream(a).map(Math::abs).toArray());
        if (p == 0) return Arrays.stream(a).filter(x -> x != 0).count();
        double s = 0;
        for (double x : a) s += Math.pow(Math.abs(x), p);
        return Math.pow(s, 1 / p);
    }

    /** A random subset of dims, each given as positive or negative. */
    static int[] randomDims(Random r, int ndim) {
        List<Integer> dims = new ArrayList<>();
        for (int d = 0; d < ndim; d++) if (r.nextBoolean()) dims.add(r.nextBoolean() ? d : d - ndim);
        if (dims.isEmpty() && ndim > 0) dims.add(r.nextInt(ndim));
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    static boolean[] mask(int[] dims, int ndim) {
        boolean[] m = new boolean[ndim];
        for (int d : dims) m[d < 0 ? d + ndim : d] = true;
        if (ndim > 0 && dims.length == 0) Arrays.fill(m, true);
        return m;
    }

    @Property(tries = 60)
    void floatingReductionsMatchNaiveReference(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = Ref.randomShape(r, 4, 1, 4);
        DType dt = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        double[] v = Ref.randomValues(r, dt, Ref.numel(shape));
        Tensor x = Ref.layout(v, dt, shape, r.nextInt(4));
        int[] dims = randomDims(r, shape.length);
        boolean keepdim = r.nextBoolean();
        boolean[] m = mask(dims, shape.length);
        int[] out = outShape(shape, m, keepdim);
        double tol = dt == DType.FLOAT32 ? 2e-5 : 1e-12;
        String what = Arrays.toString(shape) + " dims " + Arrays.toString(dims) + " keepdim " + keepdim + " " + dt;
        check(what + " sum", reduce(v, shape, m, ReductionsTest::sum), out, x.sum(dims, keepdim), tol, dt);
        check(what + " mean", reduce(v, shape, m, a -> sum(a) / a.length), out, x.mean(dims, keepdim), tol, dt);
        check(what + " prod", reduce(v, shape, m, a -> Arrays.stream(a).reduce(1, (p, q) -> p * q)), out,
                Reductions.prod(x, dims, keepdim), tol, dt);
        check(what + " amax", reduce(v, shape, m, ReductionsTest::max), out, x.amax(dims, keepdim), 0, dt);
        check(what + " amin", reduce(v, shape, m, ReductionsTest::min), out, x.amin(dims, keepdim), 0, dt);
        check(what + " logsumexp", reduce(v, shape, m, ReductionsTest::logsumexp), out, x.logsumexp(dims, keepdim), tol, dt);
        for (double p : new double[] {1, 2, 3, Double.POSITIVE_INFINITY, 0}) {
            check(what + " norm " + p, reduce(v, shape, m, a -> norm(a, p)), out, x.norm(p, dims, keepdim), tol, dt);
        }
        for (double c : new double[] {0, 1}) {
            check(what + " var " + c, reduce(v, shape, m, a -> var(a, c)), out, x.var(dims, c, keepdim), tol, dt);
            check(what + " std " + c, reduce(v, shape, m, a -> Math.sqrt(var(a, c))), out, x.std(dims, c, keepdim), tol, dt);
        }
        check(what + " all", reduce(v, shape, m, a -> Arrays.stream(a).allMatch(q -> q != 0) ? 1 : 0), out, allOrAny(x, dims, keepdim, true), 0, DType.BOOL);
        check(what + " any", reduce(v, shape, m, a -> Arrays.stream(a).anyMatch(q -> q != 0) ? 1 : 0), out, allOrAny(x, dims, keepdim, false), 0, DType.BOOL);
    }

    private static Tensor allOrAny(Tensor x, int[] dims, boolean keepdim, boolean all) {
        return Reductions.logical(x, dims, keepdim, all);
    }

    private static void check(String what, double[] expected, int[] shape, Tensor actual, double tol, DType dt) {
        assertEquals(dt, actual.dtype(), what);
        assertArrayEquals(shape, actual.shape(), what);
        assertValues(what, expected, actual, tol);
    }

    @Property(tries = 60)
    void indexReductionsAndScansMatchNaiveReference(@ForAll long seed) {
        Random r = new Random(seed);
        int[] shape = Ref.randomShape(r, 3, 1, 5);
        if (shape.length == 0) shape = new int[] {3};
        DType dt = new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}[r.nextInt(3)];
        double[] v = Ref.randomValues(r, dt, Ref.numel(shape));
        if (dt != DType.INT64) for (int i = 0; i < v.length; i++) if (r.nextInt(10) == 0) v[i] = Double.NaN;
        for (int i = 0; i < v.length; i++) if (r.nextInt(4) == 0) v[i] = Math.round(v[i] / 3);   // ties
        Tensor x = Ref.layout(v, dt, shape, r.nextInt(4));
        int d = r.nextInt(shape.length);
        int dim = r.nextBoolean() ? d : d - shape.length;
        boolean keepdim = r.nextBoolean();
        boolean[] m = new boolean[shape.length];
        m[d] = true;
        int[] out = outShape(shape, m, keepdim);
        String what = Arrays.toString(shape) + " dim " + dim + " " + dt;
        for (boolean isMax : new boolean[] {true, false}) {
            Tensor.ValuesIndices vi = isMax ? x.max(dim, keepdim) : x.min(dim, keepdim);
            double[] idx = reduce(v, shape, m, a -> argmax(a, isMax));
            check(what + " max/min values", reduce(v, shape, m, a -> isMax ? max(a) : min(a)), out, vi.values(), 0, dt);
            check(what + " max/min indices", idx, out, vi.indices(), 0, DType.INT64);
            check(what + " argmax/argmin", idx, out, isMax ? x.argmax(dim, keepdim) : x.argmin(dim, keepdim), 0, DType.INT64);
            Tensor flat = isMax ? x.argmax() : x.argmin();
            assertEquals(argmax(flatten(v), isMax), flat.item(), what + " flat argmax");
            assertEquals(0, flat.dim());
        }
        // scans along dim
        DType scanType = dt.isFloatingPoint() ? dt : DType.INT64;
        double[] cs = new double[v.length], cp = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int[] idx = Ref.unravel(i, shape);
            double s = 0, p = 1;
            for (int k = 0; k <= idx[d]; k++) {
                int[] j = idx.clone();
                j[d] = k;
                double val = v[Ref.ravelBroadcast(j, shape)];
                s += val;
                p *= val;
            }
            cs[i] = s;
            cp[i] = p;
        }
        check(what + " cumsum", cs, shape, x.cumsum(dim), dt == DType.FLOAT32 ? 1e-5 : 1e-12, scanType);
        check(what + " cumprod", cp, shape, x.cumprod(dim), dt == DType.FLOAT32 ? 1e-5 : 1e-12, scanType);
    }

    private static double[] flatten(double[] v) {
        return v;
    }

    @Test
    void nanPropagatesThroughMaxAndIndexReductions() {
        // torch.tensor([[1., nan, 3.], [4., 5., 6.]])
        Tensor x = Tensor.fromArray(new float[] {1, Float.NaN, 3, 4, 5, 6}, 2, 3);
        assertValues(new double[] {Double.NaN, 6}, x.amax(1), 0);
        assertValues(new double[] {Double.NaN, 4}, x.amin(1), 0);
        assertValues(new double[] {1, 2}, x.max(1).indices(), 0);
        assertValues(new double[] {1, 0}, x.min(1).indices(), 0);
        assertValues(new double[] {1, 2}, x.argmax(1), 0);
        assertEquals(1, x.argmax().item());
        assertTrue(Double.isNaN(x.max().item()));
        assertTrue(Double.isNaN(x.min().item()));
        assertTrue(Double.isNaN(x.sum().item()));
        // long rows go through the vector kernels
        Tensor big = Tensor.ones(3, 100);
        big.set(Double.NaN, 1, 77);
        assertValues(new double[] {1, Double.NaN, 1}, big.amax(1), 0);
        assertValues(new double[] {1, Double.NaN, 1}, big.amin(1), 0);
        assertValues(new double[] {100, Double.NaN, 100}, big.sum(1), 0);
    }

    @Test
    void emptyDimensionsFollowPyTorch() {
        Tensor z = Tensor.zeros(0, 3);
        assertValues(new double[] {0, 0, 0}, new int[] {3}, z.sum(0), 0);
        assertValues(new double[] {1, 1, 1}, new int[] {3}, z.prod(0, false), 0);
        assertValues(new double[] {Double.NaN, Double.NaN, Double.NaN}, new int[] {3}, z.mean(0), 0);
        assertShape(new int[] {0}, z.amax(1));
        assertArrayEquals(new boolean[] {true, true, true}, z.all(0).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false}, z.any(0).toBooleanArray());
        assertValues(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, z.logsumexp(0), 0);
        assertValues(new double[] {0, 0, 0}, z.norm(2, new int[] {0}, false), 0);
        assertValues(new double[] {Double.NaN, Double.NaN, Double.NaN}, z.var(0), 0);
        assertShape(new int[] {0, 3}, z.cumsum(0));
        assertShape(new int[] {0, 3}, z.cumsum(1));
        assertShape(new int[] {0, 3}, z.cumprod(1));
        assertEquals(0, Tensor.zeros(0).sum().item());
        assertEquals(1, Tensor.zeros(0).prod().item());
        // torch: "amax(): Expected reduction dim 0 to have non-zero size."
        assertFails(IllegalArgumentException.class, () -> z.amax(0), "amax", "non-zero size");
        assertFails(IllegalArgumentException.class, () -> z.max(0), "max", "non-zero size");
        assertFails(IllegalArgumentException.class, () -> z.argmax(), "argmax", "numel() == 0");
        assertFails(IllegalArgumentException.class, () -> Tensor.zeros(0).max(), "max");
    }

    @Test
    void dtypesOfReductions() {
        Tensor i = Tensor.of(1L, 2L, 3L), b = Tensor.of(true, false, true);
        assertEquals(DType.INT64, i.sum().dtype());
        assertEquals(6, i.sum().item());
        assertEquals(DType.INT64, b.sum().dtype());
        assertEquals(2, b.sum().item());
        assertEquals(DType.INT64, i.prod().dtype());
        assertEquals(DType.INT64, i.amax(0).dtype());
        assertEquals(DType.BOOL, i.all().dtype());
        assertEquals(DType.INT64, i.cumsum(0).dtype());
        assertEquals(DType.INT64, b.cumsum(0).dtype());
        assertEquals(DType.INT64, b.cumprod(0).dtype());
        assertEquals(2, b.countNonzero().item());
        assertFails(IllegalArgumentException.class, i::mean, "mean", "floating point");
        // large int64 sums stay exact
        long big = (1L << 60) + 1;
        assertEquals(2 * big, Tensor.of(big, big).sum().toLongArray()[0]);
        assertEquals(big, Tensor.of(big, 1L).amax(0).toLongArray()[0]);
    }

    @Test
    void zeroDimAndFullReductions() {
        Tensor s = Tensor.scalar(5);
        assertEquals(5, s.sum(0).item());
        assertEquals(5, s.amax(0).item());
        assertEquals(5, s.max(0).values().item());
        assertEquals(0, s.max(0).indices().item());
        assertEquals(0, s.argmax(0).item());
        assertEquals(5, s.cumsum(0).item());
        assertEquals(5, s.logsumexp(0).item());
        Tensor x = Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2);
        assertEquals(10, x.sum().item());
        assertEquals(0, x.sum().dim());
        assertEquals(2.5, x.mean().item());
        assertEquals(24, x.prod().item());
        assertEquals(4, x.max().item());
        assertEquals(1, x.min().item());
        assertEquals(Math.sqrt(30), x.norm().item(), 1e-6);
        assertEquals(5.0 / 3, x.var().item(), 1e-6);
        assertEquals(Math.sqrt(5.0 / 3), x.std().item(), 1e-6);
        assertEquals(4, x.norm(Double.POSITIVE_INFINITY, null, false).item());
        assertShape(new int[] {1, 1}, x.sum(new int[] {0, 1}, true));
        // var with correction 2: torch.tensor([1., 2., 4.]).var(0, correction=2) == 4.6667
        assertEquals(14.0 / 3, Tensor.of(1f, 2f, 4f).var(new int[] {0}, 2, false).item(), 1e-5);
        // a single element has no unbiased variance
        assertTrue(Double.isNaN(Tensor.of(1f).var().item()));
        // torch.tensor([1., 2., 0., 3.]).cumprod(0)
        assertValues(new double[] {1, 2, 0, 0}, Tensor.of(1f, 2f, 0f, 3f).cumprod(0), 0);
        assertValues(new double[] {Double.NEGATIVE_INFINITY}, Tensor.of(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY).logsumexp(new int[] {0}, true), 0);
        assertValues(new double[] {Double.POSITIVE_INFINITY}, Tensor.of(Float.POSITIVE_INFINITY, 1f).logsumexp(0).reshape(1), 0);
    }

    @Test
    void badDimsAreReported() {
        Tensor x = Tensor.ones(1, 2);
        assertFails(IllegalArgumentException.class, () -> x.sum(new int[] {0, 0}, false), "sum", "multiple times");
        assertFails(IllegalArgumentException.class, () -> x.sum(new int[] {0, -2}, false), "sum", "multiple times");
        assertFails(IllegalArgumentException.class, () -> x.sum(2), "sum", "out of range", "[-2, 1]");
        assertFails(IllegalArgumentException.class, () -> x.amax(-3), "amax", "out of range");
        assertFails(IllegalArgumentException.class, () -> x.max(2), "max", "out of range");
        assertFails(IllegalArgumentException.class, () -> x.cumsum(2), "cumsum", "out of range");
        assertFails(IllegalArgumentException.class, () -> x.cumprod(-3), "cumprod", "out of range");
    }

    @Test
    void maxOverAllElementsSharesItsGradientAmongNaNs() {
        // torch.max(x) with a NaN result: evenly_distribute_backward gives the NaN elements g / count
        Tensor x = Tensor.fromArray(new float[] {1f, Float.NaN, 3f, Float.NaN}, 2, 2).requiresGrad_();
        Tensor m = x.max();
        assertTrue(Double.isNaN(m.item()));
        m.backward(Tensor.scalar(4.0, DType.FLOAT32));
        assertValues(new double[] {0, 2, 0, 2}, x.grad(), 0);
        Tensor y = Tensor.of(2f, Float.NaN, -1f).requiresGrad_();
        y.min().backward(Tensor.scalar(1.0, DType.FLOAT32));
        assertValues(new double[] {0, 1, 0}, y.grad(), 0);
    }

    @Test
    void normGradientsForOrderZeroAndBelowOne() {
        // p = 0 counts nonzeros and is differentiable with a zero gradient
        Tensor x = Tensor.of(1.5f, 0f, -2f).requiresGrad_();
        Tensor n0 = x.norm(0, null, false);
        assertEquals(2.0, n0.item(), 0);
        assertTrue(n0.requiresGrad());
        n0.backward();
        assertValues(new double[] {0, 0, 0}, x.grad(), 0);
        // p = 0.5: sgn(x) |x|^(p-1) g norm^(1-p), 0 at zero elements (not 0 * inf)
        Tensor z = Tensor.of(4f, 0f, -1f).requiresGrad_();
        Tensor n = z.norm(0.5, null, false);
        assertEquals(9.0, n.item(), 1e-5);
        n.backward();
        assertValues(new double[] {0.5 * 3, 0, -3}, z.grad(), 1e-6);
    }
}
