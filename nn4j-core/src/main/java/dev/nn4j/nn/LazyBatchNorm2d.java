package dev.nn4j.nn;

/**
 * A {@link BatchNorm2d} whose num_features is inferred from the first input's dim 1, as
 * {@code torch.nn.LazyBatchNorm2d(eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)}; see
 * {@link LazyModule}.
 *
 * <pre>{@code
 * var bn = new LazyBatchNorm2d();
 * bn.forward(x);   // becomes BatchNorm2d(x.size(1), ...)
 * }</pre>
 */
public class LazyBatchNorm2d extends LazyModule<BatchNorm2d> {
    public LazyBatchNorm2d() {
        this(1e-5, 0.1, true, true);
    }

    public LazyBatchNorm2d(double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(n -> new BatchNorm2d(n, eps, momentum, affine, trackRunningStats), x -> x.size(1),
                s -> Math.max(dimOf(s, "weight", 0), dimOf(s, "running_mean", 0)));
    }
}
