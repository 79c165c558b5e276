package dev.nn4j.nn;

import dev.nn4j.Tensor;
import java.util.Arrays;
import java.util.List;

/** The output-size logic of the transposed convolutions (PyTorch's {@code _ConvTransposeNd._output_padding}). */
final class ConvTransposes {
    private ConvTransposes() {}

    /** The output padding that makes a transposed convolution of {@code input} produce {@code outputSize}. */
    static int[] outputPadding(String op, Tensor input, int[] outputSize, int[] stride, int[] padding, int[] kernelSize, int[] dilation) {
        int dims = kernelSize.length;
        boolean batched = input.dim() == dims + 2;
        int nonSpatial = batched ? 2 : 1;
        int[] size = outputSize;
        if (size.length == nonSpatial + dims) size = Arrays.copyOfRange(size, nonSpatial, size.length);
        if (size.length != dims) {
            throw new IllegalArgumentException(op + ": for " + input.dim() + "D input, output_size must have " + dims + " or "
                    + (nonSpatial + dims) + " elements (got " + outputSize.length + ")");
        }
        int[] min = new int[dims], max = new int[dims], res = new int[dims];
        for (int d = 0; d < dims; d++) {
            min[d] = (input.size(d + nonSpatial) - 1) * stride[d] - 2 * padding[d] + dilation[d] * (kernelSize[d] - 1) + 1;
            max[d] = min[d] + stride[d] - 1;
        }
        for (int d = 0; d < dims; d++) {
            if (size[d] < min[d] || size[d] > max[d]) {
                int[] spatial = Arrays.copyOfRange(input.shape(), nonSpatial, input.dim());
                throw new IllegalArgumentException(op + ": requested an output size of " + Repr.list(size) + ", but valid sizes range from "
                        + Repr.list(min) + " to " + Repr.list(max) + " (for an input of " + Repr.size(spatial) + ")");
            }
            res[d] = size[d] - min[d];
        }
        return res;
    }

    /** An output size passed through {@code call(Object...)}: an int[], a List of numbers or a shape tensor. */
    static int[] toInts(Object o) {
        if (o == null) return null;
        if (o instanceof int[] a) return a;
        if (o instanceof List<?> l) return l.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
        if (o instanceof Tensor t) return Arrays.stream(t.toLongArray()).mapToInt(v -> (int) v).toArray();
        throw new IllegalArgumentException("expected an output size (int[] or List<Integer>), got " + o.getClass().getSimpleName());
    }
}
