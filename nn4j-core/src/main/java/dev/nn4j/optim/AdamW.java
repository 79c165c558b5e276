package dev.nn4j.optim;

import dev.nn4j.Tensor;

/**
 * AdamW ({@code torch.optim.AdamW}): Adam with decoupled weight decay, {@code p *= 1 - lr*weight_decay} before
 * the Adam step. Default weight decay 0.01.
 */
public final class AdamW extends Adam {

    public static Adam.Options options() {
        return Adam.adamWOptions();
    }

    public AdamW(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public AdamW(Iterable<Tensor> params, Adam.Options options) {
        super(params, options, true);
    }
}
