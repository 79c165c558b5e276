package dev.nn4j.nn;

import dev.nn4j.nn.functional.Conv;

/**
 * A {@link Conv2d} whose in_channels is inferred from the first input, as {@code torch.nn.LazyConv2d(out_channels,
 * kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros')}; see {@link LazyModule}.
 *
 * <pre>{@code
 * var conv = new LazyConv2d(16, 3);
 * conv.forward(x);   // becomes Conv2d(x.size(1), 16, kernel_size=...)
 * }</pre>
 */
public class LazyConv2d extends LazyModule<Conv2d> {
    public LazyConv2d(int outChannels, int kernelSize) {
        this(outChannels, new int[] {kernelSize}, Conv.opts(), true, "zeros");
    }

    public LazyConv2d(int outChannels, int kernelSize, Conv options) {
        this(outChannels, new int[] {kernelSize}, options, true, "zeros");
    }

    /** A one-element {@code kernelSize} applies to every spatial dim. */
    public LazyConv2d(int outChannels, int[] kernelSize, Conv options, boolean bias, String paddingMode) {
        super(in -> kernelSize.length == 1 ? new Conv2d(in, outChannels, kernelSize[0], options, bias, paddingMode)
                        : new Conv2d(in, outChannels, kernelSize, options, bias, paddingMode),
                x -> x.size(x.dim() == 2 + 2 ? 1 : 0), s -> dimOf(s, "weight", 1) * options.groups());
    }
}
