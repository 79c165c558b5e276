package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ConvTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pooling: the window kernels against the composites of {@link ConvPoolComposite} (values and gradients) on random
 * configurations, GradCheck in float64 for every pooling op, indices, fractional pooling's randomness, unbatched
 * inputs, options, and the error messages.
 */
class PoolTest {
    private final Generator gen = new Generator(5);

    @Test
    void randomMaxAndAvgPoolingMatchTheComposites() {
        Random r = new Random(23);
        for (int i = 0; i < 40; i++) {
            int dims = 1 + r.nextInt(3);
            int[] k = new int[dims], s = new int[dims], p = new int[dims], d = new int[dims], in = new int[dims];
            for (int j = 0; j < dims; j++) {
                k[j] = 1 + r.nextInt(3);
                s[j] = 1 + r.nextInt(3);
                p[j] = r.nextInt(k[j] / 2 + 1);
                d[j] = 1 + r.nextInt(2);
                in[j] = d[j] * (k[j] - 1) + 1 + r.nextInt(dims == 3 ? 4 : 7);
            }
            boolean ceil = r.nextBoolean(), includePad = r.nextBoolean();
            int[] shape = new int[dims + 2];
            shape[0] = 1 + r.nextInt(2);
            shape[1] = 1 + r.nextInt(3);
            System.arraycopy(in, 0, shape, 2, dims);
            Tensor x = Tensor.randn(gen, shape).requiresGrad_();
            MaxPool mp = MaxPool.opts(k).stride(s).padding(p).dilation(d).ceilMode(ceil);
            compare("max " + i + " " + mp, x, () -> mp.apply(x), () -> ConvPoolComposite.maxPool(x, k, s, p, d, ceil));
            Integer divisor = r.nextInt(4) == 0 ? 1 + r.nextInt(5) : null;
            AvgPool ap = AvgPool.opts(k).stride(s).padding(p).ceilMode(ceil).countIncludePad(includePad).divisorOverride(divisor);
            compare("avg " + i + " " + ap, x, () -> ap.apply(x), () -> ConvPoolComposite.avgPool(x, k, s, p, ceil, includePad, divisor));
        }
    }

    @Test
    void gradCheckInFloat64() {
        Tensor x1 = rand64(2, 2, 9), x2 = rand64(1, 2, 6, 7), x3 = rand64(1, 1, 4, 5, 4);
        GradCheck.check(t -> F.maxPool1d(t[0], MaxPool.opts(3).stride(2).padding(1).dilation(2).ceilMode(true)), x1);
        GradCheck.check(t -> F.maxPool2d(t[0], MaxPool.opts(3, 2).stride(2).padding(1, 0)), x2);
        GradCheck.check(t -> F.maxPool3d(t[0], MaxPool.opts(2).ceilMode(true)), x3);
        GradCheck.check(t -> F.avgPool1d(t[0], AvgPool.opts(3).stride(2).padding(1).countIncludePad(false).ceilMode(true)), x1);
        GradCheck.check(t -> F.avgPool2d(t[0], AvgPool.opts(2, 3).padding(1).divisorOverride(4)), x2);
        GradCheck.check(t -> F.avgPool3d(t[0], AvgPool.opts(2).stride(1)), x3);
        GradCheck.check(t -> F.adaptiveMaxPool1d(t[0], 4), x1);
        GradCheck.check(t -> F.adaptiveMaxPool2d(t[0], 4, 5), x2);
        GradCheck.check(t -> F.adaptiveMaxPool3d(t[0], 3, -1, 2), x3);
        GradCheck.check(t -> F.adaptiveAvgPool1d(t[0], 5), x1);
        GradCheck.check(t -> F.adaptiveAvgPool2d(t[0], 4, 9), x2);
        GradCheck.check(t -> F.adaptiveAvgPool3d(t[0], 2), x3);
        Tensor pos = Tensor.rand(DType.FLOAT64, gen, 1, 2, 6, 6).add(0.5).requiresGrad_();
        GradCheck.check(t -> F.lpPool2d(t[0], 3, new int[] {2}, new int[] {2, 1}, false), pos);
        GradCheck.check(t -> F.lpPool1d(t[0], 2, 3), Tensor.rand(DType.FLOAT64, gen, 2, 3, 7).add(0.5).requiresGrad_());
        GradCheck.check(t -> F.lpPool3d(t[0], 1.5, 2), Tensor.rand(DType.FLOAT64, gen, 1, 1, 4, 4, 4).add(0.5).requiresGrad_());
        Tensor samples = Tensor.rand(DType.FLOAT64, gen, 1, 2, 2);
        GradCheck.check(t -> F.fractionalMaxPool2d(t[0], FractionalMaxPool.opts(2).outputSize(3, 4).randomSamples(samples)), x2);
        Tensor samples3 = Tensor.rand(DType.FLOAT64, gen, 1, 1, 3);
        GradCheck.check(t -> F.fractionalMaxPool3d(t[0], FractionalMaxPool.opts(2).outputSize(2, 3, 2).randomSamples(samples3)), x3);
        var vi = F.maxPool2dWithIndices(x2.detach(), MaxPool.opts(2));
        Tensor v = vi.values().requiresGrad_();
        GradCheck.check(t -> F.maxUnpool2d(t[0], vi.indices(), MaxUnpool.opts(2).outputSize(6, 7)), v);
    }

