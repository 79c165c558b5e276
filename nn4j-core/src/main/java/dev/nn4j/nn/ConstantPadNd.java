package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/** What the constant padding modules share: the fill {@code value} (kept as given: an int prints as an int). */
public abstract class ConstantPadNd extends PadNd {
    public final Number value;

    ConstantPadNd(String op, int dims, int[] padding, Number value) {
        super(op, dims, padding, "constant");
        Repr.num(op, "value", value);
        this.value = value;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.pad(input, padding, "constant", value.doubleValue());
    }

    @Override
    public String extraRepr() {
        return "padding=" + Repr.tuple(padding) + ", value=" + Repr.py(value);
    }
}
