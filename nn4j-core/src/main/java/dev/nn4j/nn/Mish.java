package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies x · tanh(softplus(x)) elementwise, as {@code torch.nn.Mish}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code inplace} the input is overwritten.
 *
 * <pre>{@code
 * Tensor y = new Mish().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class Mish extends Module {
    public final boolean inplace;

    public Mish() {
        this(false);
    }

    public Mish(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.mish(input, inplace);
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
