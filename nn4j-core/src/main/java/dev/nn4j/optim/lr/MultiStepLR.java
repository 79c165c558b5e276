package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import java.util.Arrays;

/** Multiplies the learning rate by {@code gamma} at each milestone epoch (a repeated milestone applies gamma again). */
public final class MultiStepLR extends LRScheduler {
    private final int[] milestones;
    private final double gamma;

    public MultiStepLR(Optimizer optimizer, int[] milestones) {
        this(optimizer, milestones, 0.1);
    }

    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer);
        this.milestones = milestones.clone();
        Arrays.sort(this.milestones);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        long count = Arrays.stream(milestones).filter(m -> m == lastEpoch).count();
        if (count == 0) return cur;
        return fill(cur.length, i -> cur[i] * Math.pow(gamma, count));
    }

    @Override
    protected double[] closedFormLr() {
        long passed = Arrays.stream(milestones).filter(m -> m <= lastEpoch).count();
        return fill(baseLrs.length, i -> baseLrs[i] * Math.pow(gamma, passed));
    }
}
