package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies min(max(0, x), 6) elementwise, as {@code torch.nn.ReLU6}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code inplace} the input is overwritten.
 *
 * <pre>{@code
 * Tensor y = new ReLU6().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class ReLU6 extends Module {
    public final boolean inplace;

    public ReLU6() {
        this(false);
    }

    public ReLU6(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.relu6(input, inplace);
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
