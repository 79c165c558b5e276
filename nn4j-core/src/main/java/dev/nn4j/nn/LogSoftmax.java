package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Applies log(softmax(x)) along {@code dim}, as {@code torch.nn.LogSoftmax(dim=None)}.
 *
 * <p>Shapes: input (*), output (*) of the same shape. With {@code dim} null (PyTorch's deprecated
 * implicit choice) the dim is 0 for inputs of 0, 1 or 3 dims and 1 otherwise.
 *
 * <pre>{@code
 * Tensor p = new LogSoftmax(1).forward(Tensor.randn(4, 10));
 * }</pre>
 */
public class LogSoftmax extends Module {
    /** The dim to normalize over, or null for the legacy implicit choice. */
    public final Integer dim;

    public LogSoftmax() {
        this(null);
    }

    public LogSoftmax(Integer dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, dim != null ? dim : Softmax.implicitDim(input.dim()));
    }

    @Override
    public String extraRepr() {
        return "dim=" + (dim == null ? "None" : dim.toString());
    }
}
