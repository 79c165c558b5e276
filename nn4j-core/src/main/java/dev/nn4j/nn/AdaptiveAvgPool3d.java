package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * 3-D adaptive average pooling to a fixed output size whatever the input size, as
 * {@code torch.nn.AdaptiveAvgPool3d(output_size)}; a null entry keeps that input size.
 *
 * <p>Shapes: input (N, C, D, H, W) or (C, D, H, W), output with the spatial sizes of {@code outputSize}.
 *
 * <pre>{@code
 * Tensor y = new AdaptiveAvgPool3d(1).forward(Tensor.randn(20, 16, 10, 12, 8));   // global average pooling
 * }</pre>
 */
public class AdaptiveAvgPool3d extends AdaptivePoolNd {
    public AdaptiveAvgPool3d(int outputSize) {
        super(3, new Integer[] {outputSize}, true);
    }

    /** One size per spatial dim; null keeps the input's size there. */
    public AdaptiveAvgPool3d(Integer... outputSize) {
        super(3, outputSize, false);
    }

    public AdaptiveAvgPool3d(int[] outputSize) {
        super(3, boxed(outputSize), false);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool3d(input, size);
    }
}
