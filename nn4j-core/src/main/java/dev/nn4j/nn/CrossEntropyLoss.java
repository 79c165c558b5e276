package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.CrossEntropy;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.Reduction;

/**
 * The cross entropy of unnormalized logits against class indices or class probabilities, with optional class weights, ignored index and label smoothing, as {@code torch.nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)}; the settings come in the functional {@link CrossEntropy} options.
 *
 * <p>Shapes: input (N, C) or (C) or (N, C, d₁, ...), target int64 (N) / (N, d₁, ...) or probabilities like input; output scalar, or (N, ...) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new CrossEntropyLoss(CrossEntropy.opts().labelSmoothing(0.1)).forward(logits, labels);
 * }</pre>
 */
public class CrossEntropyLoss extends WeightedLoss {
    public final long ignoreIndex;
    public final double labelSmoothing;
    private final CrossEntropy options;

    public CrossEntropyLoss() {
        this(CrossEntropy.opts());
    }

    public CrossEntropyLoss(CrossEntropy options) {
        super(options.weight(), options.reduction());
        this.ignoreIndex = options.ignoreIndex();
        this.labelSmoothing = options.labelSmoothing();
        this.options = options;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, options.weight(weight));
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
