package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * conv1d/2d/3d, convTranspose and unfold/fold: the GEMM kernels against the composite of {@link ConvPoolComposite}
 * (values and gradients) on random configurations, GradCheck in float64, transposed conv as the gradient of conv,
 * unbatched inputs, the options objects, and the error messages.
 */
class ConvTest {
    private final Generator gen = new Generator(99);

    @Test
    void randomConvolutionsMatchTheCompositeInValuesAndGradients() {
        Random r = new Random(17);
        for (int i = 0; i < 40; i++) {
            int dims = 1 + r.nextInt(3), groups = 1 + r.nextInt(3);
            int cin = groups * (1 + r.nextInt(3)), cout = groups * (1 + r.nextInt(4)), n = 1 + r.nextInt(3);
            int[] k = new int[dims], st = new int[dims], pad = new int[dims], dil = new int[dims], in = new int[dims];
            for (int d = 0; d < dims; d++) {
                k[d] = 1 + r.nextInt(3);
                st[d] = 1 + r.nextInt(2);
                pad[d] = r.nextInt(k[d] + 1);
                dil[d] = 1 + r.nextInt(2);
                in[d] = Math.max(1, dil[d] * (k[d] - 1) + 1 - 2 * pad[d]) + r.nextInt(dims == 3 ? 3 : 6);
            }
            boolean bias = r.nextBoolean();
            Tensor x = Tensor.randn(gen, concat(n, cin, in)).requiresGrad_();
            Tensor w = Tensor.randn(gen, concat(cout, cin / groups, k)).requiresGrad_();
            Tensor b = bias ? Tensor.randn(gen, cout).requiresGrad_() : null;
            Conv opts = Conv.opts().stride(st).padding(pad).dilation(dil).groups(groups);
            compare("case " + i + " " + opts, x, w, b,
                    () -> opts.apply(x, w, b),
                    () -> ConvPoolComposite.conv(x, w, b, st, pad, pad, dil, groups));
        }
    }

    @Test
    void samePaddingWithEvenKernelsPadsTheExtraOnTheRight() {
        Tensor x = Tensor.randn(gen, 2, 3, 7, 6).requiresGrad_(), w = Tensor.randn(gen, 4, 3, 4, 2).requiresGrad_();
        Conv same = Conv.opts().padding("same").dilation(1, 3);
        // total padding dilation * (k - 1) = (3, 3): left (1, 1), right (2, 2)
        compare("same", x, w, null, () -> F.conv2d(x, w, null, same),
                () -> ConvPoolComposite.conv(x, w, null, new int[] {1, 1}, new int[] {1, 1}, new int[] {2, 2}, new int[] {1, 3}, 1));
        assertArrayEquals(new int[] {2, 4, 7, 6}, F.conv2d(x, w, null, same).shape());
        assertArrayEquals(new int[] {2, 4, 4, 5}, F.conv2d(x, w, null, Conv.opts().padding("valid")).shape());
    }

