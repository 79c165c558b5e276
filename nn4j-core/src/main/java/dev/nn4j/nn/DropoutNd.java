package dev.nn4j.nn;

/**
 * What the dropout modules share (PyTorch's {@code _DropoutNd}): the drop probability {@code p} (kept as
 * given, so {@code Dropout(0)} prints {@code p=0}) and {@code inplace}. They drop only in training mode.
 */
public abstract class DropoutNd extends Module {
    public final Number p;
    public final boolean inplace;

    DropoutNd(String op, Number p, boolean inplace) {
        double v = Repr.num(op, "p", p);
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(op + ": dropout probability has to be between 0 and 1, but got " + Repr.py(p));
        }
        this.p = p;
        this.inplace = inplace;
    }

    @Override
    public String extraRepr() {
        return "p=" + Repr.py(p) + ", inplace=" + Repr.py(inplace);
    }
}
