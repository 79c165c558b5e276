package dev.nn4j.nn;

import dev.nn4j.Tensor;
import java.util.List;

/**
 * A module result made of several tensors (PyTorch's tuple outputs: {@code output, h_n} of an RNN,
 * {@code attn_output, attn_weights} of attention). {@link #tensors()} flattens it in PyTorch's order,
 * leaving out absent (None) entries.
 */
public interface TensorTuple {
    List<Tensor> tensors();

    /** The non-null tensors of {@code items}, in order (helper for implementations). */
    static List<Tensor> of(Tensor... items) {
        List<Tensor> out = new java.util.ArrayList<>();
        for (Tensor t : items) if (t != null) out.add(t);
        return out;
    }
}
