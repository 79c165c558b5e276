package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * Makes module parameters, as {@code torch.nn.Parameter}. nn4j's {@link Tensor} is final, so a
 * parameter is an ordinary tensor that requires grad and is registered with
 * {@link Module#registerParameter}: it can be passed straight to any {@code F} op.
 *
 * <pre>{@code
 * weight = registerParameter("weight", Parameter.of(Tensor.empty(outFeatures, inFeatures)));
 * }</pre>
 */
public final class Parameter {
    private Parameter() {}

    /** A leaf sharing {@code data}'s storage that requires grad ({@code nn.Parameter(data)}). */
    public static Tensor of(Tensor data) {
        return of(data, true);
    }

    /** A leaf sharing {@code data}'s storage, with the given {@code requiresGrad} flag. */
    public static Tensor of(Tensor data, boolean requiresGrad) {
        if (data == null) throw new IllegalArgumentException("Parameter.of: data must not be null");
        if (!data.isFloatingPoint()) {
            throw new IllegalArgumentException("Parameter.of: only Tensors of floating point dtype can require gradients, got " + data.dtype());
        }
        return data.detach().requiresGrad_(requiresGrad);
    }
}
