package dev.nn4j.nn;

import dev.nn4j.nn.functional.ConvTranspose;

/**
 * A {@link ConvTranspose1d} whose in_channels is inferred from the first input, as
 * {@code torch.nn.LazyConvTranspose1d(out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
 * bias=True, dilation=1, padding_mode='zeros')}; see {@link LazyModule}.
 *
 * <pre>{@code
 * var up = new LazyConvTranspose1d(8, 2, ConvTranspose.opts().stride(2));
 * up.forward(x);   // becomes ConvTranspose1d(x.size(1), 8, ...)
 * }</pre>
 */
public class LazyConvTranspose1d extends LazyModule<ConvTranspose1d> {
    public LazyConvTranspose1d(int outChannels, int kernelSize) {
        this(outChannels, new int[] {kernelSize}, ConvTranspose.opts(), true, "zeros");
    }

    public LazyConvTranspose1d(int outChannels, int kernelSize, ConvTranspose options) {
        this(outChannels, new int[] {kernelSize}, options, true, "zeros");
    }

    /** A one-element {@code kernelSize} applies to every spatial dim. */
    public LazyConvTranspose1d(int outChannels, int[] kernelSize, ConvTranspose options, boolean bias, String paddingMode) {
        super(in -> kernelSize.length == 1 ? new ConvTranspose1d(in, outChannels, kernelSize[0], options, bias, paddingMode)
                        : new ConvTranspose1d(in, outChannels, kernelSize, options, bias, paddingMode),
                x -> x.size(x.dim() == 1 + 2 ? 1 : 0), s -> dimOf(s, "weight", 0));
    }
}
