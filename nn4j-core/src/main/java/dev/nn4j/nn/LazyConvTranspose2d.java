package dev.nn4j.nn;

import dev.nn4j.nn.functional.ConvTranspose;

/**
 * A {@link ConvTranspose2d} whose in_channels is inferred from the first input, as
 * {@code torch.nn.LazyConvTranspose2d(out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
 * bias=True, dilation=1, padding_mode='zeros')}; see {@link LazyModule}.
 *
 * <pre>{@code
 * var up = new LazyConvTranspose2d(8, 2, ConvTranspose.opts().stride(2));
 * up.forward(x);   // becomes ConvTranspose2d(x.size(1), 8, ...)
 * }</pre>
 */
public class LazyConvTranspose2d extends LazyModule<ConvTranspose2d> {
    public LazyConvTranspose2d(int outChannels, int kernelSize) {
        this(outChannels, new int[] {kernelSize}, ConvTranspose.opts(), true, "zeros");
    }

    public LazyConvTranspose2d(int outChannels, int kernelSize, ConvTranspose options) {
        this(outChannels, new int[] {kernelSize}, options, true, "zeros");
    }

    /** A one-element {@code kernelSize} applies to every spatial dim. */
    public LazyConvTranspose2d(int outChannels, int[] kernelSize, ConvTranspose options, boolean bias, String paddingMode) {
        super(in -> kernelSize.length == 1 ? new ConvTranspose2d(in, outChannels, kernelSize[0], options, bias, paddingMode)
                        : new ConvTranspose2d(in, outChannels, kernelSize, options, bias, paddingMode),
                x -> x.size(x.dim() == 2 + 2 ? 1 : 0), s -> dimOf(s, "weight", 0));
    }
}
