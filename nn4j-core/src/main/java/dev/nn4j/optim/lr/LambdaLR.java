package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import java.util.function.IntToDoubleFunction;

/** Sets the rate to {@code baseLr * lambda(epoch)}. */
public final class LambdaLR extends LRScheduler {
    private final IntToDoubleFunction lambda;

    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lambda) {
        super(optimizer);
        this.lambda = lambda;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        return fill(baseLrs.length, i -> baseLrs[i] * lambda.applyAsDouble(lastEpoch));
    }
}
