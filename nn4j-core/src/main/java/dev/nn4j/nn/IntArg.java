package dev.nn4j.nn;

import java.util.Arrays;

/**
 * A PyTorch "int or tuple of ints" argument, remembered as given: some modules print it back as given
 * ({@code MaxPool2d(kernel_size=2, stride=2, ...)} vs {@code kernel_size=(2, 2)}), and most expand a single
 * int to one value per spatial dim ({@code _pair}, {@code _triple}).
 *
 * <pre>{@code
 * new MaxPool2d(IntArg.of(3), IntArg.of(2, 1), IntArg.of(1), IntArg.of(1), false, false);
 * }</pre>
 */
public final class IntArg {
    private final int[] values;
    private final boolean scalar;

    private IntArg(int[] values, boolean scalar) {
        this.values = values;
        this.scalar = scalar;
    }

    /** A single int (applies to every dim). */
    public static IntArg of(int v) {
        return new IntArg(new int[] {v}, true);
    }

    /** A tuple, even of one value (null stays null, for PyTorch's None). */
    public static IntArg of(int... v) {
        return v == null ? null : new IntArg(v.clone(), false);
    }

    /** Whether it was given as a single int. */
    public boolean isScalar() {
        return scalar;
    }

    /** The values as given (one value for a single int). */
    public int[] values() {
        return values.clone();
    }

    /** One value per dim: a single int repeated {@code n} times, a tuple checked to have {@code n} values. */
    int[] expand(int n, String op, String name) {
        if (scalar) {
            int[] r = new int[n];
            Arrays.fill(r, values[0]);
            return r;
        }
        if (values.length != n) {
            throw new IllegalArgumentException(op + ": " + name + " must be an int or a tuple of " + n + " ints, got " + Repr.tuple(values));
        }
        return values.clone();
    }

    /** Python's repr of the value as given: {@code 2} or {@code (2, 2)}. */
    public String repr() {
        return scalar ? Integer.toString(values[0]) : Repr.tuple(values);
    }

    /** The repr of a possibly absent argument ({@code None}). */
    static String repr(IntArg a) {
        return a == null ? "None" : a.repr();
    }

    @Override
    public String toString() {
        return repr();
    }
}
