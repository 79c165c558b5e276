package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Zeroes each element with probability p and scales the rest by 1/(1-p), as {@code torch.nn.Dropout(p=0.5, inplace=False)}. Only in training mode; in evaluation mode it is
 * the identity.
 *
 * <p>Shapes: output has the input's shape.
 *
 * <pre>{@code
 * var drop = new Dropout(0.2);
 * Tensor y = drop.forward(x);     // random in train(), identity after eval()
 * }</pre>
 */
public class Dropout extends DropoutNd {
    public Dropout() {
        this(0.5, false);
    }

    public Dropout(Number p) {
        this(p, false);
    }

    public Dropout(Number p, boolean inplace) {
        super("Dropout", p, inplace);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.dropout(input, p.doubleValue(), training, inplace);
    }
}
