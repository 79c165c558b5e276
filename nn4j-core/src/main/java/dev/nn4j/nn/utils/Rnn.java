package dev.nn4j.nn.utils;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Padding and packing variable-length sequences for recurrent modules, as {@code torch.nn.utils.rnn}.
 * All functions are differentiable in their tensor inputs.
 *
 * <pre>{@code
 * Tensor padded = Rnn.padSequence(List.of(a, b, c), true, 0);         // (B, T_max, *)
 * PackedSequence p = Rnn.packPaddedSequence(padded, new long[] {5, 3, 2}, true, true);
 * var out = lstm.forward(p, null);                                    // packed output
 * Rnn.Padded y = Rnn.padPackedSequence(out.packedOutput(), true, 0, null);
 * }</pre>
 */
public final class Rnn {
    private Rnn() {}

    /** A padded batch and the length of each sequence (int64, in the batch's original order). */
    public record Padded(Tensor padded, Tensor lengths) {}

    /**
     * Stacks sequences of shape (L_i, *) into (T, B, *) ({@code batchFirst}: (B, T, *)) with T the longest
     * length, filling the tail of shorter ones with {@code paddingValue}.
     */
    public static Tensor padSequence(List<Tensor> sequences, boolean batchFirst, double paddingValue) {
        if (sequences.isEmpty()) throw new IllegalArgumentException("padSequence: received an empty list of sequences");
        int[] trailing = Arrays.copyOfRange(sequences.get(0).shape(), 1, sequences.get(0).dim());
        int maxLen = 0;
        for (Tensor s : sequences) {
            if (s.dim() < 1 || !Arrays.equals(Arrays.copyOfRange(s.shape(), 1, s.dim()), trailing)) {
                throw new IllegalArgumentException("padSequence: every sequence must have shape (L, " + dims(trailing) + "), got "
                        + Arrays.toString(s.shape()));
            }
            maxLen = Math.max(maxLen, s.size(0));
        }
        List<Tensor> rows = new ArrayList<>();
        for (Tensor s : sequences) {
            int len = s.size(0);
            if (len == maxLen) {
                rows.add(s);
            } else {
                int[] padShape = s.shape();
                padShape[0] = maxLen - len;
                rows.add(Tensor.cat(List.of(s, Tensor.full(padShape, paddingValue, s.dtype())), 0));
            }
        }
        return Tensor.stack(rows, batchFirst ? 0 : 1);
    }

    public static Tensor padSequence(List<Tensor> sequences) {
        return padSequence(sequences, false, 0);
    }

    private static String dims(int[] trailing) {
        StringBuilder b = new StringBuilder("*");
        if (trailing.length > 0) b.setLength(0);
        for (int i = 0; i < trailing.length; i++) b.append(i == 0 ? "" : ", ").append(trailing[i]);
        return b.toString();
    }

