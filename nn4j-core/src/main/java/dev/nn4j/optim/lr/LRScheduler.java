package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.ParamGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the epoch-based learning-rate schedulers ({@code torch.optim.lr_scheduler.LRScheduler}). Construction
 * performs the initial step (epoch 0); call {@link #step()} after {@code optimizer.step()} each epoch. Subclasses
 * give PyTorch's recursive rule ({@link #computeLr}) and, where PyTorch has one, its closed form ({@link #closedFormLr}),
 * which {@link #step(int)} uses.
 */
public abstract class LRScheduler {
    protected final Optimizer optimizer;
    protected final double[] baseLrs;
    protected int lastEpoch;
    private double[] lastLr;

    protected LRScheduler(Optimizer optimizer) {
        this(optimizer, -1);
    }

    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        if (optimizer == null) throw new IllegalArgumentException(getClass().getSimpleName() + ": optimizer must not be null");
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        baseLrs = new double[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup g = groups.get(i);
            if (lastEpoch == -1) {
                g.options().putIfAbsent("initial_lr", g.lr());
            } else if (!g.options().containsKey("initial_lr")) {
                throw new IllegalArgumentException("param 'initial_lr' is not specified in param_groups[" + i + "] when resuming an optimizer");
            }
            baseLrs[i] = g.getDouble("initial_lr");
        }
        this.lastEpoch = lastEpoch;
    }

    /** The initial step; subclasses call it at the end of their constructor, once their fields are set. */
    protected final void initialStep() {
        step();
    }

    /** The learning rates for {@link #lastEpoch} from the current ones (PyTorch's chainable {@code get_lr}). */
    protected abstract double[] computeLr();

    /** The learning rates at {@link #lastEpoch} from the base rates, or null when the scheduler has no closed form. */
    protected double[] closedFormLr() {
        return null;
    }

    public void step() {
        lastEpoch++;
        apply(computeLr());
    }

    /** Jumps to {@code epoch} (deprecated in PyTorch, used by SequentialLR): the closed form when there is one. */
    public void step(int epoch) {
        lastEpoch = epoch;
        double[] lrs = closedFormLr();
        apply(lrs != null ? lrs : computeLr());
    }

    protected final void apply(double[] lrs) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) groups.get(i).setLr(lrs[i]);
        lastLr = lrs.clone();
    }

    /** The current learning rate of each group. */
    protected final double[] currentLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] r = new double[groups.size()];
        for (int i = 0; i < r.length; i++) r[i] = groups.get(i).lr();
        return r;
    }

    protected static double[] fill(int n, java.util.function.IntToDoubleFunction f) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = f.applyAsDouble(i);
        return r;
    }

    public double[] getLastLr() {
        return lastLr == null ? currentLrs() : lastLr.clone();
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Saves the scheduler's counters (not the optimizer): enough to resume. */
    public Map<String, Object> stateDict() {
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("last_epoch", lastEpoch);
        sd.put("base_lrs", toList(baseLrs));
        sd.put("_last_lr", toList(getLastLr()));
        saveExtra(sd);
        return sd;
    }

    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> sd) {
        lastEpoch = ((Number) sd.get("last_epoch")).intValue();
        List<Number> b = (List<Number>) sd.get("base_lrs");
        for (int i = 0; i < baseLrs.length && b != null; i++) baseLrs[i] = b.get(i).doubleValue();
        List<Number> l = (List<Number>) sd.get("_last_lr");
        if (l != null) {
            lastLr = new double[l.size()];
            for (int i = 0; i < lastLr.length; i++) lastLr[i] = l.get(i).doubleValue();
        }
        loadExtra(sd);
    }

    /** Subclasses with more state (counters, phases) add it here. */
    protected void saveExtra(Map<String, Object> sd) {}

    protected void loadExtra(Map<String, Object> sd) {}

    static List<Map<String, Object>> stateDicts(List<LRScheduler> schedulers) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LRScheduler s : schedulers) out.add(s.stateDict());
        return out;
    }

    @SuppressWarnings("unchecked")
    static void loadStateDicts(String who, List<LRScheduler> schedulers, Object saved) {
        if (!(saved instanceof List<?> l) || l.size() != schedulers.size()) {
            throw new IllegalArgumentException(who + ".loadStateDict: expected '_schedulers' with " + schedulers.size() + " state dicts, got " + saved);
        }
        for (int i = 0; i < l.size(); i++) schedulers.get(i).loadStateDict((Map<String, Object>) l.get(i));
    }

    static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double v : a) l.add(v);
        return l;
    }
}
