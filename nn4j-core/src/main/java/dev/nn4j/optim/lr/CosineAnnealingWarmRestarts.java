package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import java.util.Map;

/**
 * SGDR: cosine annealing that restarts after {@code t0} epochs, each period {@code tMult} times longer than the last.
 */
public final class CosineAnnealingWarmRestarts extends LRScheduler {
    private final int t0, tMult;
    private final double etaMin;
    private double tI, tCur;

    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0) {
        this(optimizer, t0, 1, 0);
    }

    public CosineAnnealingWarmRestarts(Optimizer optimizer, int t0, int tMult, double etaMin) {
        super(optimizer);
        if (t0 <= 0) throw new IllegalArgumentException("CosineAnnealingWarmRestarts: expected positive integer T_0, but got " + t0);
        if (tMult < 1) throw new IllegalArgumentException("CosineAnnealingWarmRestarts: expected integer T_mult >= 1, but got " + tMult);
        this.t0 = t0;
        this.tMult = tMult;
        this.etaMin = etaMin;
        this.tI = t0;
        this.tCur = lastEpoch;
        initialStep();
    }

    @Override
    public void step() {
        if (lastEpoch < 0) {
            step(0);
            return;
        }
        tCur += 1;
        if (tCur >= tI) {
            tCur -= tI;
            tI *= tMult;
        }
        lastEpoch++;
        apply(computeLr());
    }

    @Override
    public void step(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("CosineAnnealingWarmRestarts: expected non-negative epoch, but got " + epoch);
        if (epoch >= t0) {
            if (tMult == 1) {
                tCur = epoch % t0;
            } else {
                int n = (int) (Math.log(epoch / (double) t0 * (tMult - 1) + 1) / Math.log(tMult));
                tCur = epoch - t0 * (Math.pow(tMult, n) - 1) / (tMult - 1);
                tI = t0 * Math.pow(tMult, n);
            }
        } else {
            tI = t0;
            tCur = epoch;
        }
        lastEpoch = epoch;
        apply(computeLr());
    }

    @Override
    protected double[] computeLr() {
        return fill(baseLrs.length, i -> etaMin + (baseLrs[i] - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2);
    }

    @Override
    protected void saveExtra(Map<String, Object> sd) {
        sd.put("T_i", tI);
        sd.put("T_cur", tCur);
    }

    @Override
    protected void loadExtra(Map<String, Object> sd) {
        tI = ((Number) sd.get("T_i")).doubleValue();
        tCur = ((Number) sd.get("T_cur")).doubleValue();
    }
}
