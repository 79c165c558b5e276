package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.ConvTranspose;
import dev.nn4j.nn.functional.F;

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
