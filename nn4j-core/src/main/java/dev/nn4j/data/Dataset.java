package dev.nn4j.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A map-style dataset ({@code torch.utils.data.Dataset}): {@link #size()} samples reachable by index.
 * {@link #getBatch} may be overridden to assemble a batch in one pass (the DataLoader uses it).
 */
public interface Dataset<T> {
    T get(int index);

    int size();

    /** The samples at {@code indices}, collated; the default gets each sample and applies {@code collate}. */
    default <B> B getBatch(int[] indices, Function<List<T>, B> collate) {
        List<T> items = new ArrayList<>(indices.length);
        for (int i : indices) items.add(get(i));
        return collate.apply(items);
    }

    /** Throws PyTorch's IndexError-style message when {@code index} is outside {@code [0, size)}. */
    static void checkIndex(int index, int size) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("dataset index " + index + " is out of range for a dataset of size " + size);
        }
    }
}
