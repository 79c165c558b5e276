package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 2-D adaptive average pooling to a fixed output size whatever the input size, as
 * {@code torch.nn.AdaptiveAvgPool2d(output_size)}; a null entry keeps that input size.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output with the spatial sizes of {@code outputSize}.
 *
 * <pre>{@code
 * Tensor y = new AdaptiveAvgPool2d(1).forward(Tensor.randn(20, 16, 50, 32));   // global average pooling
 * }</pre>
 */
public class AdaptiveAvgPool2d extends AdaptivePoolNd {
    public AdaptiveAvgPool2d(int outputSize) {
        super(2, new Integer[] {outputSize}, true);
    }

    /** One size per spatial dim; null keeps the input's size there. */
    public AdaptiveAvgPool2d(Integer... outputSize) {
        super(2, outputSize, false);
    }

    public AdaptiveAvgPool2d(int[] outputSize) {
        super(2, boxed(outputSize), false);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, size);
    }
}
