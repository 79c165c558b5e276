package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies x · sigmoid(x) (swish) elementwise, as {@code torch.nn.SiLU}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code inplace} the input is overwritten.
 *
 * <pre>{@code
 * Tensor y = new SiLU().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class SiLU extends Module {
    public final boolean inplace;

    public SiLU() {
        this(false);
    }

    public SiLU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input, inplace);
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
