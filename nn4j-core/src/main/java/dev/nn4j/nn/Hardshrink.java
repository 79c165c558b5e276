package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies x where |x| > λ, else 0, as {@code torch.nn.Hardshrink(lambd=0.5)}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new Hardshrink(0.3).forward(x);
 * }</pre>
 */
public class Hardshrink extends Module {
    public final Number lambd;

    public Hardshrink() {
        this(0.5);
    }

    public Hardshrink(Number lambd) {
        Repr.num("Hardshrink", "lambd", lambd);
        this.lambd = lambd;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardshrink(input, lambd.doubleValue());
    }

    @Override
    public String extraRepr() {
        return Repr.py(lambd);
    }
}
