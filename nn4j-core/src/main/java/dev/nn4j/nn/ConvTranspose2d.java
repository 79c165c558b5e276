package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.ConvTranspose;
import dev.nn4j.nn.functional.F;

/**
 * A 2-D transposed convolution (the gradient of Conv2d with respect to its input), as
 * {@code torch.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros')}. Stride, padding,
 * output padding, groups and dilation come in the functional {@link ConvTranspose} options; only
 * {@code "zeros"} padding mode exists. {@link #forward(Tensor, int[])} picks the output padding that gives
 * a requested output size.
 *
 * <p>Shapes: input (N, C_in, H, W) or without N, output (N, C_out, H_out, W_out). Parameters: {@code weight}
 * (in_channels, out_channels/groups, *kernel_size) from {@code kaiming_uniform_(a=√5)}, {@code bias}
 * (out_channels) from U(±1/√fan_in) with fan_in = out_channels/groups · ∏kernel_size.
 *
 * <pre>{@code
 * var up = new ConvTranspose2d(16, 33, 3, ConvTranspose.opts().stride(2).padding(1));
 * Tensor y = up.forward(Tensor.randn(20, 16, 12, 12));
 * }</pre>
 */
public class ConvTranspose2d extends ConvNd {
    private final ConvTranspose conv;

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, IntArg.of(kernelSize), ConvTranspose.opts(), true, "zeros");
    }

    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize) {
        this(inChannels, outChannels, IntArg.of(kernelSize), ConvTranspose.opts(), true, "zeros");
    }

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, ConvTranspose options) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, true, "zeros");
    }

    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, ConvTranspose options) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, true, "zeros");
    }

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, ConvTranspose options, boolean bias, String paddingMode) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, bias, paddingMode);
    }

    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, ConvTranspose options, boolean bias, String paddingMode) {
        this(inChannels, outChannels, IntArg.of(kernelSize), options, bias, paddingMode);
    }

    private ConvTranspose2d(int inChannels, int outChannels, IntArg kernelSize, ConvTranspose o, boolean bias, String paddingMode) {
        super("ConvTranspose2d", 2, inChannels, outChannels, kernelSize, o.stride(), o.padding(), null, o.dilation(), true,
                o.outputPadding(), o.groups(), bias, check(paddingMode));
        conv = ConvTranspose.opts().stride(stride).padding(padding).outputPadding(outputPadding).groups(groups).dilation(dilation);
    }

    private static String check(String paddingMode) {
        if (!"zeros".equals(paddingMode)) {
            throw new IllegalArgumentException("ConvTranspose2d: only \"zeros\" padding mode is supported, got '" + paddingMode + "'");
        }
        return paddingMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.convTranspose2d(input, weight, bias, conv);
    }

    /**
     * The transposed convolution with the output padding chosen so the spatial output size is
     * {@code outputSize} (the spatial sizes, or the full shape including batch and channels).
     */
    public Tensor forward(Tensor input, int[] outputSize) {
        if (outputSize == null) return forward(input);
        return F.convTranspose2d(input, weight, bias, conv.outputPadding(ConvTransposes.outputPadding("ConvTranspose2d", input, outputSize,
                stride, padding, kernelSize, dilation)));
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 2 && args[0] instanceof Tensor x) return forward(x, ConvTransposes.toInts(args[1]));
        return super.forwardArgs(args);
    }
}
