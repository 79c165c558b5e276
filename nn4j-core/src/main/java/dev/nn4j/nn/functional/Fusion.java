package dev.nn4j.nn.functional;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.ConvGeometry;
import dev.nn4j.backend.cpu.ConvPairKernels;
import dev.nn4j.backend.cpu.FusedKernels;
import dev.nn4j.backend.cpu.WinogradConv;
import dev.nn4j.internal.Storage;

/**
 * Inference-time fusions of common op chains, each equal to its composite ({@code relu(conv2d(...))},
 * {@code maxPool2d(relu(conv2d(...)), 2)}) but without the intermediate tensors: the relu runs in place on the conv
 * output, and a 3x3 stride-1 conv followed by 2x2 pooling computes each pooling window from one Winograd tile.
 * They record no autograd graph, so they are for inputs and weights that need no gradient or for no-grad mode;
 * {@code nn.Sequential} uses them under {@link Autograd#noGrad()}. Anything else falls back to the composite.
 *
 * <pre>{@code
 * try (var ng = Autograd.noGrad()) {
 *     Tensor y = Fusion.conv2dReluMaxPool2d(x, conv.weight, conv.bias, Conv.opts().padding(1));
 * }
 * }</pre>
 */
public final class Fusion {
    private Fusion() {}

    /** {@code relu(conv2d(input, weight, bias, opts))}; see {@link F#conv2d(Tensor, Tensor, Tensor, Conv)}. */
    public static Tensor conv2dRelu(Tensor input, Tensor weight, Tensor bias, Conv opts) {
        Tensor y = F.conv2d(input, weight, bias, opts);
        if (y.requiresGrad() || y.dtype() != DType.FLOAT32 || !owns(y)) return F.relu(y);
        FusedKernels.reluInPlace(((Storage.F32) y.storage()).data, 0, y.numel());
        return y;
    }

    /**
     * {@code maxPool2d(relu(conv2d(input, weight, bias, opts)), 2)} (kernel 2, stride 2, floor mode); see
     * {@link F#conv2d(Tensor, Tensor, Tensor, Conv)} and {@link F#maxPool2d(Tensor, int...)}.
     */
    public static Tensor conv2dReluMaxPool2d(Tensor input, Tensor weight, Tensor bias, Conv opts) {
        ConvGeometry g = winogradGeometry(input, weight, bias, opts);
        if (g == null) return F.maxPool2d(conv2dRelu(input, weight, bias, opts), 2);
        int ph = g.out()[1] / 2, pw = g.out()[2] / 2;
        float[] y = new float[g.batch() * g.outChannels() * ph * pw];
        WinogradConv.forwardReluMaxPool2x2(ConvArgs.f32(ConvArgs.dense(input)), ConvArgs.f32(ConvArgs.dense(weight)),
                bias == null ? null : ConvArgs.f32(ConvArgs.dense(bias)), y, g);
        return Tensor.fromArray(y, g.batch(), g.outChannels(), ph, pw);
    }

    /**
     * {@code maxPool2d(relu(conv2d(relu(conv2d(input, w1, b1, o1)), w2, b2, o2)), 2)} with conv2 3x3, computed one
     * sample at a time ({@link ConvPairKernels}), or null when that path does not apply (then compose the other
     * fusions). Equal to the composite up to float rounding (conv2 runs as Winograd F(4x4, 3x3)).
     */
    public static Tensor conv2dReluConv2dReluMaxPool2d(Tensor input, Tensor w1, Tensor b1, Conv o1, Tensor w2, Tensor b2, Conv o2) {
        ConvPairKernels.Pair p = pairGeometry(input, w1, b1, o1, w2, b2, o2);
        if (p == null) return null;
        float[] y = new float[p.n() * p.c2() * p.ph() * p.pw()];
        ConvPairKernels.forward(ConvArgs.f32(ConvArgs.dense(input)), ConvArgs.f32(ConvArgs.dense(w1)),
                b1 == null ? null : ConvArgs.f32(ConvArgs.dense(b1)), ConvArgs.f32(ConvArgs.dense(w2)),
                b2 == null ? null : ConvArgs.f32(ConvArgs.dense(b2)), y, p);
        return Tensor.fromArray(y, p.n(), p.c2(), p.ph(), p.pw());
    }

