package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.Arrays;

/**
 * What the padding modules share: the padding per side, last dim first as {@code F.pad} takes it
 * ({@code (left, right)} in 1-D, {@code (left, right, top, bottom)} in 2-D, {@code (left, right, top,
 * bottom, front, back)} in 3-D; one int pads every side), and the {@code F.pad} mode.
 */
public abstract class PadNd extends Module {
    /** 2·dims values, last dim first. */
    public final int[] padding;
    final String mode;

    PadNd(String op, int dims, int[] padding, String mode) {
        int n = 2 * dims;
        if (padding.length == 1) {
            int[] p = new int[n];
            Arrays.fill(p, padding[0]);
            padding = p;
        } else if (padding.length != n) {
            throw new IllegalArgumentException(op + ": padding must be an int or a tuple of " + n + " ints, got " + Repr.tuple(padding));
        }
        this.padding = padding.clone();
        this.mode = mode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.pad(input, padding, mode);
    }

    @Override
    public String extraRepr() {
        return Repr.tuple(padding);
    }
}