    @Test
    void maxPoolIndicesPointAtTheMaximaAndUnpoolPutsThemBack() {
        Tensor x = Tensor.randn(gen, 2, 3, 8, 9);
        var vi = F.maxPool2dWithIndices(x, MaxPool.opts(3).stride(2).padding(1));
        assertEquals(DType.INT64, vi.indices().dtype());
        Tensor gathered = x.flatten(2, -1).gather(2, vi.indices().flatten(2, -1)).reshape(vi.values().shape());
        assertClose(vi.values(), gathered, 0, "values at the indices");
        Tensor up = F.maxUnpool2d(vi.values(), vi.indices(), MaxUnpool.opts(3).stride(2).padding(1).outputSize(8, 9));
        assertArrayEquals(x.shape(), up.shape());
        // every maximum is back at its place; everything else is zero
        Tensor kept = up.ne(0);
        assertClose(x.mul(kept.to(DType.FLOAT32)), up, 0, "unpooled");
    }

    @Test
    void tiesKeepTheFirstMaximumAndNanWins() {
        Tensor x = Tensor.fromArray(new float[] {1, 3, 3, 0, Float.NaN, 2, 5, 5}, 1, 1, 8);
        var vi = F.maxPool1dWithIndices(x, MaxPool.opts(2));
        assertArrayEquals(new long[] {1, 2, 4, 6}, vi.indices().toLongArray());
        assertTrue(Double.isNaN(vi.values().get(0, 0, 2)));
        Tensor g = Tensor.randn(gen, 1, 1, 4);
        Tensor xg = x.clone().requiresGrad_();
        Tensor dx = Autograd.grad(List.of(F.maxPool1d(xg, 2)), List.of(xg), List.of(g), false)[0];
        assertEquals(g.get(0, 0, 0), dx.get(0, 0, 1), 0);
        assertEquals(0, dx.get(0, 0, 0), 0);
        assertEquals(g.get(0, 0, 3), dx.get(0, 0, 6), 0);
    }

    @Test
    void adaptivePoolingCoversTheInputWithOverlappingWindows() {
        Tensor x = Tensor.arange(0, 10, 1).toFloat().reshape(1, 1, 10);
        // windows [0,3) [2,5) [5,8) [7,10)
        assertArrayEquals(new float[] {1, 3, 6, 8}, F.adaptiveAvgPool1d(x, 4).toFloatArray());
        assertArrayEquals(new float[] {2, 4, 7, 9}, F.adaptiveMaxPool1d(x, 4).toFloatArray());
        Tensor img = Tensor.randn(gen, 2, 3, 5, 7);
        assertClose(img.mean(new int[] {2, 3}, true), F.adaptiveAvgPool2d(img, 1), 1e-6, "global average");
        assertArrayEquals(new int[] {2, 3, 5, 2}, F.adaptiveAvgPool2d(img, -1, 2).shape());
    }

    @Test
    void fractionalPoolingDrawsItsWindowsFromTheGenerator() {
        Tensor x = Tensor.randn(gen, 2, 3, 12, 11);
        FractionalMaxPool o = FractionalMaxPool.opts(2).outputRatio(0.5);
        Tensor a = F.fractionalMaxPool2d(x, o.generator(new Generator(7)));
        Tensor b = F.fractionalMaxPool2d(x, o.generator(new Generator(7)));
        assertArrayEquals(new int[] {2, 3, 6, 5}, a.shape());
        assertClose(a, b, 0, "same seed");
        boolean differs = false;
        for (int seed = 8; seed < 12 && !differs; seed++) differs = !a.equal(F.fractionalMaxPool2d(x, o.generator(new Generator(seed))));
        assertTrue(differs, "other seeds draw other windows");
        var vi = F.fractionalMaxPool3dWithIndices(Tensor.randn(gen, 3, 6, 7, 8), FractionalMaxPool.opts(2, 3, 2).outputSize(3));
        assertArrayEquals(new int[] {3, 3, 3, 3}, vi.values().shape());
        for (long i : vi.indices().toLongArray()) assertTrue(i >= 0 && i < 6 * 7 * 8);
    }

