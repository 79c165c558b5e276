package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies x - λ for x > λ, x + λ for x < -λ, else 0, as {@code torch.nn.Softshrink(lambd=0.5)}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new Softshrink().forward(x);
 * }</pre>
 */
public class Softshrink extends Module {
    public final Number lambd;

    public Softshrink() {
        this(0.5);
    }

    public Softshrink(Number lambd) {
        Repr.num("Softshrink", "lambd", lambd);
        this.lambd = lambd;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softshrink(input, lambd.doubleValue());
    }

    @Override
    public String extraRepr() {
        return Repr.py(lambd);
    }
}
