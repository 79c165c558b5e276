package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;

/**
 * Cosine annealing from the base rate to {@code etaMin} over {@code tMax} epochs (SGDR without restarts), using
 * PyTorch's recursive form so that rates changed by other schedulers are followed.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax <= 0) throw new IllegalArgumentException("CosineAnnealingLR: T_max must be positive, got " + tMax);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch == 0) return cur;
        if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            return fill(cur.length, i -> cur[i] + (baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2);
        }
        return fill(cur.length, i -> (1 + Math.cos(Math.PI * lastEpoch / tMax))
                / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax)) * (cur[i] - etaMin) + etaMin);
    }

    @Override
    protected double[] closedFormLr() {
        return fill(baseLrs.length, i -> etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2);
    }
}
