package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Clamps the input into [min_val, max_val], as {@code torch.nn.Hardtanh(min_val=-1.0, max_val=1.0, inplace=False)}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new Hardtanh(0, 6).forward(x);   // prints Hardtanh(min_val=0, max_val=6)
 * }</pre>
 */
public class Hardtanh extends Module {
    public final Number minVal;
    public final Number maxVal;
    public final boolean inplace;

    public Hardtanh() {
        this(-1.0, 1.0, false);
    }

    public Hardtanh(Number minVal, Number maxVal) {
        this(minVal, maxVal, false);
    }

    public Hardtanh(Number minVal, Number maxVal, boolean inplace) {
        if (!(Repr.num("Hardtanh", "max_val", maxVal) > Repr.num("Hardtanh", "min_val", minVal))) {
            throw new IllegalArgumentException("Hardtanh: max_val (" + maxVal + ") must be greater than min_val (" + minVal + ")");
        }
        this.minVal = minVal;
        this.maxVal = maxVal;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.hardtanh(input, minVal.doubleValue(), maxVal.doubleValue(), inplace);
    }

    @Override
    public String extraRepr() {
        return "min_val=" + Repr.py(minVal) + ", max_val=" + Repr.py(maxVal) + (inplace ? ", inplace=True" : "");
    }
}
