package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.FractionalMaxPool;

/**
 * 2-D fractional max pooling (Graham 2014): max over pseudo-randomly placed windows that shrink the input
 * to an {@code outputSize} or by an {@code outputRatio}, as {@code torch.nn.FractionalMaxPool2d(kernel_size,
 * output_size=None, output_ratio=None, return_indices=False, _random_samples=None)}; the settings come in the
 * functional {@link FractionalMaxPool} options. A {@code randomSamples} tensor (N, C, dims) of values in [0, 1)
 * makes it deterministic; it is the buffer {@code _random_samples}, as in PyTorch.
 *
 * <pre>{@code
 * var pool = new FractionalMaxPool2d(FractionalMaxPool.opts(3).outputRatio(0.5));
 * Tensor y = pool.forward(x);
 * }</pre>
 */
public class FractionalMaxPool2d extends Module {
    public final boolean returnIndices;
    private final FractionalMaxPool options;
    /** The window placement samples (N, C, dims), or null to draw them at every call. */
    public final Tensor randomSamples;

    public FractionalMaxPool2d(FractionalMaxPool options) {
        this(options, false);
    }

    public FractionalMaxPool2d(FractionalMaxPool options, boolean returnIndices) {
        this(options, returnIndices, null);
    }

    /** With fixed {@code randomSamples} (PyTorch's {@code _random_samples}, may be null). */
    public FractionalMaxPool2d(FractionalMaxPool options, boolean returnIndices, Tensor randomSamples) {
        int[] size = options.outputSize();
        double[] ratio = options.outputRatio();
        if (size == null && ratio == null) {
            throw new IllegalArgumentException("FractionalMaxPool2d requires specifying either an output size, or a pooling ratio");
        }
        if (size != null && ratio != null) throw new IllegalArgumentException("FractionalMaxPool2d: only one of output_size and output_ratio may be specified");
        if (ratio != null) {
            for (double r : ratio) {
                if (!(r > 0 && r < 1)) throw new IllegalArgumentException("FractionalMaxPool2d: output_ratio must be between 0 and 1 (got " + Repr.tuple(ratio) + ")");
            }
        }
        this.options = options;
        this.returnIndices = returnIndices;
        this.randomSamples = registerBuffer("_random_samples", randomSamples);
    }

    private FractionalMaxPool opts() {
        return randomSamples == null ? options : options.randomSamples(randomSamples);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.fractionalMaxPool2d(input, opts());
    }

    /** The pooled values and the flat index of each maximum in its input plane. */
    public Tensor.ValuesIndices forwardWithIndices(Tensor input) {
        return F.fractionalMaxPool2dWithIndices(input, opts());
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (returnIndices && args.length == 1 && args[0] instanceof Tensor x) return forwardWithIndices(x);
        return super.forwardArgs(args);
    }
}
