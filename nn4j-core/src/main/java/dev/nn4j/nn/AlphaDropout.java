package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Dropout that keeps the mean and variance of SELU activations: dropped elements take SELU's negative saturation value and an affine map restores the statistics, as {@code torch.nn.AlphaDropout(p=0.5, inplace=False)}. Only in training mode; in evaluation mode it is
 * the identity.
 *
 * <p>Shapes: output has the input's shape.
 *
 * <pre>{@code
 * var drop = new AlphaDropout(0.2);
 * Tensor y = drop.forward(x);     // random in train(), identity after eval()
 * }</pre>
 */
public class AlphaDropout extends DropoutNd {
    public AlphaDropout() {
        this(0.5, false);
    }

    public AlphaDropout(Number p) {
        this(p, false);
    }

    public AlphaDropout(Number p, boolean inplace) {
        super("AlphaDropout", p, inplace);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.alphaDropout(input, p.doubleValue(), training, inplace);
    }
}