    /**
     * Packs a padded batch (T, B, *) ({@code batchFirst}: (B, T, *)) whose sequence {@code b} has
     * {@code lengths[b]} valid steps. With {@code enforceSorted} the lengths must be non-increasing;
     * otherwise the batch is sorted here and the permutation kept in the result.
     */
    public static PackedSequence packPaddedSequence(Tensor input, long[] lengths, boolean batchFirst, boolean enforceSorted) {
        int batchDim = batchFirst ? 0 : 1, timeDim = batchFirst ? 1 : 0;
        if (input.dim() < 2) throw new IllegalArgumentException("packPaddedSequence: expected input of at least 2 dims (T, B, *), got "
                + Arrays.toString(input.shape()));
        int batch = input.size(batchDim);
        if (lengths.length != batch) {
            throw new IllegalArgumentException("packPaddedSequence: expected " + batch + " lengths (the batch size), got " + lengths.length);
        }
        Tensor sortedIndices = null, unsortedIndices = null;
        long[] lens = lengths.clone();
        if (!enforceSorted) {
            int[] order = sortDescendingStable(lengths);
            long[] idx = new long[batch], inv = new long[batch];
            for (int i = 0; i < batch; i++) {
                idx[i] = order[i];
                inv[order[i]] = i;
                lens[i] = lengths[order[i]];
            }
            sortedIndices = Tensor.fromArray(idx, batch);
            unsortedIndices = Tensor.fromArray(inv, batch);
            input = input.indexSelect(batchDim, sortedIndices);
        }
        for (int i = 0; i < batch; i++) {
            if (lens[i] <= 0) {
                throw new IllegalArgumentException("packPaddedSequence: length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0");
            }
            if (i > 0 && lens[i] > lens[i - 1]) {
                throw new IllegalArgumentException("packPaddedSequence: `lengths` array must be sorted in decreasing order when `enforceSorted` is true. "
                        + "You can pass enforceSorted=false to packPaddedSequence and/or packSequence to sidestep this requirement");
            }
        }
        if (batch > 0 && lens[0] > input.size(timeDim)) {
            throw new IllegalArgumentException("packPaddedSequence: the longest length " + lens[0] + " exceeds the " + input.size(timeDim) + " time steps of the input");
        }
        Tensor timeMajor = batchFirst ? input.transpose(0, 1) : input;
        int steps = batch == 0 ? 0 : (int) lens[0];
        long[] batchSizes = new long[steps];
        List<Tensor> parts = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            int bs = 0;
            while (bs < batch && lens[bs] > t) bs++;
            batchSizes[t] = bs;
            parts.add(timeMajor.select(0, t).narrow(0, 0, bs));
        }
        Tensor data = parts.isEmpty() ? Tensor.zeros(input.dtype(), 0) : Tensor.cat(parts, 0);
        return new PackedSequence(data, Tensor.fromArray(batchSizes, steps), sortedIndices, unsortedIndices);
    }

    public static PackedSequence packPaddedSequence(Tensor input, Tensor lengths, boolean batchFirst, boolean enforceSorted) {
        return packPaddedSequence(input, lengths.to(DType.INT64).toLongArray(), batchFirst, enforceSorted);
    }

    /** Packs sequences of shape (L_i, *) ({@link #padSequence} then {@link #packPaddedSequence}). */
    public static PackedSequence packSequence(List<Tensor> sequences, boolean enforceSorted) {
        long[] lengths = new long[sequences.size()];
        for (int i = 0; i < lengths.length; i++) lengths[i] = sequences.get(i).size(0);
        return packPaddedSequence(padSequence(sequences), lengths, false, enforceSorted);
    }

    public static PackedSequence packSequence(List<Tensor> sequences) {
        return packSequence(sequences, true);
    }

    /**
     * Unpacks to a padded batch (T, B, *) ({@code batchFirst}: (B, T, *)) in the original batch order, with
     * {@code paddingValue} after each sequence's end; {@code totalLength} (null: the longest length) pads
     * further, e.g. to the length of the input before packing.
     */
    public static Padded padPackedSequence(PackedSequence sequence, boolean batchFirst, double paddingValue, Integer totalLength) {
        int[] bs = sequence.batchSizesArray();
        int steps = bs.length, batch = sequence.batchSize();
        int maxLen = totalLength == null ? steps : totalLength;
        if (totalLength != null && totalLength < steps) {
            throw new IllegalArgumentException("padPackedSequence: expected totalLength to be at least the length of the longest sequence in input, but got totalLength="
                    + totalLength + " and max sequence length being " + steps);
        }
        Tensor data = sequence.data();
        int[] trailing = Arrays.copyOfRange(data.shape(), 1, data.dim());
        List<Tensor> rows = new ArrayList<>();
        int offset = 0;
        for (int t = 0; t < maxLen; t++) {
            int n = t < steps ? bs[t] : 0;
            Tensor step = data.narrow(0, offset, n);
            offset += n;
            if (n < batch) {
                int[] padShape = new int[trailing.length + 1];
                padShape[0] = batch - n;
                System.arraycopy(trailing, 0, padShape, 1, trailing.length);
                step = Tensor.cat(List.of(step, Tensor.full(padShape, paddingValue, data.dtype())), 0);
            }
            rows.add(step);
        }
        Tensor padded = Tensor.stack(rows, 0);
        long[] lengths = new long[batch];
        for (int b = 0; b < batch; b++) {
            int len = 0;
            while (len < steps && bs[len] > b) len++;
            lengths[b] = len;
        }
        Tensor lens = Tensor.fromArray(lengths, batch);
        if (sequence.unsortedIndices() != null) {
            padded = padded.indexSelect(1, sequence.unsortedIndices());
            lens = lens.indexSelect(0, sequence.unsortedIndices());
        }
        if (batchFirst) padded = padded.transpose(0, 1);
        return new Padded(padded, lens);
    }

    public static Padded padPackedSequence(PackedSequence sequence, boolean batchFirst) {
        return padPackedSequence(sequence, batchFirst, 0, null);
    }

    /** The sequences of a packed batch, each (L_i, *), in the original order. */
    public static List<Tensor> unpackSequence(PackedSequence packed) {
        Padded p = padPackedSequence(packed, true);
        return unpadSequence(p.padded(), p.lengths(), true);
    }

    /** Cuts a padded batch back into its sequences, each (L_i, *). */
    public static List<Tensor> unpadSequence(Tensor padded, Tensor lengths, boolean batchFirst) {
        Tensor bt = batchFirst ? padded : padded.transpose(0, 1);
        long[] lens = lengths.toLongArray();
        List<Tensor> out = new ArrayList<>();
        for (int b = 0; b < lens.length; b++) out.add(bt.select(0, b).narrow(0, 0, (int) lens[b]));
        return out;
    }

    /** Indices that sort {@code v} by decreasing value, ties kept in their original order. */
    static int[] sortDescendingStable(long[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Long.compare(v[b], v[a]));
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) r[i] = idx[i];
        return r;
    }
}
