package dev.nn4j.data;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.List;
import java.util.function.Function;

/** Samples are the i-th rows of tensors that share their first dimension ({@code torch.utils.data.TensorDataset}). */
public final class TensorDataset implements Dataset<Tensor[]> {
    private final Tensor[] tensors;

    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset: expected at least one tensor");
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i] == null) throw new IllegalArgumentException("TensorDataset: tensor " + i + " is null");
            if (tensors[i].dim() == 0) {
                throw new IllegalArgumentException("TensorDataset: tensor " + i + " is 0-dim; every tensor needs a first (sample) dimension");
            }
        }
        for (Tensor t : tensors) {
            if (t.size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException("TensorDataset: size mismatch between tensors: " + Shapes.str(tensors[0].shape())
                        + " and " + Shapes.str(t.shape()) + " (all need the same first dimension)");
            }
        }
        this.tensors = tensors.clone();
    }

    @Override
    public Tensor[] get(int index) {
        Dataset.checkIndex(index, size());
        Tensor[] r = new Tensor[tensors.length];
        for (int k = 0; k < r.length; k++) r[k] = tensors[k].select(0, index);
        return r;
    }

    @Override
    public int size() {
        return tensors[0].size(0);
    }

    /** One index_select per tensor instead of one view per sample. */
    @Override
    @SuppressWarnings("unchecked")
    public <B> B getBatch(int[] indices, Function<List<Tensor[]>, B> collate) {
        if (collate != (Object) Collate.DEFAULT) return Dataset.super.getBatch(indices, collate);
        long[] idx = new long[indices.length];
        for (int i = 0; i < idx.length; i++) {
            Dataset.checkIndex(indices[i], size());
            idx[i] = indices[i];
        }
        Tensor index = Tensor.fromArray(idx, idx.length);
        Tensor[] r = new Tensor[tensors.length];
        for (int k = 0; k < r.length; k++) r[k] = tensors[k].detach().indexSelect(0, index);
        return (B) r;
    }

    public Tensor[] tensors() {
        return tensors.clone();
    }
}
