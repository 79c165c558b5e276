package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies the logistic sigmoid 1 / (1 + exp(-x)) elementwise, as {@code torch.nn.Sigmoid}.
 *
 * <p>Shapes: input (*), output (*) of the same shape.
 *
 * <pre>{@code
 * Tensor y = new Sigmoid().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class Sigmoid extends Module {
    public Sigmoid() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
