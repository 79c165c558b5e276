package dev.nn4j.cli.conformance;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps PyTorch op, module, optimizer and scheduler names to nn4j. Each topic registers itself in its own
 * class (one file per area, so contributors don't collide); {@link #standard()} lists them.
 */
public final class Registry {
    final Map<String, OpHandler> tensorOps = new HashMap<>();
    final Map<String, OpHandler> functionalOps = new HashMap<>();
    final Map<String, CaseRunner> kindRunners = new HashMap<>();

    /** {@code torch.<op>} / {@code Tensor.<op>} (kind "tensor"). */
    public void tensor(String op, OpHandler h) {
        tensorOps.put(op, h);
    }

    /** {@code torch.nn.functional.<op>} (kind "functional"). */
    public void functional(String op, OpHandler h) {
        functionalOps.put(op, h);
    }

    /** A runner for every case of a kind ("module", "optim", "sched"). */
    public void kind(String kind, CaseRunner r) {
        kindRunners.put(kind, r);
    }

    public static Registry standard() {
        Registry r = new Registry();
        TensorCases.register(r);
        ActivationCases.register(r);
        ConvPoolCases.register(r);
        VisionCases.register(r);
        NormCases.register(r);
        LossCases.register(r);
        LayerCases.register(r);
        ModuleCases.register(r);
        TrainingCases.register(r);
        return r;
    }
}
