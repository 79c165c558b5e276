package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Zeroes whole channels (1-D feature maps) of an (N, C, L) or (C, L) input with probability p, scaling the rest by 1/(1-p), as {@code torch.nn.Dropout1d(p=0.5, inplace=False)}. Only in training mode; in evaluation mode it is
 * the identity.
 *
 * <p>Shapes: output has the input's shape.
 *
 * <pre>{@code
 * var drop = new Dropout1d(0.2);
 * Tensor y = drop.forward(x);     // random in train(), identity after eval()
 * }</pre>
 */
public class Dropout1d extends DropoutNd {
    public Dropout1d() {
        this(0.5, false);
    }

    public Dropout1d(Number p) {
        this(p, false);
    }

    public Dropout1d(Number p, boolean inplace) {
        super("Dropout1d", p, inplace);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout1d(input, p.doubleValue(), training, inplace);
    }
}