    /** The pair's geometry: float32, no gradient, stride 1, dilation 1, one group, numeric padding, conv2 3x3; else null. */
    private static ConvPairKernels.Pair pairGeometry(Tensor x, Tensor w1, Tensor b1, Conv o1, Tensor w2, Tensor b2, Conv o2) {
        if (x == null || w1 == null || w2 == null || x.dim() != 4 || w1.dim() != 4 || w2.dim() != 4) return null;
        for (Tensor t : new Tensor[] {x, w1, b1, w2, b2}) {
            if (t != null && (t.dtype() != DType.FLOAT32 || Autograd.isGradEnabled() && t.requiresGrad())) return null;
        }
        if (b1 != null && (b1.dim() != 1 || b1.size(0) != w1.size(0)) || b2 != null && (b2.dim() != 1 || b2.size(0) != w2.size(0))) {
            return null;
        }
        if (w1.size(1) != x.size(1) || w2.size(1) != w1.size(0) || w2.size(2) != 3 || w2.size(3) != 3) return null;
        int[] p1 = plainPadding(o1), p2 = plainPadding(o2);
        if (p1 == null || p2 == null) return null;
        ConvPairKernels.Pair p = new ConvPairKernels.Pair(x.size(0), x.size(1), x.size(2), x.size(3), w1.size(0), w1.size(2),
                w1.size(3), p1[0], p1[1], w2.size(0), p2[0], p2[1]);
        return ConvPairKernels.supports(p) ? p : null;
    }

    /** The (h, w) padding of a stride-1, dilation-1, one-group conv with numeric padding; null for any other conv. */
    private static int[] plainPadding(Conv o) {
        if (o.groups() != 1 || o.paddingMode() != null) return null;
        int[] st = ConvArgs.expand("conv2d", "stride", o.stride(), 2), dil = ConvArgs.expand("conv2d", "dilation", o.dilation(), 2);
        if (st[0] != 1 || st[1] != 1 || dil[0] != 1 || dil[1] != 1) return null;
        return ConvArgs.expand("conv2d", "padding", o.padding(), 2);
    }

    /**
     * The geometry when the fused Winograd path applies: float32 (N, C, H, W) input that needs no gradient, 3x3 weight,
     * stride 1, dilation 1, one group, numeric padding, at least a 2x2 pooled output; null otherwise.
     */
    private static ConvGeometry winogradGeometry(Tensor x, Tensor w, Tensor b, Conv o) {
        if (x == null || w == null || x.dim() != 4 || w.dim() != 4 || x.dtype() != DType.FLOAT32 || w.dtype() != DType.FLOAT32
                || b != null && (b.dtype() != DType.FLOAT32 || b.dim() != 1 || b.size(0) != w.size(0))) {
            return null;
        }
        if (Autograd.isGradEnabled() && (x.requiresGrad() || w.requiresGrad() || b != null && b.requiresGrad())) return null;
        if (o.groups() != 1 || o.paddingMode() != null || w.size(1) != x.size(1) || w.size(2) != 3 || w.size(3) != 3) return null;
        int[] st = ConvArgs.expand("conv2d", "stride", o.stride(), 2), dil = ConvArgs.expand("conv2d", "dilation", o.dilation(), 2);
        int[] pad = ConvArgs.expand("conv2d", "padding", o.padding(), 2);
        if (st[0] != 1 || st[1] != 1 || dil[0] != 1 || dil[1] != 1) return null;
        int h = x.size(2), wd = x.size(3), oh = h + 2 * pad[0] - 2, ow = wd + 2 * pad[1] - 2;
        if (oh < 2 || ow < 2) return null;
        ConvGeometry g = new ConvGeometry(x.size(0), x.size(1), w.size(0), 1, new int[] {1, h, wd}, new int[] {1, 3, 3},
                new int[] {1, oh, ow}, new int[] {1, 1, 1}, new int[] {0, pad[0], pad[1]}, new int[] {1, 1, 1});
        return WinogradConv.supports(g) ? g : null;
    }

    /** A tensor that is its whole, unshared storage (a fresh op result), so an in-place pass is invisible. */
    private static boolean owns(Tensor t) {
        return t.storageOffset() == 0 && t.isContiguous() && t.storage().size() == t.numel() && t.isLeaf();
    }
}
