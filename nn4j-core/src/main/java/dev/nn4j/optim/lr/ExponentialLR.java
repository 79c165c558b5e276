package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;

/** Multiplies the learning rate by {@code gamma} every epoch. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch == 0) return cur;
        return fill(cur.length, i -> cur[i] * gamma);
    }

    @Override
    protected double[] closedFormLr() {
        return fill(baseLrs.length, i -> baseLrs[i] * Math.pow(gamma, lastEpoch));
    }
}
