package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.init.Init;
import java.util.Arrays;
import java.util.Set;

/**
 * What the convolution modules share (PyTorch's {@code _ConvNd}): channel counts, per-dim kernel size,
 * stride, padding and dilation, groups, the weight and optional bias, and their default initialization:
 * {@code kaiming_uniform_(a=√5)} for the weight, U(±1/√fan_in) for the bias.
 */
public abstract class ConvNd extends Module {
    static final Set<String> PADDING_MODES = Set.of("zeros", "reflect", "replicate", "circular");

    public final int inChannels;
    public final int outChannels;
    public final int[] kernelSize;
    public final int[] stride;
    /** Per-dim padding (zeros when {@link #paddingString} is set). */
    public final int[] padding;
    /** {@code "same"} or {@code "valid"} when padding was given as a string, else null. */
    public final String paddingString;
    public final int[] dilation;
    public final boolean transposed;
    public final int[] outputPadding;
    public final int groups;
    public final String paddingMode;
    /** (out, in/groups, *kernel) for a convolution, (in, out/groups, *kernel) for a transposed one. */
    public final Tensor weight;
    /** (out_channels), or null. */
    public final Tensor bias;

    ConvNd(String op, int dims, int inChannels, int outChannels, IntArg kernelSize, int[] stride, int[] padding, String paddingString,
           int[] dilation, boolean transposed, int[] outputPadding, int groups, boolean bias, String paddingMode) {
        if (inChannels < 0 || outChannels < 0) {
            throw new IllegalArgumentException(op + ": in_channels and out_channels must be non-negative, got in_channels=" + inChannels
                    + ", out_channels=" + outChannels);
        }
        if (groups <= 0) throw new IllegalArgumentException(op + ": groups must be a positive integer, got " + groups);
        if (inChannels % groups != 0) throw new IllegalArgumentException(op + ": in_channels (" + inChannels + ") must be divisible by groups (" + groups + ")");
        if (outChannels % groups != 0) throw new IllegalArgumentException(op + ": out_channels (" + outChannels + ") must be divisible by groups (" + groups + ")");
        if (!PADDING_MODES.contains(paddingMode)) {
            throw new IllegalArgumentException(op + ": padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='" + paddingMode + "'");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize.expand(dims, op, "kernel_size");
        this.stride = expand(stride, dims, op, "stride");
        this.dilation = expand(dilation, dims, op, "dilation");
        if (paddingString != null) {
            if (!paddingString.equals("same") && !paddingString.equals("valid")) {
                throw new IllegalArgumentException(op + ": invalid padding string '" + paddingString + "', should be one of {'valid', 'same'}");
            }
            if (paddingString.equals("same") && Arrays.stream(this.stride).anyMatch(s -> s != 1)) {
                throw new IllegalArgumentException(op + ": padding='same' is not supported for strided convolutions");
            }
            this.padding = new int[dims];
        } else {
            this.padding = expand(padding, dims, op, "padding");
        }
        this.paddingString = paddingString;
        requireAtLeast(op, "kernel_size", this.kernelSize, 1);
        requireAtLeast(op, "stride", this.stride, 1);
        requireAtLeast(op, "dilation", this.dilation, 1);
        requireAtLeast(op, "padding", this.padding, 0);
        this.transposed = transposed;
        this.outputPadding = expand(outputPadding, dims, op, "output_padding");
        this.groups = groups;
        this.paddingMode = paddingMode;
        int[] wShape = new int[dims + 2];
        wShape[0] = transposed ? inChannels : outChannels;
        wShape[1] = transposed ? outChannels / groups : inChannels / groups;
        System.arraycopy(this.kernelSize, 0, wShape, 2, dims);
        this.weight = registerParameter("weight", Parameter.of(Tensor.empty(wShape)));
        this.bias = registerParameter("bias", bias ? Parameter.of(Tensor.empty(outChannels)) : null);
        resetParameters();
    }

    private static void requireAtLeast(String op, String name, int[] v, int min) {
        for (int x : v) {
            if (x < min) {
                throw new IllegalArgumentException(op + ": " + name + " must be " + (min == 0 ? "non-negative" : "positive") + ", got " + Repr.tuple(v));
            }
        }
    }

    static int[] expand(int[] v, int dims, String op, String name) {
        if (v.length == 1 && dims != 1) {
            int[] r = new int[dims];
            Arrays.fill(r, v[0]);
            return r;
        }
        if (v.length != dims) {
            throw new IllegalArgumentException(op + ": " + name + " must be an int or a tuple of " + dims + " ints, got " + Repr.tuple(v));
        }
        return v.clone();
    }

    /** Re-draws the weight with {@code kaiming_uniform_(a=√5)} and the bias from U(±1/√fan_in). */
    public void resetParameters() {
        Init.kaimingUniform_(weight, Math.sqrt(5));
        if (bias != null) {
            int fanIn = Init.calculateFanInAndFanOut(weight)[0];
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt(fanIn);
                Init.uniform_(bias, -bound, bound);
            }
        }
    }

    /** The padding for {@code F.pad} with a non-zeros padding mode: per dim, last dim first, (left, right). */
    int[] reversedPaddingRepeatedTwice() {
        int dims = kernelSize.length;
        int[] r = new int[2 * dims];
        for (int i = 0; i < dims; i++) {
            int d = dims - 1 - i;
            if ("same".equals(paddingString)) {
                int total = dilation[d] * (kernelSize[d] - 1), left = total / 2;
                r[2 * i] = left;
                r[2 * i + 1] = total - left;
            } else if (paddingString == null) {
                r[2 * i] = padding[d];
                r[2 * i + 1] = padding[d];
            }
        }
        return r;
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(Repr.tuple(kernelSize))
                .append(", stride=").append(Repr.tuple(stride));
        if (paddingString != null) s.append(", padding=").append(paddingString);
        else if (Arrays.stream(padding).anyMatch(p -> p != 0)) s.append(", padding=").append(Repr.tuple(padding));
        if (Arrays.stream(dilation).anyMatch(d -> d != 1)) s.append(", dilation=").append(Repr.tuple(dilation));
        if (Arrays.stream(outputPadding).anyMatch(p -> p != 0)) s.append(", output_padding=").append(Repr.tuple(outputPadding));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        if (!paddingMode.equals("zeros")) s.append(", padding_mode=").append(paddingMode);
        return s.toString();
    }
}
