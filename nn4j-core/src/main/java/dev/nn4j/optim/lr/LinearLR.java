package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;

/** Scales the rate linearly from {@code startFactor} to {@code endFactor} over {@code totalIters} epochs. */
public final class LinearLR extends LRScheduler {
    private final double startFactor, endFactor;
    private final int totalIters;

    public LinearLR(Optimizer optimizer) {
        this(optimizer, 1.0 / 3, 1.0, 5);
    }

    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
        super(optimizer);
        if (startFactor > 1 || startFactor <= 0) {
            throw new IllegalArgumentException("LinearLR: starting multiplicative factor expected to be greater than 0 and less or equal to 1, got " + startFactor);
        }
        if (endFactor > 1 || endFactor < 0) {
            throw new IllegalArgumentException("LinearLR: ending multiplicative factor expected to be between 0 and 1, got " + endFactor);
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch == 0) return fill(cur.length, i -> cur[i] * startFactor);
        if (lastEpoch > totalIters) return cur;
        return fill(cur.length, i -> cur[i] * (1 + (endFactor - startFactor)
                / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor))));
    }

    @Override
    protected double[] closedFormLr() {
        return fill(baseLrs.length, i -> baseLrs[i] * (startFactor
                + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters));
    }
}
