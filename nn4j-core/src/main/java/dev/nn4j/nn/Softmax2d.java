package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies softmax over the channels at every spatial location, as {@code torch.nn.Softmax2d()}.
 *
 * <p>Shapes: input (N, C, H, W) or (C, H, W), output the same.
 *
 * <pre>{@code
 * Tensor p = new Softmax2d().forward(Tensor.randn(2, 3, 12, 13));
 * }</pre>
 */
public class Softmax2d extends Module {
    public Softmax2d() {}

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("Softmax2d: expected input to be 3D or 4D, got " + input.dim() + "D instead");
        }
        return F.softmax(input, -3);
    }
}
