package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Randomized leaky ReLU, as {@code torch.nn.RReLU(lower=1/8, upper=1/3, inplace=False)}: in training the
 * negative slope of each element is drawn from U(lower, upper); in evaluation it is (lower + upper) / 2.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new RReLU().forward(x);
 * }</pre>
 */
public class RReLU extends Module {
    public final Number lower;
    public final Number upper;
    public final boolean inplace;

    public RReLU() {
        this(1.0 / 8, 1.0 / 3, false);
    }

    public RReLU(Number lower, Number upper) {
        this(lower, upper, false);
    }

    public RReLU(Number lower, Number upper, boolean inplace) {
        Repr.num("RReLU", "lower", lower);
        Repr.num("RReLU", "upper", upper);
        this.lower = lower;
        this.upper = upper;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.rrelu(input, lower.doubleValue(), upper.doubleValue(), training, inplace);
    }

    @Override
    public String extraRepr() {
        return "lower=" + Repr.py(lower) + ", upper=" + Repr.py(upper) + (inplace ? ", inplace=True" : "");
    }
}
