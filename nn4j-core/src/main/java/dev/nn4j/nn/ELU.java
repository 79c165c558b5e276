package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies ELU(x) = x for x > 0, α · (exp(x) - 1) otherwise, as {@code torch.nn.ELU(alpha=1.0, inplace=False)}.
 *
 * <p>Shapes: input (*), output (*). Numbers are kept as given (an int {@code alpha} prints as an int).
 *
 * <pre>{@code
 * Tensor y = new ELU(0.5).forward(x);
 * }</pre>
 */
public class ELU extends Module {
    public final Number alpha;
    public final boolean inplace;

    public ELU() {
        this(1.0, false);
    }

    public ELU(Number alpha) {
        this(alpha, false);
    }

    public ELU(Number alpha, boolean inplace) {
        Repr.num("ELU", "alpha", alpha);
        this.alpha = alpha;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.elu(input, alpha.doubleValue(), inplace);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + Repr.py(alpha) + (inplace ? ", inplace=True" : "");
    }
}
