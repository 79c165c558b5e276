package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Nll;
import dev.nn4j.nn.functional.Reduction;

/**
 * The negative log likelihood -w_{y}·x_{y} of log-probabilities {@code input} at the target classes, as {@code torch.nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')}; the settings come in the functional {@link Nll} options.
 *
 * <p>Shapes: input (N, C) or (C) or (N, C, d₁, ...), target int64 (N) / () / (N, d₁, ...); output scalar, or like target with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new NLLLoss().forward(F.logSoftmax(logits, 1), labels);
 * }</pre>
 */
public class NLLLoss extends WeightedLoss {
    public final long ignoreIndex;
    private final Nll options;

    public NLLLoss() {
        this(Nll.opts());
    }

    public NLLLoss(Nll options) {
        super(options.weight(), options.reduction());
        this.ignoreIndex = options.ignoreIndex();
        this.options = options;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, options.weight(weight));
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
