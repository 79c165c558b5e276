package dev.nn4j;

/** Element types of a {@link Tensor}, named as in PyTorch. */
public enum DType {
    FLOAT32("float32", true, 3),
    FLOAT64("float64", true, 4),
    INT64("int64", false, 2),
    BOOL("bool", false, 1);

    private final String torchName;
    private final boolean floating;
    private final int rank;

    DType(String torchName, boolean floating, int rank) {
        this.torchName = torchName;
        this.floating = floating;
        this.rank = rank;
    }

    /** PyTorch's name of this dtype, e.g. {@code "float32"}. */
    public String torchName() {
        return torchName;
    }

    public boolean isFloatingPoint() {
        return floating;
    }

    /** The dtype of an op mixing {@code a} and {@code b}, by PyTorch's promotion rules for these four types. */
    public static DType promote(DType a, DType b) {
        return a.rank >= b.rank ? a : b;
    }

    /** The dtype a floating-point op (exp, div, mean...) gives for an input of this dtype. */
    public DType toFloating() {
        return floating ? this : FLOAT32;
    }

    public static DType fromName(String name) {
        for (DType d : values()) {
            if (d.torchName.equals(name)) return d;
        }
        throw new IllegalArgumentException("unknown dtype '" + name + "', expected one of float32, float64, int64, bool");
    }

    @Override
    public String toString() {
        return "torch." + torchName;
    }
}
