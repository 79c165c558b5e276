package dev.nn4j.nn;

/**
 * A {@link BatchNorm1d} whose num_features is inferred from the first input's dim 1, as
 * {@code torch.nn.LazyBatchNorm1d(eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)}; see
 * {@link LazyModule}.
 *
 * <pre>{@code
 * var bn = new LazyBatchNorm1d();
 * bn.forward(x);   // becomes BatchNorm1d(x.size(1), ...)
 * }</pre>
 */
public class LazyBatchNorm1d extends LazyModule<BatchNorm1d> {
    public LazyBatchNorm1d() {
        this(1e-5, 0.1, true, true);
    }

    public LazyBatchNorm1d(double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(n -> new BatchNorm1d(n, eps, momentum, affine, trackRunningStats), x -> x.size(1),
                s -> Math.max(dimOf(s, "weight", 0), dimOf(s, "running_mean", 0)));
    }
}
