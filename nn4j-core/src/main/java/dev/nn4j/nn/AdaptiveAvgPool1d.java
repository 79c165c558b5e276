package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 1-D adaptive average pooling to a fixed output size whatever the input size, as
 * {@code torch.nn.AdaptiveAvgPool1d(output_size)}; a null entry keeps that input size.
 *
 * <p>Shapes: input (N, C, L) or (C, L), output with the spatial sizes of {@code outputSize}.
 *
 * <pre>{@code
 * Tensor y = new AdaptiveAvgPool1d(1).forward(Tensor.randn(20, 16, 50));   // global average pooling
 * }</pre>
 */
public class AdaptiveAvgPool1d extends AdaptivePoolNd {
    public AdaptiveAvgPool1d(int outputSize) {
        super(1, new Integer[] {outputSize}, true);
    }

    /** One size per spatial dim; null keeps the input's size there. */
    public AdaptiveAvgPool1d(Integer... outputSize) {
        super(1, outputSize, false);
    }

    public AdaptiveAvgPool1d(int[] outputSize) {
        super(1, boxed(outputSize), false);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool1d(input, size);
    }
}
