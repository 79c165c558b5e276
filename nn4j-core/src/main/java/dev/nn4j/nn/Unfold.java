package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Extracts sliding local blocks from a batched 4-D input (im2col), as
 * {@code torch.nn.Unfold(kernel_size, dilation=1, padding=0, stride=1)}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output (N, C·∏kernel_size, L) with L the number of blocks.
 *
 * <pre>{@code
 * Tensor cols = new Unfold(new int[] {2, 3}).forward(Tensor.randn(2, 5, 3, 4));   // (2, 30, 4)
 * }</pre>
 */
public class Unfold extends Module {
    private final IntArg kernelSize, dilation, padding, stride;

    public Unfold(int kernelSize) {
        this(IntArg.of(kernelSize), IntArg.of(1), IntArg.of(0), IntArg.of(1));
    }

    /** A tuple of 2, or one value for both dims. */
    public Unfold(int[] kernelSize) {
        this(arg(kernelSize), IntArg.of(1), IntArg.of(0), IntArg.of(1));
    }

    /** Every argument as a tuple of 2 (or one value for both dims). */
    public Unfold(int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        this(arg(kernelSize), arg(dilation), arg(padding), arg(stride));
    }

    Unfold(IntArg kernelSize, IntArg dilation, IntArg padding, IntArg stride) {
        this.kernelSize = kernelSize;
        this.dilation = dilation;
        this.padding = padding;
        this.stride = stride;
    }

    /** A one-element array is an int (printed without parentheses), as when a single number is given. */
    static IntArg arg(int[] v) {
        return v.length == 1 ? IntArg.of(v[0]) : IntArg.of(v);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.unfold(input, kernelSize.expand(2, "Unfold", "kernel_size"), dilation.expand(2, "Unfold", "dilation"),
                padding.expand(2, "Unfold", "padding"), stride.expand(2, "Unfold", "stride"));
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + kernelSize + ", dilation=" + dilation + ", padding=" + padding + ", stride=" + stride;
    }
}
