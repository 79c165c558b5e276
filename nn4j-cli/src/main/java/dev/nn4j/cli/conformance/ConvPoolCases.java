package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.AvgPool;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.ConvTranspose;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.FractionalMaxPool;
import dev.nn4j.nn.functional.MaxPool;
import dev.nn4j.nn.functional.MaxUnpool;
import java.util.List;

/** Conformance mappings of the convolution and pooling ops: every PyTorch argument, with PyTorch's defaults. */
final class ConvPoolCases {
    private ConvPoolCases() {}

    static void register(Registry r) {
        r.functional("conv1d", (in, a) -> F.conv1d(in.get("input"), in.get("weight"), in.get("bias"), conv(a, 1)));
        r.functional("conv2d", (in, a) -> F.conv2d(in.get("input"), in.get("weight"), in.get("bias"), conv(a, 2)));
        r.functional("conv3d", (in, a) -> F.conv3d(in.get("input"), in.get("weight"), in.get("bias"), conv(a, 3)));
        r.functional("conv_transpose1d", (in, a) -> F.convTranspose1d(in.get("input"), in.get("weight"), in.get("bias"), convTranspose(a, 1)));
        r.functional("conv_transpose2d", (in, a) -> F.convTranspose2d(in.get("input"), in.get("weight"), in.get("bias"), convTranspose(a, 2)));
        r.functional("conv_transpose3d", (in, a) -> F.convTranspose3d(in.get("input"), in.get("weight"), in.get("bias"), convTranspose(a, 3)));
        r.functional("unfold", (in, a) -> F.unfold(in.get("input"), a.getInts("kernel_size", 2, null),
                a.getInts("dilation", 2, new int[] {1}), a.getInts("padding", 2, new int[] {0}), a.getInts("stride", 2, new int[] {1})));
        r.functional("fold", (in, a) -> F.fold(in.get("input"), a.getInts("output_size", 2, null), a.getInts("kernel_size", 2, null),
                a.getInts("dilation", 2, new int[] {1}), a.getInts("padding", 2, new int[] {0}), a.getInts("stride", 2, new int[] {1})));

        r.functional("max_pool1d", (in, a) -> withIndices(F.maxPool1dWithIndices(in.get("input"), maxPool(a, 1)), a));
        r.functional("max_pool2d", (in, a) -> withIndices(F.maxPool2dWithIndices(in.get("input"), maxPool(a, 2)), a));
        r.functional("max_pool3d", (in, a) -> withIndices(F.maxPool3dWithIndices(in.get("input"), maxPool(a, 3)), a));
        r.functional("max_unpool1d", (in, a) -> F.maxUnpool1d(in.get("input"), in.get("indices"), maxUnpool(a, 1)));
        r.functional("max_unpool2d", (in, a) -> F.maxUnpool2d(in.get("input"), in.get("indices"), maxUnpool(a, 2)));
        r.functional("max_unpool3d", (in, a) -> F.maxUnpool3d(in.get("input"), in.get("indices"), maxUnpool(a, 3)));
        r.functional("avg_pool1d", (in, a) -> F.avgPool1d(in.get("input"), avgPool(a, 1)));
        r.functional("avg_pool2d", (in, a) -> F.avgPool2d(in.get("input"), avgPool(a, 2)));
        r.functional("avg_pool3d", (in, a) -> F.avgPool3d(in.get("input"), avgPool(a, 3)));
        r.functional("lp_pool1d", (in, a) -> F.lpPool1d(in.get("input"), a.getDouble("norm_type", 2), a.getInts("kernel_size", 1, null),
                a.getInts("stride", 1, null), a.getBool("ceil_mode", false)));
        r.functional("lp_pool2d", (in, a) -> F.lpPool2d(in.get("input"), a.getDouble("norm_type", 2), a.getInts("kernel_size", 2, null),
                a.getInts("stride", 2, null), a.getBool("ceil_mode", false)));
        r.functional("lp_pool3d", (in, a) -> F.lpPool3d(in.get("input"), a.getDouble("norm_type", 2), a.getInts("kernel_size", 3, null),
                a.getInts("stride", 3, null), a.getBool("ceil_mode", false)));
        r.functional("adaptive_max_pool1d", (in, a) -> withIndices(F.adaptiveMaxPool1dWithIndices(in.get("input"), outputSize(a, 1)), a));
        r.functional("adaptive_max_pool2d", (in, a) -> withIndices(F.adaptiveMaxPool2dWithIndices(in.get("input"), outputSize(a, 2)), a));
        r.functional("adaptive_max_pool3d", (in, a) -> withIndices(F.adaptiveMaxPool3dWithIndices(in.get("input"), outputSize(a, 3)), a));
        r.functional("adaptive_avg_pool1d", (in, a) -> F.adaptiveAvgPool1d(in.get("input"), outputSize(a, 1)));
        r.functional("adaptive_avg_pool2d", (in, a) -> F.adaptiveAvgPool2d(in.get("input"), outputSize(a, 2)));
        r.functional("adaptive_avg_pool3d", (in, a) -> F.adaptiveAvgPool3d(in.get("input"), outputSize(a, 3)));
        r.functional("fractional_max_pool2d", (in, a) -> withIndices(F.fractionalMaxPool2dWithIndices(in.get("input"), fractional(in.get("_random_samples"), a, 2)), a));
        r.functional("fractional_max_pool3d", (in, a) -> withIndices(F.fractionalMaxPool3dWithIndices(in.get("input"), fractional(in.get("_random_samples"), a, 3)), a));
        // torch's *_with_indices forms: the same op, always returning (values, indices)
        for (String op : List.of("max_pool1d", "max_pool2d", "max_pool3d", "adaptive_max_pool1d", "adaptive_max_pool2d",
                "adaptive_max_pool3d", "fractional_max_pool2d", "fractional_max_pool3d")) {
            OpHandler h = r.functionalOps.get(op);
            r.functional(op + "_with_indices", (in, a) -> h.apply(in, a.with("return_indices", true)));
        }
    }

