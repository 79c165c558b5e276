package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;

/**
 * nn4j's functional tier: every {@code torch.nn.functional} op as a pure, stateless, differentiable
 * static method, named in camelCase with PyTorch's argument order and defaults.
 *
 * <p>Optional arguments: overloads for the one or two that nearly every call sets, an options object for
 * the rest. The options object is also the op's <em>primitive</em> (MindSpore's {@code ops.Conv2D}):
 * configured once, applied many times.
 *
 * <pre>{@code
 * Tensor y = F.relu(x);
 * Tensor z = F.conv2d(x, w, b, Conv.opts().stride(2).padding(1));
 * var conv = Conv.opts().stride(2).padding(1);   // a primitive
 * Tensor z2 = conv.apply(x, w, b);
 * }</pre>
 *
 * <p>F is the one front door; the work is done in topic classes of this package
 * ({@code Activations}, {@code Convolutions}, {@code Pooling}, {@code Normalization}, {@code Losses},
 * {@code Vision}, {@code Attention}, ...), so no file grows huge.
 */
public final class F {
    private F() {}

    // ===== ACTIVATIONS (Activations.java) =====

    /**
     * Softmax along {@code dim}: {@code exp(x_i) / sum_j exp(x_j)}, computed stably (max subtracted).
     * Any shape; the output has the input's shape and sums to 1 along {@code dim}.
     * <pre>{@code Tensor probs = F.softmax(logits, -1);}</pre>
     * {@code dim} is required (PyTorch's implicit dim is deprecated).
     */
    public static Tensor softmax(Tensor input, int dim) { return Activations.softmax(input, dim, null); }

    /** Softmax of {@code input} cast to {@code dtype} first (PyTorch's {@code dtype=} argument). */
    public static Tensor softmax(Tensor input, int dim, dev.nn4j.DType dtype) { return Activations.softmax(input, dim, dtype); }

    /**
     * Log-softmax along {@code dim}: {@code x_i - log(sum_j exp(x_j))}, computed stably; use it with
     * {@code nllLoss} instead of {@code log(softmax(x))}. Output has the input's shape.
     * <pre>{@code Tensor logp = F.logSoftmax(logits, 1);}</pre>
     */
    public static Tensor logSoftmax(Tensor input, int dim) { return Activations.logSoftmax(input, dim, null); }

    /** Log-softmax of {@code input} cast to {@code dtype} first. */
    public static Tensor logSoftmax(Tensor input, int dim, dev.nn4j.DType dtype) { return Activations.logSoftmax(input, dim, dtype); }

    // ===== LINEAR, DROPOUT, SPARSE, DISTANCE (Layers.java, Dropout.java, Sparse.java, Distance.java) =====

    /**
     * Applies {@code y = x W^T + b}. Shapes: input {@code (*, in_features)}, weight {@code (out_features, in_features)},
     * bias {@code (out_features)} or null; output {@code (*, out_features)}. N-D inputs run as one GEMM.
     * <pre>{@code Tensor y = F.linear(x, w, b);}</pre>
     */
    public static Tensor linear(Tensor input, Tensor weight, Tensor bias) { return Layers.linear(input, weight, bias); }

    /** {@link #linear(Tensor, Tensor, Tensor)} without bias. */
    public static Tensor linear(Tensor input, Tensor weight) { return Layers.linear(input, weight, null); }

    /**
     * Dropout: while {@code training}, zeroes each element with probability {@code p} (Bernoulli, from the
     * default {@link dev.nn4j.Generator}) and scales the rest by {@code 1/(1-p)}; the identity otherwise.
     * {@code inplace} writes the result into {@code input}. Throws if {@code p} is outside [0, 1].
     * <pre>{@code Tensor h = F.dropout(x, 0.1, model.isTraining(), false);}</pre>
     */
    public static Tensor dropout(Tensor input, double p, boolean training, boolean inplace) {
        return Dropout.dropout(input, p, training, inplace, dev.nn4j.Generator.getDefault());
    }

    /** Dropout drawing its mask from {@code generator}. */
    public static Tensor dropout(Tensor input, double p, boolean training, boolean inplace, dev.nn4j.Generator generator) {
        return Dropout.dropout(input, p, training, inplace, generator);
    }

    /** Dropout with PyTorch's defaults: {@code p = 0.5, training = true}, not in place. */
    public static Tensor dropout(Tensor input) { return dropout(input, 0.5, true, false); }

    /** Dropout with probability {@code p}, training, not in place. */
    public static Tensor dropout(Tensor input, double p) { return dropout(input, p, true, false); }

    /** Dropout with probability {@code p}, identity unless {@code training}. */
    public static Tensor dropout(Tensor input, double p, boolean training) { return dropout(input, p, training, false); }

    // ===== NORMALIZATION (Normalization.java) =====

    // ===== ATTENTION (Attention.java) =====

    // ===== LOSSES (Losses.java) =====

    // ===== CONVOLUTION (Convolutions.java) =====

    // ===== POOLING (Pooling.java) =====

    // ===== VISION (Vision.java) =====
}
