package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * Options of {@code conv1d/conv2d/conv3d} and the convolution primitive: PyTorch's {@code stride=1,
 * padding=0, dilation=1, groups=1}. Immutable; every setter returns a new object, so one instance can be
 * configured once and applied many times (MindSpore's {@code ops.Conv2D}).
 *
 * <p>A size given as one int applies to every spatial dim, as PyTorch's {@code _ntuple}; otherwise give
 * one value per spatial dim. {@code padding("same")} pads so that the output has the input's size
 * (stride 1 only; any odd total padding goes to the right), {@code padding("valid")} is no padding.
 *
 * <pre>{@code
 * var conv = Conv.opts().stride(2).padding(1);
 * Tensor y = conv.apply(x, w, b);              // = F.conv2d(x, w, b, conv) for a 4-d weight
 * Tensor z = F.conv1d(x1, w1, null, Conv.opts().padding("same").dilation(2));
 * }</pre>
 */
public final class Conv {
    private static final Conv DEFAULTS = new Conv(new int[] {1}, new int[] {0}, null, new int[] {1}, 1);

    private final int[] stride;
    private final int[] padding;
    private final String paddingMode;
    private final int[] dilation;
    private final int groups;

    private Conv(int[] stride, int[] padding, String paddingMode, int[] dilation, int groups) {
        this.stride = stride;
        this.padding = padding;
        this.paddingMode = paddingMode;
        this.dilation = dilation;
        this.groups = groups;
    }

    /** PyTorch's defaults: stride 1, padding 0, dilation 1, groups 1. */
    public static Conv opts() {
        return DEFAULTS;
    }

    /** Step of the sliding kernel, one value or one per spatial dim (each >= 1). */
    public Conv stride(int... stride) {
        return new Conv(ConvArgs.positive("Conv", "stride", stride), padding, paddingMode, dilation, groups);
    }

    /** Implicit zero padding on both sides, one value or one per spatial dim (each >= 0). */
    public Conv padding(int... padding) {
        return new Conv(stride, ConvArgs.nonNegative("Conv", "padding", padding), null, dilation, groups);
    }

    /** {@code "same"} (output size = input size, stride 1 only) or {@code "valid"} (no padding). */
    public Conv padding(String mode) {
        if (!"same".equals(mode) && !"valid".equals(mode)) {
            throw new IllegalArgumentException("Conv: invalid padding string '" + mode + "', should be one of {'valid', 'same'}");
        }
        return new Conv(stride, padding, mode, dilation, groups);
    }

    /** Spacing between kernel taps, one value or one per spatial dim (each >= 1). */
    public Conv dilation(int... dilation) {
        return new Conv(stride, padding, paddingMode, ConvArgs.positive("Conv", "dilation", dilation), groups);
    }

    /** Number of blocked connections from input to output channels; must divide both channel counts. */
    public Conv groups(int groups) {
        if (groups < 1) throw new IllegalArgumentException("Conv: groups must be a positive integer, got " + groups);
        return new Conv(stride, padding, paddingMode, dilation, groups);
    }

    public int[] stride() { return stride.clone(); }
    public int[] padding() { return padding.clone(); }
    /** {@code "same"}, {@code "valid"} or null when the padding is given as numbers. */
    public String paddingMode() { return paddingMode; }
    public int[] dilation() { return dilation.clone(); }
    public int groups() { return groups; }

    /** Applies the convolution; the number of spatial dims is {@code weight.dim() - 2}. */
    public Tensor apply(Tensor input, Tensor weight) {
        return apply(input, weight, null);
    }

    /** Applies the convolution with a bias (may be null); the number of spatial dims is {@code weight.dim() - 2}. */
    public Tensor apply(Tensor input, Tensor weight, Tensor bias) {
        if (weight == null) throw new IllegalArgumentException("Conv.apply: weight must not be null");
        int dims = weight.dim() - 2;
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException("Conv.apply: expected a weight of 3, 4 or 5 dims (out_channels, in_channels/groups, *kernel_size), got shape "
                    + ConvArgs.str(weight.shape()));
        }
        return Convolutions.conv("conv" + dims + "d", dims, input, weight, bias, this);
    }

    @Override
    public String toString() {
        return "Conv(stride=" + Arrays.toString(stride) + ", padding="
                + (paddingMode != null ? "'" + paddingMode + "'" : Arrays.toString(padding))
                + ", dilation=" + Arrays.toString(dilation) + ", groups=" + groups + ")";
    }
}
