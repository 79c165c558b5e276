package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies max(0, x) + negative_slope · min(0, x), as {@code torch.nn.LeakyReLU(negative_slope=0.01, inplace=False)}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new LeakyReLU(0.2).forward(x);
 * }</pre>
 */
public class LeakyReLU extends Module {
    public final Number negativeSlope;
    public final boolean inplace;

    public LeakyReLU() {
        this(0.01, false);
    }

    public LeakyReLU(Number negativeSlope) {
        this(negativeSlope, false);
    }

    public LeakyReLU(Number negativeSlope, boolean inplace) {
        Repr.num("LeakyReLU", "negative_slope", negativeSlope);
        this.negativeSlope = negativeSlope;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope.doubleValue(), inplace);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + Repr.py(negativeSlope) + (inplace ? ", inplace=True" : "");
    }
}
