package dev.nn4j.nn;

import java.util.StringJoiner;

/**
 * What the adaptive pooling modules share: the output size, an int or one value per spatial dim where null
 * (PyTorch's None) keeps that input size; printed as given.
 */
public abstract class AdaptivePoolNd extends Module {
    private final Integer[] outputSize;
    private final boolean scalar;
    /** The output size for {@code F} (-1 where the input size is kept). */
    final int[] size;

    AdaptivePoolNd(int dims, Integer[] outputSize, boolean scalar) {
        if (outputSize == null || (!scalar && outputSize.length != dims) || (scalar && outputSize[0] == null)) {
            throw new IllegalArgumentException(getName() + ": output_size must be an int or a tuple of " + dims + " ints or None");
        }
        this.outputSize = outputSize.clone();
        this.scalar = scalar;
        this.size = new int[scalar ? 1 : dims];
        for (int i = 0; i < size.length; i++) size[i] = outputSize[i] == null ? -1 : outputSize[i];
    }

    static Integer[] boxed(int[] v) {
        Integer[] r = new Integer[v.length];
        for (int i = 0; i < v.length; i++) r[i] = v[i];
        return r;
    }

    @Override
    public String extraRepr() {
        if (scalar) return "output_size=" + outputSize[0];
        StringJoiner j = new StringJoiner(", ", "(", outputSize.length == 1 ? ",)" : ")");
        for (Integer v : outputSize) j.add(v == null ? "None" : v.toString());
        return "output_size=" + j;
    }
}
