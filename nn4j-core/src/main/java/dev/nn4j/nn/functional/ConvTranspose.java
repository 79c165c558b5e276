package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * Options of {@code convTranspose1d/2d/3d} and the transposed-convolution primitive: PyTorch's
 * {@code stride=1, padding=0, output_padding=0, groups=1, dilation=1}. Immutable; every setter returns a
 * new object. A size given as one int applies to every spatial dim.
 *
 * <p>Output size per spatial dim: {@code (in - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1}.
 *
 * <pre>{@code
 * var up = ConvTranspose.opts().stride(2).padding(1).outputPadding(1);
 * Tensor y = up.apply(x, w, b);     // x (N, C_in, H, W), w (C_in, C_out/groups, kH, kW) -> (N, C_out, 2H, 2W) for kH = kW = 3
 * }</pre>
 */
public final class ConvTranspose {
    private static final ConvTranspose DEFAULTS = new ConvTranspose(new int[] {1}, new int[] {0}, new int[] {0}, 1, new int[] {1});

    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final int groups;
    private final int[] dilation;

    private ConvTranspose(int[] stride, int[] padding, int[] outputPadding, int groups, int[] dilation) {
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.groups = groups;
        this.dilation = dilation;
    }

    /** PyTorch's defaults: stride 1, padding 0, output_padding 0, groups 1, dilation 1. */
    public static ConvTranspose opts() {
        return DEFAULTS;
    }

    /** Stride of the (forward) convolution this op is the gradient of; one value or one per spatial dim. */
    public ConvTranspose stride(int... stride) {
        return new ConvTranspose(ConvArgs.positive("ConvTranspose", "stride", stride), padding, outputPadding, groups, dilation);
    }

    /** {@code dilation * (kernel - 1) - padding} zeros are added to both sides of the input. */
    public ConvTranspose padding(int... padding) {
        return new ConvTranspose(stride, ConvArgs.nonNegative("ConvTranspose", "padding", padding), outputPadding, groups, dilation);
    }

    /** Extra size added to one side of the output; must be smaller than the stride or the dilation. */
    public ConvTranspose outputPadding(int... outputPadding) {
        return new ConvTranspose(stride, padding, ConvArgs.nonNegative("ConvTranspose", "output_padding", outputPadding), groups, dilation);
    }

    public ConvTranspose groups(int groups) {
        if (groups < 1) throw new IllegalArgumentException("ConvTranspose: groups must be a positive integer, got " + groups);
        return new ConvTranspose(stride, padding, outputPadding, groups, dilation);
    }

    public ConvTranspose dilation(int... dilation) {
        return new ConvTranspose(stride, padding, outputPadding, groups, ConvArgs.positive("ConvTranspose", "dilation", dilation));
    }

    public int[] stride() { return stride.clone(); }
    public int[] padding() { return padding.clone(); }
    public int[] outputPadding() { return outputPadding.clone(); }
    public int groups() { return groups; }
    public int[] dilation() { return dilation.clone(); }

    /** Applies the transposed convolution; the number of spatial dims is {@code weight.dim() - 2}. */
    public Tensor apply(Tensor input, Tensor weight) {
        return apply(input, weight, null);
    }

    /** Applies the transposed convolution with a bias (may be null). */
    public Tensor apply(Tensor input, Tensor weight, Tensor bias) {
        if (weight == null) throw new IllegalArgumentException("ConvTranspose.apply: weight must not be null");
        int dims = weight.dim() - 2;
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("ConvTranspose.apply: expected a weight of 3, 4 or 5 dims (in_channels, out_channels/groups, *kernel_size), got shape "
                    + ConvArgs.str(weight.shape()));
        }
        return Convolutions.convTranspose("convTranspose" + dims + "d", dims, input, weight, bias, this);
    }

    @Override
    public String toString() {
        return "ConvTranspose(stride=" + Arrays.toString(stride) + ", padding=" + Arrays.toString(padding)
                + ", output_padding=" + Arrays.toString(outputPadding) + ", groups=" + groups
                + ", dilation=" + Arrays.toString(dilation) + ")";
    }
}
