package dev.nn4j.nn;

/**
 * An {@link InstanceNorm2d} whose num_features is inferred from the first input's channel dim, as
 * {@code torch.nn.LazyInstanceNorm2d(eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)} (note the
 * lazy variant's defaults); see {@link LazyModule}.
 *
 * <pre>{@code
 * var norm = new LazyInstanceNorm2d();
 * norm.forward(x);   // becomes InstanceNorm2d(channels, ...)
 * }</pre>
 */
public class LazyInstanceNorm2d extends LazyModule<InstanceNorm2d> {
    public LazyInstanceNorm2d() {
        this(1e-5, 0.1, true, true);
    }

    public LazyInstanceNorm2d(double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(n -> new InstanceNorm2d(n, eps, momentum, affine, trackRunningStats), x -> x.size(x.dim() == 2 + 2 ? 1 : 0),
                s -> Math.max(dimOf(s, "weight", 0), dimOf(s, "running_mean", 0)));
    }
}
