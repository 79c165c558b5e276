package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;

/** Decays the rate as {@code (1 - t/totalIters)^power} until epoch {@code totalIters}. */
public final class PolynomialLR extends LRScheduler {
    private final int totalIters;
    private final double power;

    public PolynomialLR(Optimizer optimizer) {
        this(optimizer, 5, 1.0);
    }

    public PolynomialLR(Optimizer optimizer, int totalIters, double power) {
        super(optimizer);
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch == 0 || lastEpoch > totalIters) return cur;
        double decay = Math.pow((1.0 - (double) lastEpoch / totalIters) / (1.0 - (double) (lastEpoch - 1) / totalIters), power);
        return fill(cur.length, i -> cur[i] * decay);
    }

    @Override
    protected double[] closedFormLr() {
        return fill(baseLrs.length, i -> baseLrs[i] * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch) / totalIters, power));
    }
}