    /** {@code return_indices=True}: (values, indices); otherwise the values alone. */
    private static Object withIndices(Tensor.ValuesIndices vi, Args a) {
        return a.getBool("return_indices", false) ? List.of(vi.values(), vi.indices()) : vi.values();
    }

    /** max_pool's {@code kernel_size, stride=None (= kernel_size), padding=0, dilation=1, ceil_mode=False}. */
    private static MaxPool maxPool(Args a, int dims) {
        MaxPool o = MaxPool.opts(a.getInts("kernel_size", dims, null))
                .padding(a.getInts("padding", dims, new int[] {0}))
                .dilation(a.getInts("dilation", dims, new int[] {1}))
                .ceilMode(a.getBool("ceil_mode", false));
        int[] stride = a.getInts("stride", dims, null);
        return stride == null || stride.length == 0 ? o : o.stride(stride);
    }

    /** avg_pool's {@code kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None}. */
    private static AvgPool avgPool(Args a, int dims) {
        AvgPool o = AvgPool.opts(a.getInts("kernel_size", dims, null))
                .padding(a.getInts("padding", dims, new int[] {0}))
                .ceilMode(a.getBool("ceil_mode", false))
                .countIncludePad(a.getBool("count_include_pad", true));
        if (a.has("divisor_override")) o = o.divisorOverride(a.getInt("divisor_override", 0));
        int[] stride = a.getInts("stride", dims, null);
        return stride == null || stride.length == 0 ? o : o.stride(stride);
    }

    /** max_unpool's {@code kernel_size, stride=None, padding=0, output_size=None}. */
    private static MaxUnpool maxUnpool(Args a, int dims) {
        MaxUnpool o = MaxUnpool.opts(a.getInts("kernel_size", dims, null)).padding(a.getInts("padding", dims, new int[] {0}));
        int[] stride = a.getInts("stride", dims, null);
        if (stride != null && stride.length > 0) o = o.stride(stride);
        int[] size = a.getInts("output_size", dims, null);
        return size == null ? o : o.outputSize(size);
    }

    /** An adaptive pool's output_size: one int or one per dim, where None keeps the input size (-1). */
    private static int[] outputSize(Args a, int dims) {
        JsonNode v = a.raw("output_size");
        if (v == null || !v.isArray()) return a.getInts("output_size", dims, null);
        int[] r = new int[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i).isNull() ? -1 : v.get(i).asInt();
        return r;
    }

    /** fractional_max_pool's {@code kernel_size, output_size=None, output_ratio=None, _random_samples}. */
    private static FractionalMaxPool fractional(Tensor samples, Args a, int dims) {
        FractionalMaxPool o = FractionalMaxPool.opts(a.getInts("kernel_size", dims, null));
        if (a.has("output_size")) o = o.outputSize(a.getInts("output_size", dims, null));
        if (a.has("output_ratio")) o = o.outputRatio(a.getDoubles("output_ratio", null));
        return samples == null ? o : o.randomSamples(samples);
    }

    /** conv's {@code stride, padding (ints or 'same'/'valid'), dilation, groups}. */
    private static Conv conv(Args a, int dims) {
        Conv c = Conv.opts().stride(a.getInts("stride", dims, new int[] {1}))
                .dilation(a.getInts("dilation", dims, new int[] {1}))
                .groups(a.getInt("groups", 1));
        JsonNode p = a.raw("padding");
        return p != null && p.isTextual() ? c.padding(p.asText()) : c.padding(a.getInts("padding", dims, new int[] {0}));
    }

    /** conv_transpose's {@code stride, padding, output_padding, groups, dilation}. */
    private static ConvTranspose convTranspose(Args a, int dims) {
        return ConvTranspose.opts().stride(a.getInts("stride", dims, new int[] {1}))
                .padding(a.getInts("padding", dims, new int[] {0}))
                .outputPadding(a.getInts("output_padding", dims, new int[] {0}))
                .groups(a.getInt("groups", 1))
                .dilation(a.getInts("dilation", dims, new int[] {1}));
    }
}