    @Test
    void gradCheckInFloat64() {
        Tensor x1 = rand64(2, 4, 7), w1 = rand64(6, 2, 3), b1 = rand64(6);
        GradCheck.check(t -> F.conv1d(t[0], t[1], t[2], Conv.opts().stride(2).padding(1).dilation(2).groups(2)), x1, w1, b1);
        Tensor x2 = rand64(2, 3, 5, 6), w2 = rand64(2, 3, 2, 3), b2 = rand64(2);
        GradCheck.check(t -> F.conv2d(t[0], t[1], t[2], Conv.opts().stride(1, 2).padding(1, 2)), x2, w2, b2);
        Tensor x3 = rand64(1, 2, 4, 3, 4), w3 = rand64(2, 1, 2, 2, 3);
        GradCheck.check(t -> F.conv3d(t[0], t[1], null, Conv.opts().groups(2).padding("same")), x3, w3);
        Tensor u1 = rand64(2, 4, 4), v1 = rand64(4, 3, 3), c1 = rand64(6);
        GradCheck.check(t -> F.convTranspose1d(t[0], t[1], t[2], ConvTranspose.opts().stride(2).padding(1).outputPadding(1).groups(2)), u1, v1, c1);
        Tensor u2 = rand64(1, 2, 3, 4), v2 = rand64(2, 2, 3, 2);
        GradCheck.check(t -> F.convTranspose2d(t[0], t[1], null, ConvTranspose.opts().stride(2, 1).dilation(2)), u2, v2);
        Tensor u3 = rand64(1, 2, 2, 3, 2), v3 = rand64(2, 1, 2, 2, 2), c3 = rand64(1);
        GradCheck.check(t -> F.convTranspose3d(t[0], t[1], t[2], ConvTranspose.opts().stride(2).padding(1).outputPadding(1)), u3, v3, c3);
        GradCheck.check(t -> F.unfold(t[0], new int[] {2, 3}, new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}), rand64(2, 2, 5, 6));
        GradCheck.check(t -> F.fold(t[0], new int[] {4, 5}, new int[] {2, 2}, new int[] {1}, new int[] {1}, new int[] {1}), rand64(2, 8, 30));
    }

    @Test
    void transposedConvolutionIsTheInputGradientOfConvolution() {
        Tensor x = Tensor.randn(gen, 2, 6, 9, 8).requiresGrad_(), w = Tensor.randn(gen, 4, 3, 3, 2);
        Conv c = Conv.opts().stride(2, 3).padding(1, 1).dilation(1, 2).groups(2);
        Tensor y = F.conv2d(x, w, null, c);
        Tensor g = Tensor.randn(gen, y.shape());
        Tensor dx = Autograd.grad(java.util.List.of(y), java.util.List.of(x), java.util.List.of(g), false)[0];
        // output_padding recovers the input size the strided conv rounded away: in - ((out - 1) * s - 2 * p + d * (k - 1) + 1)
        int[] outPad = {9 - ((y.size(2) - 1) * 2 - 2 + 2 + 1), 8 - ((y.size(3) - 1) * 3 - 2 + 2 + 1)};
        Tensor t = F.convTranspose2d(g, w, null, ConvTranspose.opts().stride(2, 3).padding(1, 1).dilation(1, 2).groups(2).outputPadding(outPad));
        assertClose(dx, t, 1e-4, "convTranspose2d vs conv2d input gradient");
    }

    @Test
    void unfoldMatchesConvolutionAsMatmulAndFoldIsItsAdjoint() {
        Tensor x = Tensor.randn(gen, 2, 3, 6, 7), w = Tensor.randn(gen, 5, 3, 2, 3);
        Tensor cols = F.unfold(x, new int[] {2, 3}, new int[] {1}, new int[] {1}, new int[] {2});
        assertArrayEquals(new int[] {2, 18, 4 * 4}, cols.shape());
        Tensor viaMatmul = w.reshape(5, 18).matmul(cols).reshape(2, 5, 4, 4);
        assertClose(F.conv2d(x, w, null, Conv.opts().padding(1).stride(2)), viaMatmul, 1e-4, "conv2d vs unfold + matmul");
        Tensor y = Tensor.randn(gen, cols.shape());
        double lhs = cols.mul(y).sum().item();
        double rhs = x.mul(F.fold(y, new int[] {6, 7}, new int[] {2, 3}, new int[] {1}, new int[] {1}, new int[] {2})).sum().item();
        assertEquals(lhs, rhs, 1e-3 * Math.abs(lhs) + 1e-3);
    }

    @Test
    void unbatchedInputsRunAsABatchOfOne() {
        Tensor x = Tensor.randn(gen, 3, 8, 9), w = Tensor.randn(gen, 4, 3, 3, 3), b = Tensor.randn(gen, 4);
        Conv o = Conv.opts().padding(1).stride(2);
        Tensor y = F.conv2d(x, w, b, o);
        assertArrayEquals(new int[] {4, 4, 5}, y.shape());
        assertClose(F.conv2d(x.unsqueeze(0), w, b, o).squeeze(0), y, 0, "unbatched conv2d");
        Tensor u = Tensor.randn(gen, 4, 5);
        assertArrayEquals(new int[] {2, 11}, F.convTranspose1d(u, Tensor.randn(gen, 4, 2, 3), null, ConvTranspose.opts().stride(2)).shape());
        assertArrayEquals(new int[] {12, 56}, F.unfold(x, 2).shape());
        assertArrayEquals(new int[] {3, 8, 9}, F.fold(F.unfold(x, 2), new int[] {8, 9}, 2).shape());
    }

    @Test
    void float64InputsGiveFloat64ResultsAndAgreeWithFloat32() {
        Tensor x = Tensor.randn(gen, 2, 3, 6, 6), w = Tensor.randn(gen, 4, 3, 3, 3);
        Tensor y64 = F.conv2d(x.toDouble(), w.toDouble(), null, Conv.opts().padding(1));
        assertEquals(DType.FLOAT64, y64.dtype());
        assertClose(y64.toFloat(), F.conv2d(x, w, null, Conv.opts().padding(1)), 1e-4, "float32 vs float64");
    }

    @Test
    void nonContiguousInputsAreHandled() {
        Tensor x = Tensor.randn(gen, 2, 7, 3, 6).transpose(1, 2), w = Tensor.randn(gen, 5, 3, 3, 3).transpose(2, 3);
        Tensor want = F.conv2d(x.contiguous(), w.contiguous(), null, Conv.opts().padding(1));
        assertClose(want, F.conv2d(x, w, null, Conv.opts().padding(1)), 0, "strided inputs");
    }

    @Test
    void optionsAreImmutablePrimitives() {
        Conv base = Conv.opts();
        Conv strided = base.stride(2).padding(1);
        assertNotSame(base, strided);
        assertArrayEquals(new int[] {1}, base.stride());
        assertArrayEquals(new int[] {2}, strided.stride());
        assertEquals("Conv(stride=[2], padding=[1], dilation=[1], groups=1)", strided.toString());
        assertEquals("same", base.padding("same").paddingMode());
        assertEquals(null, base.padding("same").padding(2).paddingMode());
        Tensor x = Tensor.randn(gen, 1, 2, 5), w = Tensor.randn(gen, 3, 2, 3);
        assertClose(F.conv1d(x, w, null, strided), strided.apply(x, w), 0, "primitive vs F");
        assertClose(F.convTranspose1d(x.narrow(1, 0, 2), Tensor.randn(new Generator(1), 2, 3, 3)),
                ConvTranspose.opts().apply(x.narrow(1, 0, 2), Tensor.randn(new Generator(1), 2, 3, 3)), 0, "transpose primitive");
    }

    @Test
    void errorsNameTheOpTheArgumentAndTheShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> F.conv2d(Tensor.zeros(2, 3, 32, 32), Tensor.zeros(8, 4, 3, 3)));
        assertEquals("conv2d: weight of shape (8, 4, 3, 3) needs input with 4 channels (groups=1), got input of shape (2, 3, 32, 32)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.conv2d(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1, 1, 3, 3)));
        assertTrue(e.getMessage().startsWith("conv2d: padded input size per channel (2, 2) is smaller than the kernel size (3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.conv1d(Tensor.zeros(1, 6, 9), Tensor.zeros(7, 2, 3), null, Conv.opts().groups(3)));
        assertTrue(e.getMessage().contains("not divisible by groups=3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.conv2d(Tensor.zeros(1, 1, 9, 9), Tensor.zeros(1, 1, 3, 3), null, Conv.opts().padding("same").stride(2)));
        assertTrue(e.getMessage().contains("padding='same' is not supported for strided convolutions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.convTranspose2d(Tensor.zeros(1, 2, 3, 3), Tensor.zeros(2, 1, 3, 3), null,
                ConvTranspose.opts().stride(2).outputPadding(2)));
        assertTrue(e.getMessage().startsWith("convTranspose2d: output_padding [2, 2] must be smaller than either stride"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> F.fold(Tensor.zeros(1, 4, 7), new int[] {4, 4}, 2));
        assertTrue(e.getMessage().contains("must be 9"), e.getMessage());
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private interface Op {
        Tensor run();
    }

    /** Compares values and the gradients of x, w (and b) under a random output gradient. */
    private void compare(String what, Tensor x, Tensor w, Tensor b, Op fast, Op reference) {
        Tensor y = fast.run();
        Tensor g = Tensor.randn(gen, y.shape());
        Tensor[] got = grads(y, g, x, w, b);
        Tensor want = reference.run();
        assertClose(want, y, 1e-4, what + " forward");
        Tensor[] expected = grads(want, g, x, w, b);
        for (int i = 0; i < got.length; i++) assertClose(expected[i], got[i], 1e-4, what + " grad " + i);
    }

    private static Tensor[] grads(Tensor y, Tensor g, Tensor x, Tensor w, Tensor b) {
        java.util.List<Tensor> in = b == null ? java.util.List.of(x, w) : java.util.List.of(x, w, b);
        return Autograd.grad(java.util.List.of(y), in, java.util.List.of(g), false);
    }

    static void assertClose(Tensor want, Tensor got, double tol, String what) {
        assertArrayEquals(want.shape(), got.shape(), what + ": shape");
        double[] a = want.toDoubleArray(), b = got.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= tol * (1 + Math.abs(a[i])))) {
                throw new AssertionError(what + ": element " + i + " is " + b[i] + ", expected " + a[i]);
            }
        }
    }

    private Tensor rand64(int... shape) {
        return Tensor.randn(DType.FLOAT64, gen, shape).requiresGrad_();
    }

    private static int[] concat(int a, int b, int[] rest) {
        int[] r = new int[rest.length + 2];
        r[0] = a;
        r[1] = b;
        System.arraycopy(rest, 0, r, 2, rest.length);
        return r;
    }
}
