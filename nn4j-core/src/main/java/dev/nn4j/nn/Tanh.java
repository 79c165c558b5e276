package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies tanh elementwise, as {@code torch.nn.Tanh}.
 *
 * <p>Shapes: input (*), output (*) of the same shape.
 *
 * <pre>{@code
 * Tensor y = new Tanh().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class Tanh extends Module {
    public Tanh() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
