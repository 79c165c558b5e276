package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.ParamGroup;
import java.util.List;

/**
 * Cyclical learning rates between {@code baseLr} and {@code maxLr} (modes triangular, triangular2, exp_range);
 * momentum cycles inversely. Step it after every batch.
 */
public final class CyclicLR extends LRScheduler {

    /** Options with PyTorch's defaults. */
    public static final class Options {
        int stepSizeUp = 2000;
        Integer stepSizeDown;
        String mode = "triangular";
        double gamma = 1.0, baseMomentum = 0.8, maxMomentum = 0.9;
        boolean cycleMomentum = true;

        public Options stepSizeUp(int v) { stepSizeUp = v; return this; }
        public Options stepSizeDown(int v) { stepSizeDown = v; return this; }
        public Options mode(String v) { mode = v; return this; }
        public Options gamma(double v) { gamma = v; return this; }
        public Options cycleMomentum(boolean v) { cycleMomentum = v; return this; }
        public Options baseMomentum(double v) { baseMomentum = v; return this; }
        public Options maxMomentum(double v) { maxMomentum = v; return this; }
    }

    public static Options options() {
        return new Options();
    }

    private final double[] maxLrs;
    private final double totalSize, stepRatio, gamma;
    private final String mode;
    private final boolean cycleMomentum, useBetas;
    private final double baseMomentum, maxMomentum;

    public CyclicLR(Optimizer optimizer, double baseLr, double maxLr, Options o) {
        super(prepare(optimizer, baseLr));
        if (!List.of("triangular", "triangular2", "exp_range").contains(o.mode)) {
            throw new IllegalArgumentException("CyclicLR: mode is invalid and scale_fn is None: " + o.mode);
        }
        maxLrs = fill(baseLrs.length, i -> maxLr);
        double up = o.stepSizeUp, down = o.stepSizeDown == null ? up : o.stepSizeDown;
        if (!(up >= 0 && down >= 0 && up + down > 0)) {
            throw new IllegalArgumentException("CyclicLR: step_size_up and step_size_down must be non-negative with a positive sum, got "
                    + up + " and " + down);
        }
        totalSize = up + down;
        stepRatio = up / totalSize;
        mode = o.mode;
        gamma = o.gamma;
        cycleMomentum = o.cycleMomentum;
        baseMomentum = o.baseMomentum;
        maxMomentum = o.maxMomentum;
        useBetas = optimizer.defaults().containsKey("betas");
        if (cycleMomentum) {
            if (!optimizer.defaults().containsKey("momentum") && !useBetas) {
                throw new IllegalArgumentException("CyclicLR: optimizer must support momentum with `cycle_momentum` option enabled");
            }
            for (ParamGroup g : optimizer.paramGroups()) setMomentum(g, maxMomentum);
        }
        initialStep();
    }

    private static Optimizer prepare(Optimizer optimizer, double baseLr) {
        for (ParamGroup g : optimizer.paramGroups()) g.setLr(baseLr);
        return optimizer;
    }

    private void setMomentum(ParamGroup g, double m) {
        if (useBetas) {
            double[] b = g.getPair("betas");
            g.options().put("betas", new double[] {m, b[1]});
        } else {
            g.options().put("momentum", m);
        }
    }

    private double scale(double x) {
        return switch (mode) {
            case "triangular" -> 1.0;
            case "triangular2" -> 1 / Math.pow(2, x - 1);
            default -> Math.pow(gamma, x);
        };
    }

    @Override
    protected double[] computeLr() {
        double cycle = Math.floor(1 + lastEpoch / totalSize);
        double x = 1.0 + lastEpoch / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double s = scale(mode.equals("exp_range") ? lastEpoch : cycle);
        double[] lrs = fill(baseLrs.length, i -> baseLrs[i] + (maxLrs[i] - baseLrs[i]) * scaleFactor * s);
        if (cycleMomentum) {
            double m = maxMomentum - (maxMomentum - baseMomentum) * scaleFactor * s;
            for (ParamGroup g : optimizer.paramGroups()) setMomentum(g, m);
        }
        return lrs;
    }
}
