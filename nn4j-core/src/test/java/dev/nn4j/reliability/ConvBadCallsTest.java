package dev.nn4j.reliability;

import static dev.nn4j.reliability.BadCalls.IAE;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.ConvTranspose;
import dev.nn4j.nn.functional.AvgPool;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.FractionalMaxPool;
import dev.nn4j.nn.functional.MaxPool;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Bad calls of the convolution family (conv, conv_transpose, unfold, fold) and their options objects. */
class ConvBadCallsTest {
    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    @TestFactory
    List<DynamicTest> convolution() {
        BadCalls t = new BadCalls();
        t.iae("conv2d channels", () -> F.conv2d(z(2, 3, 32, 32), z(8, 4, 3, 3)),
                "conv2d: weight of shape (8, 4, 3, 3) needs input with 4 channels (groups=1), got input of shape (2, 3, 32, 32)");
        t.iae("conv2d channels with groups", () -> F.conv2d(z(2, 6, 8, 8), z(8, 2, 3, 3), null, Conv.opts().groups(2)),
                "conv2d", "(8, 2, 3, 3)", "4 channels", "groups=2", "(2, 6, 8, 8)");
        t.iae("conv2d out channels not divisible by groups", () -> F.conv2d(z(1, 4, 8, 8), z(5, 2, 3, 3), null, Conv.opts().groups(2)),
                "conv2d", "(5, 2, 3, 3)", "not divisible by groups=2");
        t.iae("conv2d 2-D input", () -> F.conv2d(z(8, 8), z(8, 1, 3, 3)), "conv2d", "3-D (unbatched) or 4-D (batched)", "(8, 8)");
        t.iae("conv2d 5-D input", () -> F.conv2d(z(1, 1, 1, 8, 8), z(8, 1, 3, 3)), "conv2d", "(1, 1, 1, 8, 8)");
        t.iae("conv2d 3-D weight", () -> F.conv2d(z(1, 1, 8, 8), z(8, 1, 3)), "conv2d", "weight of 4 dims", "(8, 1, 3)");
        t.iae("conv1d 4-D weight", () -> F.conv1d(z(1, 1, 8), z(8, 1, 3, 3)), "conv1d", "weight of 3 dims", "(8, 1, 3, 3)");
        t.iae("conv3d 4-D input", () -> F.conv3d(z(1, 8, 8, 8, 8, 8), z(2, 8, 3, 3, 3)), "conv3d", "(1, 8, 8, 8, 8, 8)");
        t.iae("conv2d kernel larger than input", () -> F.conv2d(z(1, 1, 2, 2), z(1, 1, 3, 3)),
                "conv2d", "(2, 2)", "smaller than the kernel size (3, 3)");
        t.iae("conv2d dilated kernel larger than input", () -> F.conv2d(z(1, 1, 4, 4), z(1, 1, 3, 3), null, Conv.opts().dilation(2)),
                "conv2d", "kernel size (3, 3)", "dilation");
        t.iae("conv2d bias length", () -> F.conv2d(z(1, 3, 8, 8), z(4, 3, 3, 3), z(5)), "conv2d", "bias of shape (4,)", "(5,)");
        t.iae("conv2d bias 2-D", () -> F.conv2d(z(1, 3, 8, 8), z(4, 3, 3, 3), z(4, 1)), "conv2d", "(4, 1)");
        t.iae("conv2d int input", () -> F.conv2d(Tensor.zeros(DType.INT64, 1, 1, 4, 4), z(1, 1, 3, 3)), "conv2d", "float32 or float64", "int64");
        t.iae("conv2d dtype mismatch", () -> F.conv2d(z(1, 1, 4, 4), Tensor.zeros(DType.FLOAT64, 1, 1, 3, 3)),
                "conv2d", "float32", "float64", "same dtype");
        t.iae("conv2d bias dtype", () -> F.conv2d(z(1, 1, 4, 4), z(1, 1, 3, 3), Tensor.zeros(DType.FLOAT64, 1)), "conv2d", "bias", "float64");
        t.iae("conv2d null input", () -> F.conv2d(null, z(1, 1, 3, 3)), "conv2d", "null");
        t.iae("conv2d null weight", () -> F.conv2d(z(1, 1, 4, 4), null), "conv2d", "null");
        t.iae("conv2d stride tuple length", () -> F.conv2d(z(1, 1, 8, 8), z(1, 1, 3, 3), null, Conv.opts().stride(1, 2, 3)),
                "conv2d", "stride", "[1, 2, 3]");
        t.iae("conv2d padding tuple length", () -> F.conv2d(z(1, 1, 8, 8), z(1, 1, 3, 3), null, Conv.opts().padding(1, 1, 1)),
                "conv2d", "padding", "[1, 1, 1]");
        t.iae("conv same with stride", () -> F.conv2d(z(1, 1, 8, 8), z(1, 1, 3, 3), null, Conv.opts().padding("same").stride(2)),
                "padding='same'", "strided");
        t.iae("Conv stride 0", () -> Conv.opts().stride(0), "Conv", "stride", "positive", "[0]");
        t.iae("Conv negative stride", () -> Conv.opts().stride(1, -1), "Conv", "stride", "[1, -1]");
        t.iae("Conv negative padding", () -> Conv.opts().padding(-1), "Conv", "padding", "non-negative", "[-1]");
        t.iae("Conv dilation 0", () -> Conv.opts().dilation(0), "Conv", "dilation", "[0]");
        t.iae("Conv groups 0", () -> Conv.opts().groups(0), "Conv", "groups", "positive", "0");
        t.iae("Conv padding string", () -> Conv.opts().padding("full"), "Conv", "'full'", "'valid', 'same'");
        t.iae("Conv empty stride", () -> Conv.opts().stride(new int[0]), "Conv", "stride", "at least one value");
        t.iae("Conv.apply 2-D weight", () -> Conv.opts().apply(z(1, 1, 4), z(1, 1)), "Conv.apply", "(1, 1)");
        t.iae("Conv.apply null weight", () -> Conv.opts().apply(z(1, 1, 4), null), "Conv.apply", "weight", "null");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> transposedConvolution() {
        BadCalls t = new BadCalls();
        t.iae("convTranspose2d channels", () -> F.convTranspose2d(z(1, 3, 4, 4), z(4, 2, 3, 3)),
                "convTranspose2d", "(4, 2, 3, 3)", "4 channels", "(1, 3, 4, 4)");
        t.iae("convTranspose2d groups", () -> F.convTranspose2d(z(1, 3, 4, 4), z(3, 2, 3, 3), null, ConvTranspose.opts().groups(2)),
                "convTranspose2d", "3 input channels", "groups=2");
        t.iae("convTranspose2d output padding", () -> F.convTranspose2d(z(1, 1, 4, 4), z(1, 1, 3, 3), null,
                ConvTranspose.opts().stride(2).outputPadding(2)), "convTranspose2d", "output_padding [2, 2]", "stride [2, 2]");
        t.iae("convTranspose2d output too small", () -> F.convTranspose2d(z(1, 1, 1, 1), z(1, 1, 1, 1), null,
                ConvTranspose.opts().padding(1)), "convTranspose2d", "output size", "too small");
        t.iae("convTranspose1d bias", () -> F.convTranspose1d(z(1, 2, 4), z(2, 3, 3), z(2)), "convTranspose1d", "bias of shape (3,)", "(2,)");
        t.iae("convTranspose3d input dims", () -> F.convTranspose3d(z(1, 2, 4), z(2, 3, 3, 3, 3)), "convTranspose3d", "(1, 2, 4)");
        t.iae("ConvTranspose negative output padding", () -> ConvTranspose.opts().outputPadding(-1), "ConvTranspose", "output_padding", "[-1]");
        t.iae("ConvTranspose stride 0", () -> ConvTranspose.opts().stride(0), "ConvTranspose", "stride", "[0]");
        t.iae("ConvTranspose.apply null weight", () -> ConvTranspose.opts().apply(z(1, 1, 4), null), "ConvTranspose.apply", "null");
        t.iae("ConvTranspose groups 0", () -> ConvTranspose.opts().groups(0), "ConvTranspose", "groups", "0");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> unfoldAndFold() {
        BadCalls t = new BadCalls();
        t.iae("unfold 2-D input", () -> F.unfold(z(4, 4), 2), "unfold", "3-D (unbatched) or 4-D (batched)", "(4, 4)");
        t.iae("unfold kernel 0", () -> F.unfold(z(1, 1, 4, 4), 0), "unfold", "kernel_size", "positive", "[0]");
        t.iae("unfold negative padding", () -> F.unfold(z(1, 1, 4, 4), new int[] {2}, new int[] {1}, new int[] {-1}, new int[] {1}),
                "unfold", "padding", "[-1]");
        t.iae("unfold stride 0", () -> F.unfold(z(1, 1, 4, 4), new int[] {2}, new int[] {1}, new int[] {0}, new int[] {0}),
                "unfold", "stride", "[0]");
        t.iae("unfold kernel too large", () -> F.unfold(z(1, 1, 4, 4), 5), "unfold", "(1, 1, 4, 4)", "kernel_size (5, 5)", "sliding blocks");
        t.iae("unfold kernel tuple", () -> F.unfold(z(1, 1, 4, 4), 2, 2, 2), "unfold", "kernel_size", "[2, 2, 2]");
        t.iae("unfold int input", () -> F.unfold(Tensor.zeros(DType.INT64, 1, 1, 4, 4), 2), "unfold", "int64");
        t.iae("fold 4-D input", () -> F.fold(z(1, 4, 9, 1), new int[] {4, 4}, 2), "fold", "2-D (unbatched) or 3-D (batched)", "(1, 4, 9, 1)");
        t.iae("fold channels not divisible", () -> F.fold(z(1, 5, 9), new int[] {4, 4}, 2), "fold", "divisible", "(2, 2) = 4", "(1, 5, 9)");
        t.iae("fold block count", () -> F.fold(z(1, 4, 8), new int[] {4, 4}, 2), "fold", "must be 9", "(1, 4, 8)");
        t.iae("fold output size 0", () -> F.fold(z(1, 4, 9), new int[] {0, 4}, 2), "fold", "output_size", "[0, 4]");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> pooling() {
        BadCalls t = new BadCalls();
        Tensor x = z(1, 2, 4, 4);
        t.iae("maxPool2d 2-D input", () -> F.maxPool2d(z(4, 4), 2), "maxPool2d", "(4, 4)");
        t.iae("maxPool2d kernel 0", () -> F.maxPool2d(x, 0), "MaxPool", "kernel_size", "[0]");
        t.iae("maxPool2d negative kernel", () -> F.maxPool2d(x, 2, -1), "MaxPool", "[2, -1]");
        t.iae("maxPool2d kernel tuple", () -> F.maxPool2d(x, 2, 2, 2), "maxPool2d", "kernel_size", "[2, 2, 2]");
        t.iae("maxPool2d stride 0", () -> F.maxPool2d(x, MaxPool.opts(2).stride(0)), "stride", "0");
        t.iae("maxPool2d padding > half kernel", () -> F.maxPool2d(x, MaxPool.opts(2).padding(2)), "maxPool2d", "half of kernel size", "padding=");
        t.iae("maxPool2d negative padding", () -> F.maxPool2d(x, MaxPool.opts(2).padding(-1)), "padding", "-1");
        t.iae("maxPool2d dilation 0", () -> F.maxPool2d(x, MaxPool.opts(2).dilation(0)), "dilation", "0");
        t.iae("maxPool2d kernel larger than input", () -> F.maxPool2d(x, 5), "maxPool2d", "(1, 2, 4, 4)", "output size");
        t.iae("maxPool2d zero-size spatial dim", () -> F.maxPool2d(z(1, 2, 0, 4), 2), "maxPool2d", "non-zero sizes", "(1, 2, 0, 4)");
        t.iae("maxPool1d int input", () -> F.maxPool1d(Tensor.zeros(DType.INT64, 1, 1, 4), 2), "maxPool1d", "int64");
        t.iae("maxPool2d null input", () -> F.maxPool2d(null, 2), "maxPool2d", "null");
        t.iae("avgPool2d 5-D input", () -> F.avgPool2d(z(1, 1, 1, 4, 4), 2), "avgPool2d", "(1, 1, 1, 4, 4)");
        t.iae("avgPool2d divisor 0", () -> AvgPool.opts(2).divisorOverride(0), "AvgPool", "divisor_override");
        t.iae("avgPool3d kernel too large", () -> F.avgPool3d(z(1, 1, 2, 2, 2), 3), "avgPool3d", "output size");
        t.iae("lpPool2d kernel 0", () -> F.lpPool2d(x, 2, 0), "lpPool2d", "kernel_size", "0");
        t.iae("adaptiveAvgPool2d negative size", () -> F.adaptiveAvgPool2d(x, -2, 2), "adaptiveAvgPool2d", "output_size", "-2");
        t.iae("adaptiveMaxPool2d too many sizes", () -> F.adaptiveMaxPool2d(x, 2, 2, 2), "adaptiveMaxPool2d", "output_size", "[2, 2, 2]");
        t.iae("adaptiveAvgPool1d empty size", () -> F.adaptiveAvgPool1d(z(1, 2, 4), new int[0]), "adaptiveAvgPool1d", "output_size");
        Tensor idx = F.maxPool2dWithIndices(x, MaxPool.opts(2)).indices();
        t.iae("maxUnpool2d float indices", () -> F.maxUnpool2d(z(1, 2, 2, 2), idx.toFloat(), 2), "maxUnpool2d", "int64", "float32");
        t.iae("maxUnpool2d indices shape", () -> F.maxUnpool2d(z(1, 2, 2, 2), Tensor.zeros(DType.INT64, 1, 2, 3, 3), 2),
                "maxUnpool2d", "(1, 2, 2, 2)", "(1, 2, 3, 3)");
        t.iae("maxUnpool2d index out of range", () -> F.maxUnpool2d(z(1, 2, 2, 2), Tensor.full(new int[] {1, 2, 2, 2}, 99, DType.INT64), 2),
                "maxUnpool2d", "invalid max index 99");
        t.iae("maxUnpool2d null indices", () -> F.maxUnpool2d(z(1, 2, 2, 2), null, 2), "maxUnpool2d", "null");
        t.iae("fractionalMaxPool2d ratio", () -> FractionalMaxPool.opts(2).outputRatio(1.5), "FractionalMaxPool", "output_ratio", "1.5");
        t.iae("fractionalMaxPool2d no size", () -> F.fractionalMaxPool2d(x, FractionalMaxPool.opts(2)), "fractionalMaxPool2d",
                "output_size or an output_ratio");
        t.iae("fractionalMaxPool2d output too large", () -> F.fractionalMaxPool2d(x, FractionalMaxPool.opts(2).outputSize(4, 4)),
                "fractionalMaxPool2d", "kernel_size");
        return t.tests();
    }
}
