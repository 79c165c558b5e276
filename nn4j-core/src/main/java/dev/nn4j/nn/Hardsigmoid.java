package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies relu6(x + 3) / 6 elementwise, as {@code torch.nn.Hardsigmoid}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code inplace} the input is overwritten.
 *
 * <pre>{@code
 * Tensor y = new Hardsigmoid().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class Hardsigmoid extends Module {
    public final boolean inplace;

    public Hardsigmoid() {
        this(false);
    }

    public Hardsigmoid(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardsigmoid(input, inplace);
    }
}
