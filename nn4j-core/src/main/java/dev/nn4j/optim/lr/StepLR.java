package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;

/** Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs. */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize <= 0) throw new IllegalArgumentException("StepLR: step_size must be positive, got " + stepSize);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) return cur;
        return fill(cur.length, i -> cur[i] * gamma);
    }

    @Override
    protected double[] closedFormLr() {
        return fill(baseLrs.length, i -> baseLrs[i] * Math.pow(gamma, Math.floorDiv(lastEpoch, stepSize)));
    }
}