    @Test
    void unbatchedInputsAndPrimitives() {
        Tensor x = Tensor.randn(gen, 3, 8, 9);
        assertArrayEquals(new int[] {3, 4, 4}, F.maxPool2d(x, 2).shape());
        assertClose(F.avgPool2d(x.unsqueeze(0), 3).squeeze(0), F.avgPool2d(x, 3), 0, "unbatched avg");
        assertArrayEquals(new int[] {3, 5}, F.maxPool1d(Tensor.randn(gen, 3, 11), MaxPool.opts(3).stride(2)).shape());
        MaxPool mp = MaxPool.opts(2).stride(1);
        assertClose(F.maxPool2d(x.unsqueeze(0), mp), mp.apply(x.unsqueeze(0)), 0, "primitive");
        assertEquals("MaxPool(kernel_size=[2], stride=[1], padding=[0], dilation=[1], ceil_mode=false)", mp.toString());
        assertFalse(mp.ceilMode(true) == mp);
        assertEquals(null, MaxPool.opts(2).stride());
    }

    @Test
    void errorsNameTheOpTheArgumentAndTheShapes() {
        assertMessage(() -> F.maxPool2d(Tensor.zeros(1, 1, 8, 8), MaxPool.opts(3).padding(2)),
                "maxPool2d: padding should be at most half of kernel size, but got padding=[2, 2] and kernel_size=[3, 3]");
        assertMessage(() -> F.avgPool1d(Tensor.zeros(1, 1, 2), 3), "avgPool1d: input of shape (1, 1, 2) gives output size (0,)");
        assertMessage(() -> F.maxPool2d(Tensor.zeros(8, 8), 2), "maxPool2d: expected 3-D (unbatched) or 4-D (batched) input, got input of shape (8, 8)");
        assertMessage(() -> F.maxPool2d(Tensor.zeros(1, 0, 4, 4), 2), "maxPool2d: expected input with non-zero sizes");
        assertMessage(() -> F.maxPool2d(Tensor.zeros(DType.INT64, 1, 1, 4, 4), 2), "maxPool2d: expected input of dtype float32 or float64, got ");
        assertMessage(() -> F.maxPool3d(Tensor.zeros(1, 1, 4, 4, 4), MaxPool.opts(2, 2)), "maxPool3d: kernel_size must be one int or 3 ints, got [2, 2]");
        assertMessage(() -> MaxPool.opts(0), "MaxPool: kernel_size must be positive, got [0]");
        assertMessage(() -> AvgPool.opts(2).divisorOverride(0), "AvgPool: divisor_override must not be zero");
        assertMessage(() -> F.adaptiveAvgPool2d(Tensor.zeros(1, 1, 4, 4), -2), "adaptiveAvgPool2d: output_size must be non-negative");
        assertMessage(() -> F.fractionalMaxPool2d(Tensor.zeros(1, 1, 4, 4), FractionalMaxPool.opts(2)),
                "fractionalMaxPool2d: requires specifying either an output_size or an output_ratio");
        assertMessage(() -> F.fractionalMaxPool2d(Tensor.zeros(1, 1, 4, 4), FractionalMaxPool.opts(3).outputSize(3)),
                "fractionalMaxPool2d: kernel_size [3, 3] with output size [3, 3] is too large");
        assertMessage(() -> F.fractionalMaxPool2d(Tensor.zeros(2, 1, 6, 6), FractionalMaxPool.opts(2).outputSize(3).randomSamples(Tensor.zeros(1, 1, 2))),
                "fractionalMaxPool2d: expected random samples of shape (2, 1, 2), got (1, 1, 2)");
        assertMessage(() -> FractionalMaxPool.opts(2).outputRatio(1.5), "FractionalMaxPool: output_ratio must be between 0 and 1");
        Tensor v = Tensor.zeros(1, 1, 2, 2);
        Tensor idx = Tensor.fromArray(new long[] {0, 1, 2, 40}, 1, 1, 2, 2);
        assertMessage(() -> F.maxUnpool2d(v, idx, 2), "maxUnpool2d: found an invalid max index 40 (output volumes are of size 4x4)");
        assertMessage(() -> F.maxUnpool2d(v, idx.toFloat(), 2), "maxUnpool2d: expected int64 indices, got ");
        assertMessage(() -> F.maxUnpool2d(v, idx, MaxUnpool.opts(2).outputSize(7, 4)), "maxUnpool2d: invalid output_size [7, 4] (dim 0 must be between 2 and 6");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private interface Op {
        Tensor run();
    }

    private void compare(String what, Tensor x, Op fast, Op reference) {
        Tensor y = fast.run(), want = reference.run();
        assertClose(want, y, 1e-5, what + " forward");
        Tensor g = Tensor.randn(gen, y.shape());
        Tensor got = Autograd.grad(List.of(y), List.of(x), List.of(g), false)[0];
        Tensor expected = Autograd.grad(List.of(want), List.of(x), List.of(g), false)[0];
        assertClose(expected, got, 1e-5, what + " grad");
    }

    private static void assertMessage(Runnable call, String start) {
        var e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().startsWith(start), "message: " + e.getMessage());
    }

    private Tensor rand64(int... shape) {
        return Tensor.randn(DType.FLOAT64, gen, shape).requiresGrad_();
    }
}
