package dev.nn4j.nn;

/**
 * A {@link Linear} whose in_features is inferred from the first input's last dim, as
 * {@code torch.nn.LazyLinear(out_features, bias=True)}; see {@link LazyModule}.
 *
 * <pre>{@code
 * var fc = new LazyLinear(10);
 * Tensor y = fc.forward(Tensor.randn(4, 7));   // becomes Linear(in_features=7, out_features=10, bias=True)
 * }</pre>
 */
public class LazyLinear extends LazyModule<Linear> {
    public LazyLinear(int outFeatures) {
        this(outFeatures, true);
    }

    public LazyLinear(int outFeatures, boolean bias) {
        super(in -> new Linear(in, outFeatures, bias), x -> x.size(-1), s -> dimOf(s, "weight", 1));
    }
}
