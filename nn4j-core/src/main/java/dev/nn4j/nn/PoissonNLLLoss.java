package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.PoissonNll;
import dev.nn4j.nn.functional.Reduction;

/**
 * The negative log likelihood of a Poisson target: exp(x) - y·x with {@code logInput}, else x - y·log(x + eps) (plus the Stirling term with {@code full}), as {@code torch.nn.PoissonNLLLoss(log_input=True, full=False, eps=1e-8, reduction='mean')}; the settings come in the functional {@link PoissonNll} options.
 *
 * <p>Shapes: input (*), target (*); output scalar, or (*) with {@code NONE}.
 *
 * <pre>{@code
 * Tensor loss = new PoissonNLLLoss().forward(logRate, counts);
 * }</pre>
 */
public class PoissonNLLLoss extends Loss {
    public final boolean logInput;
    public final boolean full;
    public final double eps;
    private final PoissonNll options;

    public PoissonNLLLoss() {
        this(PoissonNll.opts());
    }

    public PoissonNLLLoss(PoissonNll options) {
        super(options.reduction());
        this.logInput = options.logInput();
        this.full = options.full();
        this.eps = options.eps();
        this.options = options;
    }

    public Tensor forward(Tensor input, Tensor target) {
        return F.poissonNllLoss(input, target, options);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        Object[] a = expect(this, args, 2, "input, target");
        return forward((Tensor) a[0], (Tensor) a[1]);
    }
}
