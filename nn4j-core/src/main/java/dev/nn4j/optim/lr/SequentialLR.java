package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.ParamGroup;
import java.util.List;
import java.util.Map;

/** Runs {@code schedulers[i]} from {@code milestones[i-1]} on; each takes over from epoch 0 of its own. */
public final class SequentialLR extends LRScheduler {
    private final List<LRScheduler> schedulers;
    private final int[] milestones;

    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, int[] milestones) {
        super(optimizer);
        if (schedulers.isEmpty()) throw new IllegalArgumentException("SequentialLR: expects at least one scheduler");
        if (milestones.length != schedulers.size() - 1) {
            throw new IllegalArgumentException("SequentialLR: expects number of schedulers provided to be one more than the number of milestone points, but got "
                    + schedulers.size() + " schedulers and " + milestones.length + " milestones");
        }
        for (LRScheduler s : schedulers) {
            if (s.optimizer() != optimizer) throw new IllegalArgumentException("SequentialLR: every scheduler must belong to the same optimizer");
        }
        this.schedulers = schedulers;
        this.milestones = milestones.clone();
        lastEpoch = 0;
        for (ParamGroup g : optimizer.paramGroups()) g.setLr(g.getDouble("initial_lr"));
        for (LRScheduler s : schedulers) s.lastEpoch -= 1;
        schedulers.get(0).initialStep();
    }

    @Override
    public void step() {
        lastEpoch++;
        int idx = 0;
        while (idx < milestones.length && milestones[idx] <= lastEpoch) idx++;
        LRScheduler s = schedulers.get(idx);
        if (idx > 0 && milestones[idx - 1] == lastEpoch) s.step(0);
        else s.step();
    }

    @Override
    protected double[] computeLr() {
        return currentLrs();
    }

    @Override
    public double[] getLastLr() {
        return currentLrs();
    }

    /** The sub-schedulers' states go along (PyTorch's {@code "_schedulers"}): resuming needs their epochs too. */
    @Override
    protected void saveExtra(Map<String, Object> sd) {
        sd.put("_schedulers", stateDicts(schedulers));
    }

    @Override
    protected void loadExtra(Map<String, Object> sd) {
        loadStateDicts("SequentialLR", schedulers, sd.get("_schedulers"));
    }
}
