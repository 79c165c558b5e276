package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * How a loss reduces its per-element values, as PyTorch's {@code reduction} argument:
 * {@code "none"} keeps them, {@code "mean"} averages them, {@code "sum"} adds them up.
 * {@link #BATCHMEAN} ({@code "batchmean"}: sum divided by the batch size) is accepted only by
 * {@link F#klDiv}, as in PyTorch.
 *
 * <pre>{@code
 * Tensor perSample = F.mseLoss(x, y, Reduction.NONE);
 * Reduction r = Reduction.of("sum");
 * }</pre>
 */
public enum Reduction {
    NONE("none"),
    MEAN("mean"),
    SUM("sum"),
    BATCHMEAN("batchmean");

    private final String torchName;

    Reduction(String torchName) {
        this.torchName = torchName;
    }

    /** PyTorch's string for this reduction. */
    public String torchName() {
        return torchName;
    }

    /** Parses PyTorch's reduction string ({@code "none" | "mean" | "sum" | "batchmean"}). */
    public static Reduction of(String name) {
        for (Reduction r : values()) {
            if (r.torchName.equals(name)) return r;
        }
        throw new IllegalArgumentException(name + " is not a valid value for reduction (expected one of \"none\", \"mean\", \"sum\", \"batchmean\")");
    }

    /**
     * The reduction meant by PyTorch's deprecated {@code size_average} / {@code reduce} flags (null = not given,
     * which counts as true): {@code reduce=false} gives NONE, else {@code size_average=false} gives SUM, else MEAN.
     */
    public static Reduction legacy(Boolean sizeAverage, Boolean reduce) {
        boolean sa = sizeAverage == null || sizeAverage;
        boolean rd = reduce == null || reduce;
        if (!rd) return NONE;
        return sa ? MEAN : SUM;
    }

    /** Applies NONE / MEAN / SUM to the per-element losses of {@code op}; BATCHMEAN is rejected (klDiv handles it). */
    Tensor apply(String op, Tensor loss) {
        return switch (this) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
            case BATCHMEAN -> throw new IllegalArgumentException(op + ": reduction \"batchmean\" is only supported by kl_div; "
                    + "expected \"none\", \"mean\" or \"sum\"");
        };
    }

    @Override
    public String toString() {
        return torchName;
    }
}
