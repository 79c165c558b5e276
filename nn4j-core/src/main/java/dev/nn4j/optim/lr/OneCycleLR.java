package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.ParamGroup;
import java.util.List;

/**
 * The 1cycle policy: the rate rises from {@code maxLr/divFactor} to {@code maxLr} over {@code pctStart} of the
 * steps, then anneals to {@code initialLr/finalDivFactor}; momentum (or Adam's beta1) cycles inversely.
 * Step it after every batch.
 */
public final class OneCycleLR extends LRScheduler {

    /** Options with PyTorch's defaults; {@code totalSteps} or {@code epochs*stepsPerEpoch} is required. */
    public static final class Options {
        int totalSteps = -1, epochs = -1, stepsPerEpoch = -1;
        double pctStart = 0.3, baseMomentum = 0.85, maxMomentum = 0.95, divFactor = 25, finalDivFactor = 1e4;
        String annealStrategy = "cos";
        boolean cycleMomentum = true, threePhase = false;

        public Options totalSteps(int v) { totalSteps = v; return this; }
        public Options epochs(int v) { epochs = v; return this; }
        public Options stepsPerEpoch(int v) { stepsPerEpoch = v; return this; }
        public Options pctStart(double v) { pctStart = v; return this; }
        public Options annealStrategy(String v) { annealStrategy = v; return this; }
        public Options cycleMomentum(boolean v) { cycleMomentum = v; return this; }
        public Options baseMomentum(double v) { baseMomentum = v; return this; }
        public Options maxMomentum(double v) { maxMomentum = v; return this; }
        public Options divFactor(double v) { divFactor = v; return this; }
        public Options finalDivFactor(double v) { finalDivFactor = v; return this; }
        public Options threePhase(boolean v) { threePhase = v; return this; }
    }

    public static Options options() {
        return new Options();
    }

    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {}

    private final int totalSteps;
    private final Phase[] phases;
    private final boolean cos, cycleMomentum, useBetas;

    public OneCycleLR(Optimizer optimizer, double maxLr, Options o) {
        super(prepare(optimizer, maxLr, o));
        if (o.totalSteps > 0) totalSteps = o.totalSteps;
        else if (o.epochs > 0 && o.stepsPerEpoch > 0) totalSteps = o.epochs * o.stepsPerEpoch;
        else throw new IllegalArgumentException("OneCycleLR: you must define either total_steps OR (epochs AND steps_per_epoch)");
        if (!(o.pctStart >= 0 && o.pctStart <= 1)) throw new IllegalArgumentException("OneCycleLR: expected float between 0 and 1 pct_start, but got " + o.pctStart);
        if (!o.annealStrategy.equals("cos") && !o.annealStrategy.equals("linear")) {
            throw new IllegalArgumentException("OneCycleLR: anneal_strategy must by one of 'cos' or 'linear', instead got " + o.annealStrategy);
        }
        cos = o.annealStrategy.equals("cos");
        if (o.threePhase) {
            phases = new Phase[] {
                new Phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                new Phase(2 * o.pctStart * totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum")};
        } else {
            phases = new Phase[] {
                new Phase(o.pctStart * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum")};
        }
        cycleMomentum = o.cycleMomentum;
        useBetas = optimizer.defaults().containsKey("betas");
        if (cycleMomentum) {
            if (!optimizer.defaults().containsKey("momentum") && !useBetas) {
                throw new IllegalArgumentException("OneCycleLR: optimizer must support momentum with `cycle_momentum` option enabled");
            }
            for (ParamGroup g : optimizer.paramGroups()) {
                setMomentum(g, o.maxMomentum);
                g.options().put("max_momentum", o.maxMomentum);
                g.options().put("base_momentum", o.baseMomentum);
            }
        }
        initialStep();
    }

    private static Optimizer prepare(Optimizer optimizer, double maxLr, Options o) {
        for (ParamGroup g : optimizer.paramGroups()) {
            double initial = maxLr / o.divFactor;
            g.options().put("initial_lr", initial);
            g.options().put("max_lr", maxLr);
            g.options().put("min_lr", initial / o.finalDivFactor);
        }
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

    private double anneal(double start, double end, double pct) {
        if (cos) return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
        return (end - start) * pct + start;
    }

    @Override
    protected double[] computeLr() {
        int step = lastEpoch;
        if (step > totalSteps) {
            throw new IllegalStateException("OneCycleLR: tried to step " + step + " times. The specified number of total steps is " + totalSteps);
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int gi = 0; gi < groups.size(); gi++) {
            ParamGroup g = groups.get(gi);
            double startStep = 0;
            for (int i = 0; i < phases.length; i++) {
                Phase ph = phases[i];
                if (step <= ph.endStep || i == phases.length - 1) {
                    double pct = (step - startStep) / (ph.endStep - startStep);
                    lrs[gi] = anneal(g.getDouble(ph.startLr), g.getDouble(ph.endLr), pct);
                    if (cycleMomentum) setMomentum(g, anneal(g.getDouble(ph.startMomentum), g.getDouble(ph.endMomentum), pct));
                    break;
                }
                startStep = ph.endStep;
            }
        }
        return lrs;
    }
}
