package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Keeps x where x > threshold and writes {@code value} elsewhere, as
 * {@code torch.nn.Threshold(threshold, value, inplace=False)}.
 *
 * <p>Shapes: input (*), output (*).
 *
 * <pre>{@code
 * Tensor y = new Threshold(0.1, 20).forward(x);
 * }</pre>
 */
public class Threshold extends Module {
    public final Number threshold;
    public final Number value;
    public final boolean inplace;

    public Threshold(Number threshold, Number value) {
        this(threshold, value, false);
    }

    public Threshold(Number threshold, Number value, boolean inplace) {
        Repr.num("Threshold", "threshold", threshold);
        Repr.num("Threshold", "value", value);
        this.threshold = threshold;
        this.value = value;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.threshold(input, threshold.doubleValue(), value.doubleValue(), inplace);
    }

    @Override
    public String extraRepr() {
        return "threshold=" + Repr.py(threshold) + ", value=" + Repr.py(value) + (inplace ? ", inplace=True" : "");
    }
}
