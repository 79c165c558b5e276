package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies x - tanh(x) elementwise, as {@code torch.nn.Tanhshrink}.
 *
 * <p>Shapes: input (*), output (*) of the same shape.
 *
 * <pre>{@code
 * Tensor y = new Tanhshrink().forward(Tensor.randn(2, 3));
 * }</pre>
 */
public class Tanhshrink extends Module {
    public Tanhshrink() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.tanhshrink(input);
    }
}
