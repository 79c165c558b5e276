package dev.nn4j.data;

import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The default collate: stacks the k-th tensor of every sample into the k-th tensor of the batch. */
public final class Collate {
    private Collate() {}

    /** {@code torch.utils.data.default_collate} for samples that are arrays of tensors. */
    public static final Function<List<Tensor[]>, Tensor[]> DEFAULT = Collate::stack;

    public static Tensor[] stack(List<Tensor[]> samples) {
        if (samples.isEmpty()) throw new IllegalArgumentException("collate: empty batch");
        for (Object s : (List<?>) samples) {
            if (!(s instanceof Tensor[])) {
                throw new IllegalArgumentException("collate: the default collate stacks samples of type Tensor[], got "
                        + (s == null ? "null" : s.getClass().getSimpleName()) + "; pass DataLoader.builder(...).collate(fn)");
            }
        }
        int k = samples.get(0).length;
        Tensor[] out = new Tensor[k];
        for (int j = 0; j < k; j++) {
            List<Tensor> col = new ArrayList<>(samples.size());
            for (Tensor[] s : samples) {
                if (s.length != k) throw new IllegalArgumentException("collate: samples have different numbers of fields (" + k + " vs " + s.length + ")");
                col.add(s[j].detach());
            }
            out[j] = Tensor.stack(col, 0);
        }
        return out;
    }
}
