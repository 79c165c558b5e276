package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import java.util.function.IntToDoubleFunction;

/** Multiplies the rate by {@code lambda(epoch)} every epoch after the first. */
public final class MultiplicativeLR extends LRScheduler {
    private final IntToDoubleFunction lambda;

    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lambda) {
        super(optimizer);
        this.lambda = lambda;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch <= 0) return cur;
        return fill(cur.length, i -> cur[i] * lambda.applyAsDouble(lastEpoch));
    }
}
