package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Alpha dropout of whole channels, as {@code torch.nn.FeatureAlphaDropout(p=0.5, inplace=False)}. Only in training mode; in evaluation mode it is
 * the identity.
 *
 * <p>Shapes: output has the input's shape.
 *
 * <pre>{@code
 * var drop = new FeatureAlphaDropout(0.2);
 * Tensor y = drop.forward(x);     // random in train(), identity after eval()
 * }</pre>
 */
public class FeatureAlphaDropout extends DropoutNd {
    public FeatureAlphaDropout() {
        this(0.5, false);
    }

    public FeatureAlphaDropout(Number p) {
        this(p, false);
    }

    public FeatureAlphaDropout(Number p, boolean inplace) {
        super("FeatureAlphaDropout", p, inplace);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.featureAlphaDropout(input, p.doubleValue(), training, inplace);
    }
}
