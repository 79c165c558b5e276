package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Zeroes whole channels (3-D feature maps) of an (N, C, D, H, W) or (C, D, H, W) input with probability p, scaling the rest by 1/(1-p), as {@code torch.nn.Dropout3d(p=0.5, inplace=False)}. Only in training mode; in evaluation mode it is
 * the identity.
 *
 * <p>Shapes: output has the input's shape.
 *
 * <pre>{@code
 * var drop = new Dropout3d(0.2);
 * Tensor y = drop.forward(x);     // random in train(), identity after eval()
 * }</pre>
 */
public class Dropout3d extends DropoutNd {
    public Dropout3d() {
        this(0.5, false);
    }

    public Dropout3d(Number p) {
        this(p, false);
    }

    public Dropout3d(Number p, boolean inplace) {
        super("Dropout3d", p, inplace);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout3d(input, p.doubleValue(), training, inplace);
    }
}
