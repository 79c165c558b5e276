package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 2-D adaptive max pooling to a fixed output size whatever the input size, as
 * {@code torch.nn.AdaptiveMaxPool2d(output_size, return_indices=False)}; a null entry keeps that input size.
 * With {@code returnIndices}, {@link #call(Object...)} returns values and indices.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output with the spatial sizes of {@code outputSize}.
 *
 * <pre>{@code
 * Tensor y = new AdaptiveMaxPool2d(3).forward(Tensor.randn(20, 16, 50, 32));
 * }</pre>
 */
public class AdaptiveMaxPool2d extends AdaptivePoolNd {
    public final boolean returnIndices;

    public AdaptiveMaxPool2d(int outputSize) {
        this(outputSize, false);
    }

    public AdaptiveMaxPool2d(int outputSize, boolean returnIndices) {
        super(2, new Integer[] {outputSize}, true);
        this.returnIndices = returnIndices;
    }

    /** One size per spatial dim; null keeps the input's size there. */
    public AdaptiveMaxPool2d(Integer[] outputSize, boolean returnIndices) {
        super(2, outputSize, false);
        this.returnIndices = returnIndices;
    }

    public AdaptiveMaxPool2d(int[] outputSize) {
        this(boxed(outputSize), false);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveMaxPool2d(input, size);
    }

    /** The pooled values and the flat index of each maximum in its input plane. */
    public Tensor.ValuesIndices forwardWithIndices(Tensor input) {
        return F.adaptiveMaxPool2dWithIndices(input, size);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (returnIndices && args.length == 1 && args[0] instanceof Tensor x) return forwardWithIndices(x);
        return super.forwardArgs(args);
    }
}
