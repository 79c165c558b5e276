package dev.nn4j.data;

import java.util.List;

/** The concatenation of several datasets ({@code torch.utils.data.ConcatDataset}). */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<T>> parts;
    private final int[] ends;

    public ConcatDataset(List<Dataset<T>> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("ConcatDataset: datasets should not be an empty list");
        this.parts = List.copyOf(parts);
        ends = new int[parts.size()];
        int total = 0;
        for (int i = 0; i < ends.length; i++) {
            total = Math.addExact(total, parts.get(i).size());
            ends[i] = total;
        }
    }

    @Override
    public T get(int index) {
        Dataset.checkIndex(index, size());
        int p = 0;
        while (index >= ends[p]) p++;
        return parts.get(p).get(index - (p == 0 ? 0 : ends[p - 1]));
    }

    @Override
    public int size() {
        return ends[ends.length - 1];
    }
}
