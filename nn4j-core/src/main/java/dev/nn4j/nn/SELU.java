package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies scale · (max(0, x) + min(0, α(exp(x) - 1))) with α ≈ 1.6733, scale ≈ 1.0507 elementwise, as {@code torch.nn.SELU}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code inplace} the input is overwritten.
 *
 * <pre>{@code
 * Tensor y = new SELU().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class SELU extends Module {
    public final boolean inplace;

    public SELU() {
        this(false);
    }

    public SELU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.selu(input, inplace);
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
