package dev.nn4j.optim.lr;

import dev.nn4j.optim.Optimizer;
import java.util.Collections;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Multiplies each group's rate by {@code lambda(epoch)} every epoch after the first (one lambda, or one per group). */
public final class MultiplicativeLR extends LRScheduler {
    private final IntToDoubleFunction[] lambdas;

    public MultiplicativeLR(Optimizer optimizer, IntToDoubleFunction lambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lambda));
    }

    /** One lambda per parameter group, as PyTorch's {@code lr_lambda} list. */
    public MultiplicativeLR(Optimizer optimizer, List<? extends IntToDoubleFunction> lambdas) {
        super(optimizer);
        this.lambdas = LambdaLR.perGroup("MultiplicativeLR", optimizer, lambdas);
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] cur = currentLrs();
        if (lastEpoch <= 0) return cur;
        return fill(cur.length, i -> cur[i] * lambdas[i].applyAsDouble(lastEpoch));
    }
}
