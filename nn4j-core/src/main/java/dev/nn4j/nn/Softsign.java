package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies x / (1 + |x|) elementwise, as {@code torch.nn.Softsign}.
 *
 * <p>Shapes: input (*), output (*) of the same shape.
 *
 * <pre>{@code
 * Tensor y = new Softsign().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class Softsign extends Module {
    public Softsign() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.softsign(input);
    }
}
