package dev.nn4j.optim.lr;

import java.util.List;

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
}
