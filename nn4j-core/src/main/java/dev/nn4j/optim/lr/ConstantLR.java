package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;

/** Scales the rate by {@code factor} until epoch {@code totalIters}, then restores it. */
public final class ConstantLR extends LRScheduler {
    private final double factor;
    private final int totalIters;

    public ConstantLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 5);
    }

    public ConstantLR(Optimizer optimizer, double factor, int totalIters) {
        super(optimizer);
        if (factor > 1 || factor < 0) {
            throw new IllegalArgumentException("ConstantLR: constant multiplicative factor expected to be between 0 and 1, got " + factor);
        }
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch == 0) return fill(cur.length, i -> cur[i] * factor);
        if (lastEpoch != totalIters) return cur;
        return fill(cur.length, i -> cur[i] * (1 / factor));
    }

    @Override
    protected double[] closedFormLr() {
        return fill(baseLrs.length, i -> baseLrs[i] * (factor + (lastEpoch >= totalIters ? 1 - factor : 0)));
    }
}
