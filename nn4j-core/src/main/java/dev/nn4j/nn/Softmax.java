package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies exp(x_i) / Σ_j exp(x_j) along {@code dim}, as {@code torch.nn.Softmax(dim=None)}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code dim} null (PyTorch's deprecated
 * implicit choice) the dim is 0 for inputs of 0, 1 or 3 dims and 1 otherwise.
 *
 * <pre>{@code
 * Tensor p = new Softmax(1).forward(Tensor.randn(4, 10));
 * }</pre>
 */
public class Softmax extends Module {
    /** The dim to normalize over, or null for the legacy implicit choice. */
    public final Integer dim;

    public Softmax() {
        this(null);
    }

    public Softmax(Integer dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, dim != null ? dim : implicitDim(input.dim()));
    }

    /** PyTorch's {@code _get_softmax_dim}: the dim used when none is given. */
    static int implicitDim(int ndim) {
        return ndim == 0 || ndim == 1 || ndim == 3 ? 0 : 1;
    }

    @Override
    public String extraRepr() {
        return "dim=" + (dim == null ? "None" : dim.toString());
    }
}
