package dev.nn4j.nn;

/**
 * A {@link BatchNorm3d} whose num_features is inferred from the first input's dim 1, as
 * {@code torch.nn.LazyBatchNorm3d(eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)}; see
 * {@link LazyModule}.
 *
 * <pre>{@code
 * var bn = new LazyBatchNorm3d();
 * bn.forward(x);   // becomes BatchNorm3d(x.size(1), ...)
 * }</pre>
 */
public class LazyBatchNorm3d extends LazyModule<BatchNorm3d> {
    public LazyBatchNorm3d() {
        this(1e-5, 0.1, true, true);
    }

    public LazyBatchNorm3d(double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(n -> new BatchNorm3d(n, eps, momentum, affine, trackRunningStats), x -> x.size(1),
                s -> Math.max(dimOf(s, "weight", 0), dimOf(s, "running_mean", 0)));
    }
}
