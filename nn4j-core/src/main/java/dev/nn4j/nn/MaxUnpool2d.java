package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * The partial inverse of {@link MaxPool2d}: each value goes to its index, zeros elsewhere, as
 * {@code torch.nn.MaxUnpool2d(kernel_size, stride=None, padding=0)}; see {@link MaxUnpoolNd}.
 *
 * <pre>{@code
 * var pool = new MaxPool2d(IntArg.of(2), null, IntArg.of(0), IntArg.of(1), true, false);
 * Tensor.ValuesIndices p = pool.forwardWithIndices(x);
 * Tensor back = new MaxUnpool2d(2).forward(p.values(), p.indices());
 * }</pre>
 */
public class MaxUnpool2d extends MaxUnpoolNd {
    public MaxUnpool2d(int kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0));
    }

    public MaxUnpool2d(int kernelSize, int stride) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(0));
    }

    public MaxUnpool2d(int kernelSize, int stride, int padding) {
        this(IntArg.of(kernelSize), IntArg.of(stride), IntArg.of(padding));
    }

    public MaxUnpool2d(int[] kernelSize) {
        this(IntArg.of(kernelSize), null, IntArg.of(0));
    }

    /** PyTorch's full argument list; {@code stride} null means the kernel size. */
    public MaxUnpool2d(IntArg kernelSize, IntArg stride, IntArg padding) {
        super(2, kernelSize, stride, padding);
    }

    @Override
    public Tensor forward(Tensor input, Tensor indices, int[] outputSize) {
        return F.maxUnpool2d(input, indices, opts(outputSize));
    }
}
