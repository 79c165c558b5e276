package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.Reduction;

/**
 * A loss with a per-class rescaling {@code weight} (PyTorch's {@code _WeightedLoss}), registered as a
 * buffer so it is saved in the state dict and converted by {@link #to}.
 */
public abstract class WeightedLoss extends Loss {
    /** The class weights (a buffer), or null. */
    public final Tensor weight;

    WeightedLoss(Tensor weight, Reduction reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
    }
}
