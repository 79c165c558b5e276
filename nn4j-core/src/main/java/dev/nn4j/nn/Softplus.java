package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies (1/β) · log(1 + exp(β x)), linear above {@code threshold}, as
 * {@code torch.nn.Softplus(beta=1, threshold=20)}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new Softplus(2, 20).forward(x);
 * }</pre>
 */
public class Softplus extends Module {
    public final Number beta;
    public final Number threshold;

    public Softplus() {
        this(1, 20);
    }

    public Softplus(Number beta) {
        this(beta, 20);
    }

    public Softplus(Number beta, Number threshold) {
        Repr.num("Softplus", "beta", beta);
        Repr.num("Softplus", "threshold", threshold);
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softplus(input, beta.doubleValue(), threshold.doubleValue());
    }

    @Override
    public String extraRepr() {
        return "beta=" + Repr.py(beta) + ", threshold=" + Repr.py(threshold);
    }
}
