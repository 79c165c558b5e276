package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies x · relu6(x + 3) / 6 elementwise, as {@code torch.nn.Hardswish}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code inplace} the input is overwritten.
 *
 * <pre>{@code
 * Tensor y = new Hardswish().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class Hardswish extends Module {
    public final boolean inplace;

    public Hardswish() {
        this(false);
    }

    public Hardswish(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardswish(input, inplace);
    }
}
