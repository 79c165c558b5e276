package dev.nn4j.optim.lr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Steps several schedulers of one optimizer together, each applying its rule on top of the others'. */
public final class ChainedScheduler {
    private final List<LRScheduler> schedulers;

    public ChainedScheduler(List<LRScheduler> schedulers) {
        if (schedulers.isEmpty()) throw new IllegalArgumentException("ChainedScheduler: expects at least one scheduler");
        for (LRScheduler s : schedulers) {
            if (s.optimizer() != schedulers.get(0).optimizer()) {
                throw new IllegalArgumentException("ChainedScheduler expects all schedulers to belong to the same optimizer");
            }
        }
        this.schedulers = List.copyOf(schedulers);
    }

    public void step() {
        for (LRScheduler s : schedulers) s.step();
    }

    public double[] getLastLr() {
        return schedulers.get(schedulers.size() - 1).getLastLr();
    }

    /** Every chained scheduler's state, under {@code "_schedulers"} as PyTorch saves it. */
    public Map<String, Object> stateDict() {
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("_schedulers", LRScheduler.stateDicts(schedulers));
        return sd;
    }

    public void loadStateDict(Map<String, Object> sd) {
        LRScheduler.loadStateDicts("ChainedScheduler", schedulers, sd.get("_schedulers"));
    }
}
