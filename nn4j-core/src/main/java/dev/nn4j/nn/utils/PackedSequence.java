package dev.nn4j.nn.utils;

import dev.nn4j.Tensor;

/**
 * A batch of variable-length sequences packed time step by time step, as
 * {@code torch.nn.utils.rnn.PackedSequence}; the recurrent modules (RNN, LSTM, GRU) accept it and skip the
 * padding. Build one with {@link Rnn#packPaddedSequence} or {@link Rnn#packSequence}.
 *
 * @param data the packed elements, shape (sum of lengths, *): all sequences' step 0, then step 1, ...
 * @param batchSizes how many sequences are still running at each step (int64, 1-D, non-increasing)
 * @param sortedIndices the permutation that sorted the batch by decreasing length (null when it was sorted)
 * @param unsortedIndices its inverse (null when it was sorted)
 */
public record PackedSequence(Tensor data, Tensor batchSizes, Tensor sortedIndices, Tensor unsortedIndices) {
    /** The same packing around new data (e.g. the output of a recurrent layer). */
    public PackedSequence withData(Tensor newData) {
        return new PackedSequence(newData, batchSizes, sortedIndices, unsortedIndices);
    }

    /** The batch size (number of sequences). */
    public int batchSize() {
        return batchSizes.numel() == 0 ? 0 : (int) batchSizes.getLong(0);
    }

    /** The batch sizes as a Java array. */
    public int[] batchSizesArray() {
        long[] b = batchSizes.toLongArray();
        int[] r = new int[b.length];
        for (int i = 0; i < b.length; i++) r[i] = (int) b[i];
        return r;
    }
}
