package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import java.util.Collections;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Sets each group's rate to {@code baseLr * lambda(epoch)}, with one lambda for all groups or one per group. */
public final class LambdaLR extends LRScheduler {
    private final IntToDoubleFunction[] lambdas;

    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lambda));
    }

    /** One lambda per parameter group, as PyTorch's {@code lr_lambda} list. */
    public LambdaLR(Optimizer optimizer, List<? extends IntToDoubleFunction> lambdas) {
        super(optimizer);
        this.lambdas = perGroup("LambdaLR", optimizer, lambdas);
        initialStep();
    }

    static IntToDoubleFunction[] perGroup(String who, Optimizer optimizer, List<? extends IntToDoubleFunction> lambdas) {
        int groups = optimizer.paramGroups().size();
        if (lambdas.size() != groups) {
            throw new IllegalArgumentException(who + ": expected " + groups + " lr_lambdas (one per parameter group), but got " + lambdas.size());
        }
        return lambdas.toArray(new IntToDoubleFunction[0]);
    }

    @Override
    protected double[] computeLr() {
        return fill(baseLrs.length, i -> baseLrs[i] * lambdas[i].applyAsDouble(lastEpoch));
    }
}
