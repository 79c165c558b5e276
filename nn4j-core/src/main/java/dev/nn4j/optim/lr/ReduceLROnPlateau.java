package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.ParamGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiplies the rate by {@code factor} when a metric has not improved for {@code patience} epochs
 * ({@code torch.optim.lr_scheduler.ReduceLROnPlateau}). Call {@link #step(double)} with the metric each epoch.
 */
public final class ReduceLROnPlateau {

    /** Options with PyTorch's defaults. */
    public static final class Options {
        String mode = "min", thresholdMode = "rel";
        double factor = 0.1, threshold = 1e-4, minLr = 0, eps = 1e-8;
        int patience = 10, cooldown = 0;

        public Options mode(String v) { mode = v; return this; }
        public Options factor(double v) { factor = v; return this; }
        public Options patience(int v) { patience = v; return this; }
        public Options threshold(double v) { threshold = v; return this; }
        public Options thresholdMode(String v) { thresholdMode = v; return this; }
        public Options cooldown(int v) { cooldown = v; return this; }
        public Options minLr(double v) { minLr = v; return this; }
        public Options eps(double v) { eps = v; return this; }
    }

    public static Options options() {
        return new Options();
    }

    private final Optimizer optimizer;
    private final Options o;
    private double best;
    private int numBadEpochs, cooldownCounter, lastEpoch;

    public ReduceLROnPlateau(Optimizer optimizer, Options options) {
        if (options.factor >= 1) throw new IllegalArgumentException("ReduceLROnPlateau: factor should be < 1.0, got " + options.factor);
        if (!List.of("min", "max").contains(options.mode)) throw new IllegalArgumentException("ReduceLROnPlateau: mode " + options.mode + " is unknown!");
        if (!List.of("rel", "abs").contains(options.thresholdMode)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: threshold mode " + options.thresholdMode + " is unknown!");
        }
        this.optimizer = optimizer;
        this.o = options;
        best = options.mode.equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, options());
    }

    private boolean isBetter(double a) {
        boolean min = o.mode.equals("min"), rel = o.thresholdMode.equals("rel");
        if (min && rel) return a < best * (1 - o.threshold);
        if (min) return a < best - o.threshold;
        if (rel) return a > best * (o.threshold + 1);
        return a > best + o.threshold;
    }

    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > o.patience) {
            for (ParamGroup g : optimizer.paramGroups()) {
                double old = g.lr(), updated = Math.max(old * o.factor, o.minLr);
                if (old - updated > o.eps) g.setLr(updated);
            }
            cooldownCounter = o.cooldown;
            numBadEpochs = 0;
        }
    }

    public Map<String, Object> stateDict() {
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("best", best);
        sd.put("num_bad_epochs", numBadEpochs);
        sd.put("cooldown_counter", cooldownCounter);
        sd.put("last_epoch", lastEpoch);
        return sd;
    }

    public void loadStateDict(Map<String, Object> sd) {
        best = ((Number) sd.get("best")).doubleValue();
        numBadEpochs = ((Number) sd.get("num_bad_epochs")).intValue();
        cooldownCounter = ((Number) sd.get("cooldown_counter")).intValue();
        lastEpoch = ((Number) sd.get("last_epoch")).intValue();
    }
}
