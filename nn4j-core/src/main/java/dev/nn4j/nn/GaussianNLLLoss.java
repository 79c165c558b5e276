package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.GaussianNll;
import dev.nn4j.nn.functional.Reduction;

/**
 * The negative log likelihood of a Gaussian target with predicted mean {@code input} and variance {@code var}: 0.5·(log max(var, eps) + (x - y)² / max(var, eps)) (+ 0.5·log 2π with {@code full}), as {@code torch.nn.GaussianNLLLoss(full=False, eps=1e-6, reduction='mean')}; the settings come in the functional {@link GaussianNll} options.
 *
 * <p>Shapes: input (N, *) or (*), target like input, var like input or with one dim of size 1; output scalar, or (N, *) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new GaussianNLLLoss().forward(mean, y, var);
 * }</pre>
 */
public class GaussianNLLLoss extends Loss {
    public final boolean full;
    public final double eps;
    private final GaussianNll options;

    public GaussianNLLLoss() {
        this(GaussianNll.opts());
    }

    public GaussianNLLLoss(GaussianNll options) {
        super(options.reduction());
        this.full = options.full();
        this.eps = options.eps();
        this.options = options;
    }

    public Tensor forward(Tensor input, Tensor target, Tensor var) {
        return F.gaussianNllLoss(input, target, var, options);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 3, "input, target, var");
        return forward((Tensor) a[0], (Tensor) a[1], (Tensor) a[2]);
    }
}
