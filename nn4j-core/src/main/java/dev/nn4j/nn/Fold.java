package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Combines an array of sliding local blocks into a tensor (col2im, summing overlaps), as
 * {@code torch.nn.Fold(output_size, kernel_size, dilation=1, padding=0, stride=1)}; the inverse layout of
 * {@link Unfold}.
 *
 * <p>Shapes: input (N, C·∏kernel_size, L) or without N, output (N, C, output_size[0], output_size[1]).
 *
 * <pre>{@code
 * var fold = new Fold(new int[] {4, 5}, new int[] {2, 2});
 * Tensor y = fold.forward(Tensor.randn(1, 3 * 2 * 2, 12));   // (1, 3, 4, 5)
 * }</pre>
 */
public class Fold extends Module {
    private final IntArg outputSize, kernelSize, dilation, padding, stride;

    public Fold(int outputSize, int kernelSize) {
        this(IntArg.of(outputSize), IntArg.of(kernelSize), IntArg.of(1), IntArg.of(0), IntArg.of(1));
    }

    /** Each argument a tuple of 2, or one value for both dims. */
    public Fold(int[] outputSize, int[] kernelSize) {
        this(Unfold.arg(outputSize), Unfold.arg(kernelSize), IntArg.of(1), IntArg.of(0), IntArg.of(1));
    }

    /** Every argument as a tuple of 2 (or one value for both dims). */
    public Fold(int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        this(Unfold.arg(outputSize), Unfold.arg(kernelSize), Unfold.arg(dilation), Unfold.arg(padding), Unfold.arg(stride));
    }

    Fold(IntArg outputSize, IntArg kernelSize, IntArg dilation, IntArg padding, IntArg stride) {
        this.outputSize = outputSize;
        this.kernelSize = kernelSize;
        this.dilation = dilation;
        this.padding = padding;
        this.stride = stride;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.fold(input, outputSize.expand(2, "Fold", "output_size"), kernelSize.expand(2, "Fold", "kernel_size"),
                dilation.expand(2, "Fold", "dilation"), padding.expand(2, "Fold", "padding"), stride.expand(2, "Fold", "stride"));
    }

    @Override
    public String extraRepr() {
        return "output_size=" + outputSize + ", kernel_size=" + kernelSize + ", dilation=" + dilation + ", padding=" + padding
                + ", stride=" + stride;
    }
}
