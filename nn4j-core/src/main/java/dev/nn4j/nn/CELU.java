package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies CELU(x) = max(0, x) + min(0, α · (exp(x / α) - 1)), as {@code torch.nn.CELU(alpha=1.0, inplace=False)}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new CELU(2.0).forward(x);
 * }</pre>
 */
public class CELU extends Module {
    public final Number alpha;
    public final boolean inplace;

    public CELU() {
        this(1.0, false);
    }

    public CELU(Number alpha) {
        this(alpha, false);
    }

    public CELU(Number alpha, boolean inplace) {
        Repr.num("CELU", "alpha", alpha);
        this.alpha = alpha;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.celu(input, alpha.doubleValue(), inplace);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + Repr.py(alpha) + (inplace ? ", inplace=True" : "");
    }
}
