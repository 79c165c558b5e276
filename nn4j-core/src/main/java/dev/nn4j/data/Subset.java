package dev.nn4j.data;

import java.util.List;
import java.util.function.Function;

/** The samples of {@code dataset} at {@code indices} ({@code torch.utils.data.Subset}). */
public final class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final int[] indices;

    public Subset(Dataset<T> dataset, int[] indices) {
        for (int i : indices) Dataset.checkIndex(i, dataset.size());
        this.dataset = dataset;
        this.indices = indices.clone();
    }

    @Override
    public T get(int index) {
        Dataset.checkIndex(index, indices.length);
        return dataset.get(indices[index]);
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public <B> B getBatch(int[] batch, Function<List<T>, B> collate) {
        int[] mapped = new int[batch.length];
        for (int i = 0; i < batch.length; i++) {
            Dataset.checkIndex(batch[i], indices.length);
            mapped[i] = indices[batch[i]];
        }
        return dataset.getBatch(mapped, collate);
    }

    public int[] indices() {
        return indices.clone();
    }
}
