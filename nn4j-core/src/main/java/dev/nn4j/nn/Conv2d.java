package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.nn.functional.F;

/**
 * A 2-D convolution over an input of several channels, as {@code torch.nn.Conv2d(in_channels, out_channels,
 * kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros')}. Stride,
 * padding (numbers, {@code "same"} or {@code "valid"}), dilation and groups come in the functional
 * {@link Conv} options; {@code paddingMode} {@code "reflect"}, {@code "replicate"} or {@code "circular"}
 * pads with {@code F.pad} first.
 *
 * <p>Shapes: input (N, C_in, H, W) or without N, output (N, C_out, H_out, W_out). Parameters: {@code weight}
 * (out_channels, in_channels/groups, *kernel_size) from {@code kaiming_uniform_(a=√5)}, {@code bias}
 * (out_channels) from U(±1/√fan_in).
 *
 * <pre>{@code
 * var conv = new Conv2d(16, 33, 3, Conv.opts().stride(2).padding(1));
 * Tensor y = conv.forward(Tensor.randn(20, 16, 50, 100));
 * }</pre>
 */
public class Conv2d extends ConvNd {
    /** The conv options the forward passes to F (package-visible for {@link InferenceFusion}). */
    final Conv conv;

    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, IntArg.of(kernelSize), Conv.opts(), true, "zeros");
    }

    public Conv2d(int inChannels, int outChannels, int[] kernelSize) {
        this(inChannels, outChannels, IntArg.of(kernelSize), Conv.opts(), true, "zeros");
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, Conv options) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, true, "zeros");
    }

    public Conv2d(int inChannels, int outChannels, int[] kernelSize, Conv options) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, true, "zeros");
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, Conv options, boolean bias, String paddingMode) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, bias, paddingMode);
    }

    public Conv2d(int inChannels, int outChannels, int[] kernelSize, Conv options, boolean bias, String paddingMode) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, bias, paddingMode);
    }

    private Conv2d(int inChannels, int outChannels, IntArg kernelSize, Conv o, boolean bias, String paddingMode) {
        super("Conv2d", 2, inChannels, outChannels, kernelSize, o.stride(), o.padding(), o.paddingMode(), o.dilation(), false,
                new int[] {0}, o.groups(), bias, paddingMode);
        Conv c = Conv.opts().stride(stride).dilation(dilation).groups(groups);
        if (!paddingMode.equals("zeros")) conv = c; // F.pad does the padding
        else conv = paddingString != null ? c.padding(paddingString) : c.padding(padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!paddingMode.equals("zeros")) return F.conv2d(F.pad(input, reversedPaddingRepeatedTwice(), paddingMode), weight, bias, conv);
        return F.conv2d(input, weight, bias, conv);
    }
}
