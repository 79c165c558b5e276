package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Zeroes whole channels (2-D feature maps) of an (N, C, H, W) or (C, H, W) input with probability p, scaling the rest by 1/(1-p), as {@code torch.nn.Dropout2d(p=0.5, inplace=False)}. Only in training mode; in evaluation mode it is
 * the identity.
 *
 * <p>Shapes: output has the input's shape.
 *
 * <pre>{@code
 * var drop = new Dropout2d(0.2);
 * Tensor y = drop.forward(x);     // random in train(), identity after eval()
 * }</pre>
 */
public class Dropout2d extends DropoutNd {
    public Dropout2d() {
        this(0.5, false);
    }

    public Dropout2d(Number p) {
        this(p, false);
    }

    public Dropout2d(Number p, boolean inplace) {
        super("Dropout2d", p, inplace);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout2d(input, p.doubleValue(), training, inplace);
    }
}
