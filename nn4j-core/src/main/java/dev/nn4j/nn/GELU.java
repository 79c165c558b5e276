package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies GELU(x) = x · Φ(x) ({@code approximate = "none"}) or its tanh approximation
 * ({@code "tanh"}), as {@code torch.nn.GELU(approximate='none')}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new GELU("tanh").forward(x);
 * }</pre>
 */
public class GELU extends Module {
    public final String approximate;

    public GELU() {
        this("none");
    }

    public GELU(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("GELU: approximate must be 'none' or 'tanh', got '" + approximate + "'");
        }
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    public String extraRepr() {
        return "approximate=" + Repr.quote(approximate);
    }
}
