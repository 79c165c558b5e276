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

    /**
     * Softmin along {@code dim}: {@code softmax(-x, dim)}. Output has the input's shape.
     * <pre>{@code Tensor w = F.softmin(distances, -1);}</pre>
     */
    public static Tensor softmin(Tensor input, int dim) { return Activations.softmin(input, dim, null); }

    /** Softmin of {@code input} cast to {@code dtype} first. */
    public static Tensor softmin(Tensor input, int dim, dev.nn4j.DType dtype) { return Activations.softmin(input, dim, dtype); }

    /**
     * Gumbel-softmax sample: {@code softmax((logits + g) / tau, dim)} with {@code g ~ Gumbel(0, 1)} drawn from
     * {@code generator}. With {@code hard}, returns the one-hot of the argmax in the forward pass and the soft
     * sample's gradient in the backward pass (straight-through). {@code eps} is unused (kept for PyTorch's signature).
     * <pre>{@code Tensor y = F.gumbelSoftmax(logits, 0.5, true, 1e-10, -1, gen);}</pre>
     */
    public static Tensor gumbelSoftmax(Tensor logits, double tau, boolean hard, double eps, int dim, dev.nn4j.Generator generator) {
        return Activations.gumbelSoftmax(logits, tau, hard, eps, dim, generator);
    }

    /** Gumbel-softmax from the default generator. */
    public static Tensor gumbelSoftmax(Tensor logits, double tau, boolean hard, double eps, int dim) {
        return Activations.gumbelSoftmax(logits, tau, hard, eps, dim, dev.nn4j.Generator.getDefault());
    }

    /** Gumbel-softmax with PyTorch's defaults {@code eps=1e-10, dim=-1}. */
    public static Tensor gumbelSoftmax(Tensor logits, double tau, boolean hard) { return gumbelSoftmax(logits, tau, hard, 1e-10, -1); }

    /** Gumbel-softmax with PyTorch's defaults {@code tau=1, hard=false, dim=-1}. */
    public static Tensor gumbelSoftmax(Tensor logits) { return gumbelSoftmax(logits, 1, false, 1e-10, -1); }

    /**
     * Thresholds each element: {@code y = x > threshold ? x : value}. Any shape.
     * <pre>{@code Tensor y = F.threshold(x, 0.1, 20);}</pre>
     */
    public static Tensor threshold(Tensor input, double threshold, double value) { return Activations.threshold(input, threshold, value); }

    /** {@link #threshold(Tensor, double, double)}, in place when {@code inplace}. */
    public static Tensor threshold(Tensor input, double threshold, double value, boolean inplace) {
        return inplace ? threshold_(input, threshold, value) : threshold(input, threshold, value);
    }

    /** In-place {@link #threshold(Tensor, double, double)}; returns {@code input}. */
    public static Tensor threshold_(Tensor input, double threshold, double value) {
        return Activations.inplace("threshold_", input, t -> Activations.threshold(t, threshold, value));
    }

    /**
     * Rectified linear unit: {@code max(0, x)}. Any shape.
     * <pre>{@code Tensor h = F.relu(x);}</pre>
     */
    public static Tensor relu(Tensor input) { return Activations.relu(input); }

    /** {@link #relu(Tensor)}, in place when {@code inplace}. */
    public static Tensor relu(Tensor input, boolean inplace) { return inplace ? relu_(input) : relu(input); }

    /** In-place {@link #relu(Tensor)}; returns {@code input}. */
    public static Tensor relu_(Tensor input) { return Activations.inplace("relu_", input, Activations::relu); }

    /**
     * HardTanh: clamps into {@code [minVal, maxVal]} (PyTorch defaults -1 and 1); the gradient is 1 strictly inside.
     * <pre>{@code Tensor y = F.hardtanh(x, -2, 2);}</pre>
     */
    public static Tensor hardtanh(Tensor input, double minVal, double maxVal) { return Activations.hardtanh(input, minVal, maxVal); }

    /** HardTanh with PyTorch's defaults {@code minVal=-1, maxVal=1}. */
    public static Tensor hardtanh(Tensor input) { return Activations.hardtanh(input, -1, 1); }

    /** {@link #hardtanh(Tensor, double, double)}, in place when {@code inplace}. */
    public static Tensor hardtanh(Tensor input, double minVal, double maxVal, boolean inplace) {
        return inplace ? hardtanh_(input, minVal, maxVal) : hardtanh(input, minVal, maxVal);
    }

    /** In-place {@link #hardtanh(Tensor, double, double)}; returns {@code input}. */
    public static Tensor hardtanh_(Tensor input, double minVal, double maxVal) {
        return Activations.inplace("hardtanh_", input, t -> Activations.hardtanh(t, minVal, maxVal));
    }

    /** In-place {@link #hardtanh(Tensor)}. */
    public static Tensor hardtanh_(Tensor input) { return hardtanh_(input, -1, 1); }

    /**
     * ReLU6: {@code min(max(0, x), 6)}.
     * <pre>{@code Tensor y = F.relu6(x);}</pre>
     */
    public static Tensor relu6(Tensor input) { return Activations.relu6(input); }

    /** {@link #relu6(Tensor)}, in place when {@code inplace}. */
    public static Tensor relu6(Tensor input, boolean inplace) {
        return inplace ? Activations.inplace("relu6", input, Activations::relu6) : relu6(input);
    }

    /**
     * Hardswish: {@code x * relu6(x + 3) / 6}.
     * <pre>{@code Tensor y = F.hardswish(x);}</pre>
     */
    public static Tensor hardswish(Tensor input) { return Activations.hardswish(input); }

    /** {@link #hardswish(Tensor)}, in place when {@code inplace}. */
    public static Tensor hardswish(Tensor input, boolean inplace) {
        return inplace ? Activations.inplace("hardswish", input, Activations::hardswish) : hardswish(input);
    }

    /**
     * ELU: {@code x > 0 ? x : alpha * (exp(x) - 1)} (PyTorch default {@code alpha=1}).
     * <pre>{@code Tensor y = F.elu(x, 1.0);}</pre>
     */
    public static Tensor elu(Tensor input, double alpha) { return Activations.elu(input, alpha); }

    /** ELU with {@code alpha=1}. */
    public static Tensor elu(Tensor input) { return Activations.elu(input, 1); }

    /** {@link #elu(Tensor, double)}, in place when {@code inplace}. */
    public static Tensor elu(Tensor input, double alpha, boolean inplace) { return inplace ? elu_(input, alpha) : elu(input, alpha); }

    /** In-place {@link #elu(Tensor, double)}; returns {@code input}. */
    public static Tensor elu_(Tensor input, double alpha) { return Activations.inplace("elu_", input, t -> Activations.elu(t, alpha)); }

    /** In-place {@link #elu(Tensor)}. */
    public static Tensor elu_(Tensor input) { return elu_(input, 1); }

    /**
     * SELU: {@code scale * elu(x, alpha)} with {@code alpha = 1.6732632423543772}, {@code scale = 1.0507009873554805}.
     * <pre>{@code Tensor y = F.selu(x);}</pre>
     */
    public static Tensor selu(Tensor input) { return Activations.selu(input); }

    /** {@link #selu(Tensor)}, in place when {@code inplace}. */
    public static Tensor selu(Tensor input, boolean inplace) { return inplace ? selu_(input) : selu(input); }

    /** In-place {@link #selu(Tensor)}; returns {@code input}. */
    public static Tensor selu_(Tensor input) { return Activations.inplace("selu_", input, Activations::selu); }

    /**
     * CELU: {@code max(0, x) + min(0, alpha * (exp(x / alpha) - 1))} (default {@code alpha=1}; alpha must not be 0).
     * <pre>{@code Tensor y = F.celu(x, 0.5);}</pre>
     */
    public static Tensor celu(Tensor input, double alpha) { return Activations.celu(input, alpha); }

    /** CELU with {@code alpha=1}. */
    public static Tensor celu(Tensor input) { return Activations.celu(input, 1); }

    /** {@link #celu(Tensor, double)}, in place when {@code inplace}. */
    public static Tensor celu(Tensor input, double alpha, boolean inplace) { return inplace ? celu_(input, alpha) : celu(input, alpha); }

    /** In-place {@link #celu(Tensor, double)}; returns {@code input}. */
    public static Tensor celu_(Tensor input, double alpha) { return Activations.inplace("celu_", input, t -> Activations.celu(t, alpha)); }

    /** In-place {@link #celu(Tensor)}. */
    public static Tensor celu_(Tensor input) { return celu_(input, 1); }

    /**
     * Leaky ReLU: {@code x > 0 ? x : negativeSlope * x} (default slope 0.01).
     * <pre>{@code Tensor y = F.leakyRelu(x, 0.2);}</pre>
     */
    public static Tensor leakyRelu(Tensor input, double negativeSlope) { return Activations.leakyRelu(input, negativeSlope); }

    /** Leaky ReLU with {@code negativeSlope=0.01}. */
    public static Tensor leakyRelu(Tensor input) { return Activations.leakyRelu(input, 0.01); }

    /** {@link #leakyRelu(Tensor, double)}, in place when {@code inplace}. */
    public static Tensor leakyRelu(Tensor input, double negativeSlope, boolean inplace) {
        return inplace ? leakyRelu_(input, negativeSlope) : leakyRelu(input, negativeSlope);
    }

    /** In-place {@link #leakyRelu(Tensor, double)}; returns {@code input}. */
    public static Tensor leakyRelu_(Tensor input, double negativeSlope) {
        return Activations.inplace("leaky_relu_", input, t -> Activations.leakyRelu(t, negativeSlope));
    }

    /** In-place {@link #leakyRelu(Tensor)}. */
    public static Tensor leakyRelu_(Tensor input) { return leakyRelu_(input, 0.01); }

    /**
     * PReLU: {@code x > 0 ? x : weight * x} with a learnable slope. Shapes: input {@code (N, C, *)} (or any shape
     * with a one-element weight), weight {@code (1,)} or {@code (C,)} broadcast along dim 1.
     * <pre>{@code Tensor y = F.prelu(x, Tensor.full(new int[] {1}, 0.25));}</pre>
     */
    public static Tensor prelu(Tensor input, Tensor weight) { return Activations.prelu(input, weight); }

    /**
     * Randomized leaky ReLU. Training: {@code x >= 0 ? x : a * x} with one slope {@code a ~ U(lower, upper)} per
     * element drawn from {@code generator}; evaluation: slope {@code (lower + upper) / 2}. PyTorch defaults:
     * {@code lower=1/8, upper=1/3, training=false}.
     * <pre>{@code Tensor y = F.rrelu(x, 1.0 / 8, 1.0 / 3, true, false, gen);}</pre>
     */
    public static Tensor rrelu(Tensor input, double lower, double upper, boolean training, boolean inplace, dev.nn4j.Generator generator) {
        if (inplace) return Activations.inplace("rrelu_", input, t -> Activations.rrelu(t, lower, upper, training, generator));
        return Activations.rrelu(input, lower, upper, training, generator);
    }

    /** {@link #rrelu(Tensor, double, double, boolean, boolean, dev.nn4j.Generator)} from the default generator. */
    public static Tensor rrelu(Tensor input, double lower, double upper, boolean training, boolean inplace) {
        return rrelu(input, lower, upper, training, inplace, dev.nn4j.Generator.getDefault());
    }

    /** RReLU, not in place. */
    public static Tensor rrelu(Tensor input, double lower, double upper, boolean training) {
        return rrelu(input, lower, upper, training, false);
    }

    /** RReLU with PyTorch's defaults: evaluation mode, slope {@code (1/8 + 1/3) / 2}. */
    public static Tensor rrelu(Tensor input) { return rrelu(input, 1.0 / 8, 1.0 / 3, false, false); }

    /** In-place RReLU; returns {@code input}. */
    public static Tensor rrelu_(Tensor input, double lower, double upper, boolean training) {
        return rrelu(input, lower, upper, training, true);
    }

    /** In-place RReLU with PyTorch's defaults. */
    public static Tensor rrelu_(Tensor input) { return rrelu(input, 1.0 / 8, 1.0 / 3, false, true); }

    /**
     * Gated linear unit: splits {@code input} in halves {@code a, b} along {@code dim} (default -1, size must be even)
     * and returns {@code a * sigmoid(b)}; that dim halves in the output.
     * <pre>{@code Tensor y = F.glu(x, -1);   // (N, 2H) -> (N, H)}</pre>
     */
    public static Tensor glu(Tensor input, int dim) { return Activations.glu(input, dim); }

    /** GLU over the last dim. */
    public static Tensor glu(Tensor input) { return Activations.glu(input, -1); }

    /**
     * GELU: {@code x * Phi(x)} ({@code approximate = "none"}), or the tanh approximation
     * {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))} ({@code "tanh"}).
     * <pre>{@code Tensor y = F.gelu(x, "tanh");}</pre>
     */
    public static Tensor gelu(Tensor input, String approximate) { return Activations.gelu(input, approximate); }

    /** Exact GELU ({@code approximate = "none"}). */
    public static Tensor gelu(Tensor input) { return Activations.gelu(input, "none"); }

    /**
     * LogSigmoid: {@code log(1 / (1 + exp(-x)))}, computed without overflow.
     * <pre>{@code Tensor y = F.logsigmoid(x);}</pre>
     */
    public static Tensor logsigmoid(Tensor input) { return Activations.logsigmoid(input); }

    /**
     * Hard shrinkage: {@code |x| > lambd ? x : 0} (default {@code lambd=0.5}).
     * <pre>{@code Tensor y = F.hardshrink(x, 0.5);}</pre>
     */
    public static Tensor hardshrink(Tensor input, double lambd) { return Activations.hardshrink(input, lambd); }

    /** Hard shrinkage with {@code lambd=0.5}. */
    public static Tensor hardshrink(Tensor input) { return Activations.hardshrink(input, 0.5); }

    /**
     * Tanhshrink: {@code x - tanh(x)}.
     * <pre>{@code Tensor y = F.tanhshrink(x);}</pre>
     */
    public static Tensor tanhshrink(Tensor input) { return Activations.tanhshrink(input); }

    /**
     * Softsign: {@code x / (1 + |x|)}.
     * <pre>{@code Tensor y = F.softsign(x);}</pre>
     */
    public static Tensor softsign(Tensor input) { return Activations.softsign(input); }

    /**
     * Softplus: {@code log(1 + exp(beta * x)) / beta}, and {@code x} itself where {@code beta * x > threshold}
     * (PyTorch defaults {@code beta=1, threshold=20}).
     * <pre>{@code Tensor y = F.softplus(x, 1, 20);}</pre>
     */
    public static Tensor softplus(Tensor input, double beta, double threshold) { return Activations.softplus(input, beta, threshold); }

    /** Softplus with {@code beta=1, threshold=20}. */
    public static Tensor softplus(Tensor input) { return Activations.softplus(input, 1, 20); }

    /**
     * Soft shrinkage: {@code x - lambd} above {@code lambd}, {@code x + lambd} below {@code -lambd}, 0 between
     * (default {@code lambd=0.5}, must be {@code >= 0}).
     * <pre>{@code Tensor y = F.softshrink(x, 0.5);}</pre>
     */
    public static Tensor softshrink(Tensor input, double lambd) { return Activations.softshrink(input, lambd); }

    /** Soft shrinkage with {@code lambd=0.5}. */
    public static Tensor softshrink(Tensor input) { return Activations.softshrink(input, 0.5); }

    /**
     * Hyperbolic tangent, elementwise.
     * <pre>{@code Tensor y = F.tanh(x);}</pre>
     */
    public static Tensor tanh(Tensor input) { return Activations.tanh(input); }

    /**
     * Logistic sigmoid {@code 1 / (1 + exp(-x))}, elementwise.
     * <pre>{@code Tensor p = F.sigmoid(logits);}</pre>
     */
    public static Tensor sigmoid(Tensor input) { return Activations.sigmoid(input); }

    /**
     * Hardsigmoid: {@code relu6(x + 3) / 6}.
     * <pre>{@code Tensor y = F.hardsigmoid(x);}</pre>
     */
    public static Tensor hardsigmoid(Tensor input) { return Activations.hardsigmoid(input); }

    /** {@link #hardsigmoid(Tensor)}, in place when {@code inplace}. */
    public static Tensor hardsigmoid(Tensor input, boolean inplace) {
        return inplace ? Activations.inplace("hardsigmoid", input, Activations::hardsigmoid) : hardsigmoid(input);
    }

    /**
     * SiLU (swish): {@code x * sigmoid(x)}.
     * <pre>{@code Tensor y = F.silu(x);}</pre>
     */
    public static Tensor silu(Tensor input) { return Activations.silu(input); }

    /** {@link #silu(Tensor)}, in place when {@code inplace}. */
    public static Tensor silu(Tensor input, boolean inplace) {
        return inplace ? Activations.inplace("silu", input, Activations::silu) : silu(input);
    }

    /**
     * Mish: {@code x * tanh(softplus(x))}.
     * <pre>{@code Tensor y = F.mish(x);}</pre>
     */
    public static Tensor mish(Tensor input) { return Activations.mish(input); }

    /** {@link #mish(Tensor)}, in place when {@code inplace}. */
    public static Tensor mish(Tensor input, boolean inplace) {
        return inplace ? Activations.inplace("mish", input, Activations::mish) : mish(input);
    }

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

    /**
     * Bilinear transform: {@code y_k = x1^T W_k x2 + b_k}. Shapes: input1 {@code (*, in1)}, input2 {@code (*, in2)}
     * (same leading dims), weight {@code (out, in1, in2)}, bias {@code (out)} or null; output {@code (*, out)}.
     * <pre>{@code Tensor y = F.bilinear(a, b, w, bias);}</pre>
     */
    public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor bias) {
        return Layers.bilinear(input1, input2, weight, bias);
    }

    /** {@link #bilinear(Tensor, Tensor, Tensor, Tensor)} without bias. */
    public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight) { return Layers.bilinear(input1, input2, weight, null); }

    /**
     * Alpha dropout (for SELU networks): while {@code training}, sets elements to SELU's negative saturation with
     * probability {@code p}, then applies the affine map that keeps zero mean and unit variance. PyTorch defaults:
     * {@code p=0.5, training=false}.
     * <pre>{@code Tensor h = F.alphaDropout(x, 0.2, true, false);}</pre>
     */
    public static Tensor alphaDropout(Tensor input, double p, boolean training, boolean inplace) {
        return Dropout.alphaDropout(input, p, training, inplace, dev.nn4j.Generator.getDefault());
    }

    /** Alpha dropout drawing its mask from {@code generator}. */
    public static Tensor alphaDropout(Tensor input, double p, boolean training, boolean inplace, dev.nn4j.Generator generator) {
        return Dropout.alphaDropout(input, p, training, inplace, generator);
    }

    /** Alpha dropout, not in place. */
    public static Tensor alphaDropout(Tensor input, double p, boolean training) { return alphaDropout(input, p, training, false); }

    /**
     * Feature alpha dropout: alpha dropout of whole channels of an {@code (N, C, *)} input (one draw per (n, c)).
     * PyTorch defaults: {@code p=0.5, training=false}.
     */
    public static Tensor featureAlphaDropout(Tensor input, double p, boolean training, boolean inplace) {
        return Dropout.featureAlphaDropout(input, p, training, inplace, dev.nn4j.Generator.getDefault());
    }

    /** Feature alpha dropout drawing its mask from {@code generator}. */
    public static Tensor featureAlphaDropout(Tensor input, double p, boolean training, boolean inplace, dev.nn4j.Generator generator) {
        return Dropout.featureAlphaDropout(input, p, training, inplace, generator);
    }

    /** Feature alpha dropout, not in place. */
    public static Tensor featureAlphaDropout(Tensor input, double p, boolean training) { return featureAlphaDropout(input, p, training, false); }

    /**
     * Channel dropout for {@code (N, C, L)} or unbatched {@code (C, L)} input: zeroes whole channels with probability
     * {@code p} and scales the rest by {@code 1/(1-p)}. PyTorch defaults {@code p=0.5, training=true}.
     * <pre>{@code Tensor h = F.dropout1d(x, 0.1, true, false);}</pre>
     */
    public static Tensor dropout1d(Tensor input, double p, boolean training, boolean inplace) {
        return Dropout.dropout1d(input, p, training, inplace, dev.nn4j.Generator.getDefault());
    }

    /** dropout1d drawing its mask from {@code generator}. */
    public static Tensor dropout1d(Tensor input, double p, boolean training, boolean inplace, dev.nn4j.Generator generator) {
        return Dropout.dropout1d(input, p, training, inplace, generator);
    }

    /** dropout1d, not in place. */
    public static Tensor dropout1d(Tensor input, double p, boolean training) { return dropout1d(input, p, training, false); }

    /**
     * Channel dropout for {@code (N, C, H, W)} input (one draw per (n, c)); as in PyTorch 1.13 a 3-D input is
     * taken as {@code (N, C, L)}. PyTorch defaults {@code p=0.5, training=true}.
     * <pre>{@code Tensor h = F.dropout2d(x, 0.2, true, false);}</pre>
     */
    public static Tensor dropout2d(Tensor input, double p, boolean training, boolean inplace) {
        return Dropout.dropout2d(input, p, training, inplace, dev.nn4j.Generator.getDefault());
    }

    /** dropout2d drawing its mask from {@code generator}. */
    public static Tensor dropout2d(Tensor input, double p, boolean training, boolean inplace, dev.nn4j.Generator generator) {
        return Dropout.dropout2d(input, p, training, inplace, generator);
    }

    /** dropout2d, not in place. */
    public static Tensor dropout2d(Tensor input, double p, boolean training) { return dropout2d(input, p, training, false); }

    /**
     * Channel dropout for {@code (N, C, D, H, W)} or unbatched {@code (C, D, H, W)} input. PyTorch defaults
     * {@code p=0.5, training=true}.
     */
    public static Tensor dropout3d(Tensor input, double p, boolean training, boolean inplace) {
        return Dropout.dropout3d(input, p, training, inplace, dev.nn4j.Generator.getDefault());
    }

    /** dropout3d drawing its mask from {@code generator}. */
    public static Tensor dropout3d(Tensor input, double p, boolean training, boolean inplace, dev.nn4j.Generator generator) {
        return Dropout.dropout3d(input, p, training, inplace, generator);
    }

    /** dropout3d, not in place. */
    public static Tensor dropout3d(Tensor input, double p, boolean training) { return dropout3d(input, p, training, false); }

    /**
     * Embedding lookup: row {@code input[i]} of {@code weight}. Shapes: input int64 {@code (*)}, weight
     * {@code (num_embeddings, D)}; output {@code (*, D)}.
     * <pre>{@code Tensor v = F.embedding(ids, table);}</pre>
     */
    public static Tensor embedding(Tensor input, Tensor weight) { return EmbeddingOptions.opts().apply(input, weight); }

    /**
     * Embedding lookup with options: {@code paddingIdx} rows get no gradient, {@code maxNorm} renormalises the looked-up
     * rows of {@code weight} in place, {@code scaleGradByFreq} divides gradients by index frequency.
     * <pre>{@code Tensor v = F.embedding(ids, table, EmbeddingOptions.opts().paddingIdx(0));}</pre>
     */
    public static Tensor embedding(Tensor input, Tensor weight, EmbeddingOptions options) { requireOptions("embedding", options, "EmbeddingOptions"); return options.apply(input, weight); }

    /** Embedding lookup with PyTorch's full argument list (nullable {@code paddingIdx} and {@code maxNorm}). */
    public static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx, Double maxNorm, double normType,
                                   boolean scaleGradByFreq, boolean sparse) {
        return Sparse.embedding(input, weight, paddingIdx, maxNorm, normType, scaleGradByFreq, sparse);
    }

    /**
     * Sums, means or maxes of bags of embeddings without materialising the lookups. Input 1-D int64 with
     * {@code offsets} (start of each bag) or 2-D {@code (B, L)} (fixed-length bags, offsets null); weight
     * {@code (num_embeddings, D)}; output {@code (B, D)}, zeros for empty bags. Default mode is {@code "mean"}.
     * <pre>{@code Tensor pooled = F.embeddingBag(ids, table, offsets, EmbeddingBagOptions.opts().mode("sum"));}</pre>
     */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, EmbeddingBagOptions options) {
        requireOptions("embeddingBag", options, "EmbeddingBagOptions");
        return options.apply(input, weight, offsets);
    }

    /** embeddingBag with PyTorch's defaults ({@code mode="mean"}). */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets) {
        return EmbeddingBagOptions.opts().apply(input, weight, offsets);
    }

    /** embeddingBag with PyTorch's full argument list ({@code perSampleWeights}, {@code maxNorm}, {@code paddingIdx} nullable). */
    public static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, Double maxNorm, double normType,
                                      boolean scaleGradByFreq, String mode, boolean sparse, Tensor perSampleWeights,
                                      boolean includeLastOffset, Integer paddingIdx) {
        return Sparse.embeddingBag(input, weight, offsets, maxNorm, normType, scaleGradByFreq, mode, sparse, perSampleWeights,
                includeLastOffset, paddingIdx);
    }

    /**
     * One-hot encoding of an int64 tensor {@code (*)} into {@code (*, numClasses)} int64; {@code numClasses = -1}
     * infers {@code max + 1}.
     * <pre>{@code Tensor oh = F.oneHot(labels, 10);}</pre>
     */
    public static Tensor oneHot(Tensor tensor, int numClasses) { return Sparse.oneHot(tensor, numClasses); }

    /** One-hot with the class count inferred ({@code numClasses = -1}). */
    public static Tensor oneHot(Tensor tensor) { return Sparse.oneHot(tensor, -1); }

    /**
     * p-norm distance between rows: {@code ||x1 - x2 + eps||_p} over the last dim. Shapes: {@code (N, D)} and
     * {@code (N, D)} (broadcastable) give {@code (N)} ({@code (N, 1)} with keepdim). PyTorch defaults
     * {@code p=2, eps=1e-6, keepdim=false}.
     * <pre>{@code Tensor d = F.pairwiseDistance(a, b, 2, 1e-6, false);}</pre>
     */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        return Distance.pairwiseDistance(x1, x2, p, eps, keepdim);
    }

    /** pairwiseDistance with {@code p=2, eps=1e-6, keepdim=false}. */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2) { return Distance.pairwiseDistance(x1, x2, 2, 1e-6, false); }

    /**
     * Cosine similarity along {@code dim}: {@code x1 . x2 / (max(||x1||, eps) * max(||x2||, eps))}; inputs broadcast,
     * {@code dim} is removed. PyTorch defaults {@code dim=1, eps=1e-8}.
     * <pre>{@code Tensor s = F.cosineSimilarity(a, b, 1, 1e-8);}</pre>
     */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2, int dim, double eps) {
        return Distance.cosineSimilarity(x1, x2, dim, eps);
    }

    /** cosineSimilarity with {@code dim=1, eps=1e-8}. */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2) { return Distance.cosineSimilarity(x1, x2, 1, 1e-8); }

    /**
     * p-norm distances between every pair of rows of an {@code (N, M)} input: the upper triangle (i < j, row-major)
     * of the distance matrix as a vector of {@code N(N-1)/2}. Default {@code p=2}.
     * <pre>{@code Tensor d = F.pdist(points, 2);}</pre>
     */
    public static Tensor pdist(Tensor input, double p) { return Distance.pdist(input, p); }

    /** pdist with {@code p=2}. */
    public static Tensor pdist(Tensor input) { return Distance.pdist(input, 2); }

    // ===== NORMALIZATION (Normalization.java) =====

    /**
     * Batch normalization over {@code (N, C, *)}: {@code y = (x - mean) / sqrt(var + eps) * weight + bias} per channel.
     * Training uses the batch's statistics (biased variance) and updates {@code runningMean}/{@code runningVar} in place
     * ({@code running = (1 - momentum) * running + momentum * batch}, unbiased variance); evaluation uses the running
     * statistics. Running stats may be null when training; weight and bias may be null.
     * PyTorch defaults {@code training=false, momentum=0.1, eps=1e-5}.
     * <pre>{@code Tensor y = F.batchNorm(x, rm, rv, gamma, beta, true, 0.1, 1e-5);}</pre>
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                   boolean training, double momentum, double eps) {
        return Normalization.batchNorm(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    /** Batch norm with options: {@code F.batchNorm(x, rm, rv, w, b, BatchNorm.opts().training(true))}. */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, BatchNorm options) {
        requireOptions("batchNorm", options, "BatchNorm");
        return options.apply(input, runningMean, runningVar, weight, bias);
    }

    /** Batch norm in evaluation mode with PyTorch's defaults, no affine parameters. */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar) {
        return BatchNorm.opts().apply(input, runningMean, runningVar, null, null);
    }

    /**
     * Instance normalization: each (n, c) slice of {@code (N, C, *)} normalised by its own mean and variance
     * ({@code useInputStats}), or by the running statistics; running stats, when given, are updated in place with the
     * mean over the batch of the per-instance statistics. PyTorch defaults {@code useInputStats=true, momentum=0.1, eps=1e-5}.
     * <pre>{@code Tensor y = F.instanceNorm(x, null, null, gamma, beta, true, 0.1, 1e-5);}</pre>
     */
    public static Tensor instanceNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                      boolean useInputStats, double momentum, double eps) {
        return Normalization.instanceNorm(input, runningMean, runningVar, weight, bias, useInputStats, momentum, eps);
    }

    /** Instance norm with options. */
    public static Tensor instanceNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias, InstanceNorm options) {
        requireOptions("instanceNorm", options, "InstanceNorm");
        return options.apply(input, runningMean, runningVar, weight, bias);
    }

    /** Instance norm with PyTorch's defaults and no running statistics or affine parameters. */
    public static Tensor instanceNorm(Tensor input) { return InstanceNorm.opts().apply(input, null, null, null, null); }

    /**
     * Layer normalization over the trailing {@code normalizedShape} dims:
     * {@code y = (x - mean) / sqrt(var + eps) * weight + bias} (biased variance). Shapes: input {@code (*, normalizedShape)},
     * weight and bias {@code normalizedShape} or null. Default {@code eps=1e-5}.
     * <pre>{@code Tensor y = F.layerNorm(x, new int[] {512}, gamma, beta, 1e-5);}</pre>
     */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        return Normalization.layerNorm(input, normalizedShape, weight, bias, eps);
    }

    /** Layer norm with {@code eps=1e-5}. */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias) {
        return Normalization.layerNorm(input, normalizedShape, weight, bias, 1e-5);
    }

    /** Layer norm without affine parameters, {@code eps=1e-5}. */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape) {
        return Normalization.layerNorm(input, normalizedShape, null, null, 1e-5);
    }

    /**
     * Group normalization: the {@code C} channels of {@code (N, C, *)} split into {@code numGroups} groups, each
     * (n, group) normalised by its own statistics, then a per-channel affine. {@code C} must be divisible by
     * {@code numGroups}. Default {@code eps=1e-5}.
     * <pre>{@code Tensor y = F.groupNorm(x, 8, gamma, beta, 1e-5);}</pre>
     */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        return Normalization.groupNorm(input, numGroups, weight, bias, eps);
    }

    /** Group norm with {@code eps=1e-5}. */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias) {
        return Normalization.groupNorm(input, numGroups, weight, bias, 1e-5);
    }

    /** Group norm without affine parameters, {@code eps=1e-5}. */
    public static Tensor groupNorm(Tensor input, int numGroups) { return Normalization.groupNorm(input, numGroups, null, null, 1e-5); }

    /**
     * RMS normalization over the trailing {@code normalizedShape} dims: {@code y = x / sqrt(mean(x^2) + eps) * weight}.
     * {@code eps} null means the dtype's machine epsilon ({@code torch.finfo(dtype).eps}); weight may be null.
     * <pre>{@code Tensor y = F.rmsNorm(x, new int[] {4096}, gamma, null);}</pre>
     */
    public static Tensor rmsNorm(Tensor input, int[] normalizedShape, Tensor weight, Double eps) {
        return Normalization.rmsNorm(input, normalizedShape, weight, eps);
    }

    /** RMS norm with the default eps. */
    public static Tensor rmsNorm(Tensor input, int[] normalizedShape, Tensor weight) {
        return Normalization.rmsNorm(input, normalizedShape, weight, null);
    }

    /**
     * Local response normalization across channels of {@code (N, C, *)} (at least 3-D):
     * {@code y = x / (k + alpha / size * sum_{window} x^2)^beta}, the window spanning {@code size} neighbouring channels
     * (zero-padded). PyTorch defaults {@code alpha=1e-4, beta=0.75, k=1}.
     * <pre>{@code Tensor y = F.localResponseNorm(x, 5, 1e-4, 0.75, 1);}</pre>
     */
    public static Tensor localResponseNorm(Tensor input, int size, double alpha, double beta, double k) {
        return Normalization.localResponseNorm(input, size, alpha, beta, k);
    }

    /** LRN with {@code alpha=1e-4, beta=0.75, k=1}. */
    public static Tensor localResponseNorm(Tensor input, int size) { return Normalization.localResponseNorm(input, size, 1e-4, 0.75, 1); }

    /**
     * Lp normalization along {@code dim}: {@code x / max(||x||_p, eps)}. PyTorch defaults {@code p=2, dim=1, eps=1e-12}.
     * <pre>{@code Tensor unit = F.normalize(x, 2, -1, 1e-12);}</pre>
     */
    public static Tensor normalize(Tensor input, double p, int dim, double eps) { return Normalization.normalize(input, p, dim, eps); }

    /** Lp normalization with {@code eps=1e-12}. */
    public static Tensor normalize(Tensor input, double p, int dim) { return Normalization.normalize(input, p, dim, 1e-12); }

    /** L2 normalization along dim 1 ({@code eps=1e-12}). */
    public static Tensor normalize(Tensor input) { return Normalization.normalize(input, 2, 1, 1e-12); }

    // ===== ATTENTION (Attention.java) =====

    /**
     * Scaled dot-product attention (PyTorch 2.x): {@code softmax(q k^T * scale + mask) v} with {@code scale = 1/sqrt(E)}.
     * Shapes: query (N, ..., L, E), key (N, ..., S, E), value (N, ..., S, Ev) -> (N, ..., L, Ev).
     * <pre>{@code Tensor out = F.scaledDotProductAttention(q, k, v);}</pre>
     */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value) { return Sdpa.opts().apply(query, key, value); }

    /** Attention with options: {@code attnMask} (bool true = take part, or additive), {@code dropoutP}, {@code isCausal}, {@code scale}. */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value, Sdpa options) {
        requireOptions("scaledDotProductAttention", options, "Sdpa");
        return options.apply(query, key, value);
    }

    /** Attention with PyTorch's positional arguments ({@code scale} null = 1/sqrt(E)); dropout draws from the default generator. */
    public static Tensor scaledDotProductAttention(Tensor query, Tensor key, Tensor value, Tensor attnMask, double dropoutP,
                                                   boolean isCausal, Double scale) {
        return Sdpa.opts().attnMask(attnMask).dropoutP(dropoutP).isCausal(isCausal).scale(scale).apply(query, key, value);
    }

    /**
     * The multi-head attention of {@code nn.MultiheadAttention} ({@code multi_head_attention_forward}, PyTorch 1.13):
     * in-projection, per-head scaled dot-product attention with the masks, out-projection. Sequence-first shapes:
     * query (L, N, E), key (S, N, E_k), value (S, N, E_v) (or unbatched (L, E), ...); returns the output (L, N, E) and
     * the attention weights (N, L, S) averaged over heads (null unless {@code needWeights}). The optional arguments
     * ({@code training}, {@code keyPaddingMask}, {@code attnMask}, separate projections, static k/v, ...) are in {@link Mha}.
     * <pre>{@code Mha.Output r = F.multiHeadAttentionForward(x, x, x, 8, 2, inW, inB, null, null, false, 0.0, outW, outB, Mha.opts());}</pre>
     */
    public static Mha.Output multiHeadAttentionForward(Tensor query, Tensor key, Tensor value, int embedDimToCheck, int numHeads,
                                                       Tensor inProjWeight, Tensor inProjBias, Tensor biasK, Tensor biasV,
                                                       boolean addZeroAttn, double dropoutP, Tensor outProjWeight, Tensor outProjBias,
                                                       Mha options) {
        requireOptions("multiHeadAttentionForward", options, "Mha");
        return options.apply(query, key, value, embedDimToCheck, numHeads, inProjWeight, inProjBias, biasK, biasV, addZeroAttn,
                dropoutP, outProjWeight, outProjBias);
    }

    /** {@code multiHeadAttentionForward} with PyTorch's defaults for the optional arguments (training, weights averaged). */
    public static Mha.Output multiHeadAttentionForward(Tensor query, Tensor key, Tensor value, int embedDimToCheck, int numHeads,
                                                       Tensor inProjWeight, Tensor inProjBias, Tensor biasK, Tensor biasV,
                                                       boolean addZeroAttn, double dropoutP, Tensor outProjWeight, Tensor outProjBias) {
        return multiHeadAttentionForward(query, key, value, embedDimToCheck, numHeads, inProjWeight, inProjBias, biasK, biasV,
                addZeroAttn, dropoutP, outProjWeight, outProjBias, Mha.opts());
    }

    // ===== LOSSES (Losses.java) =====

    // Every loss takes a Reduction (PyTorch's reduction= "none" | "mean" | "sum", default MEAN); the formulas below give
    // the per-element loss l, which NONE returns as is, MEAN averages and SUM adds up. Options objects
    // (CrossEntropy, Nll, ...) carry the rarer arguments and are also the loss's primitive (opts.apply(...)).

    /**
     * L1 loss: {@code l = |input - target|} (input and target broadcast together). Any shape; NONE keeps the broadcast shape.
     * <pre>{@code Tensor loss = F.l1Loss(pred, y);}</pre>
     */
    public static Tensor l1Loss(Tensor input, Tensor target) { return RegressionLosses.l1Loss(input, target, Reduction.MEAN); }

    /** L1 loss {@code |input - target|} with the given reduction. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) { return RegressionLosses.l1Loss(input, target, reduction); }

    /**
     * Mean squared error: {@code l = (input - target)^2} (broadcast together). Any shape.
     * <pre>{@code Tensor loss = F.mseLoss(pred, y);}</pre>
     */
    public static Tensor mseLoss(Tensor input, Tensor target) { return RegressionLosses.mseLoss(input, target, Reduction.MEAN); }

    /** Squared error {@code (input - target)^2} with the given reduction. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) { return RegressionLosses.mseLoss(input, target, reduction); }

    /**
     * Huber loss with {@code delta = 1}: {@code l = 0.5 d^2} if {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)},
     * {@code d = input - target}. Any shape.
     * <pre>{@code Tensor loss = F.huberLoss(pred, y, Reduction.MEAN, 0.5);}</pre>
     */
    public static Tensor huberLoss(Tensor input, Tensor target) { return RegressionLosses.huberLoss(input, target, Reduction.MEAN, 1.0); }

    /** Huber loss with the given reduction and {@code delta > 0} (PyTorch's argument order). */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        return RegressionLosses.huberLoss(input, target, reduction, delta);
    }

    /**
     * Smooth L1 loss with {@code beta = 1}: {@code l = 0.5 d^2 / beta} if {@code |d| < beta}, else {@code |d| - 0.5 beta};
     * {@code beta = 0} is the L1 loss. Any shape.
     * <pre>{@code Tensor loss = F.smoothL1Loss(boxes, targets);}</pre>
     */
    public static Tensor smoothL1Loss(Tensor input, Tensor target) { return RegressionLosses.smoothL1Loss(input, target, Reduction.MEAN, 1.0); }

    /** Smooth L1 loss with the given reduction and {@code beta >= 0}. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return RegressionLosses.smoothL1Loss(input, target, reduction, beta);
    }

    /**
     * Poisson negative log-likelihood, {@code log_input=true}: {@code l = exp(input) - target * input}. Any shape.
     * <pre>{@code Tensor loss = F.poissonNllLoss(logRate, counts);}</pre>
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target) { return RegressionLosses.poissonNllLoss(input, target, PoissonNll.opts()); }

    /**
     * Poisson NLL with options: {@code l = exp(input) - target * input} (logInput) or {@code input - target * log(input + eps)},
     * plus, with {@code full}, Stirling's term {@code target log(target) - target + 0.5 log(2 pi target)} where {@code target > 1}.
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target, PoissonNll options) {
        requireOptions("poissonNllLoss", options, "PoissonNll");
        return RegressionLosses.poissonNllLoss(input, target, options);
    }

    /**
     * Gaussian negative log-likelihood: {@code l = 0.5 (log(max(var, eps)) + (input - target)^2 / max(var, eps))}
     * (+ {@code 0.5 log(2 pi)} with {@code full}). Shapes: input {@code (N, *)}, target like input, var like input, or
     * input's shape with the last dim 1 or dropped (one variance per sample). var must be non-negative.
     * <pre>{@code Tensor loss = F.gaussianNllLoss(mu, y, var);}</pre>
     */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var) {
        return RegressionLosses.gaussianNllLoss(input, target, var, GaussianNll.opts());
    }

    /** Gaussian NLL with options ({@code full}, {@code eps}, reduction). */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, GaussianNll options) {
        requireOptions("gaussianNllLoss", options, "GaussianNll");
        return RegressionLosses.gaussianNllLoss(input, target, var, options);
    }

    /**
     * Kullback-Leibler divergence with {@code input} as log-probabilities: {@code l = target (log(target) - input)}
     * ({@code 0} where {@code target = 0}; there the target's gradient is {@code -input}, where PyTorch 1.13 gives NaN).
     * MEAN divides by the number of elements, as PyTorch; use
     * {@code Reduction.BATCHMEAN} (sum / batch size) for the true KL divergence.
     * <pre>{@code Tensor kl = F.klDiv(F.logSoftmax(logits, 1), probs, Reduction.BATCHMEAN, false);}</pre>
     */
    public static Tensor klDiv(Tensor input, Tensor target) { return ClassificationLosses.klDiv(input, target, Reduction.MEAN, false); }

    /**
     * KL divergence with a reduction (NONE, MEAN, SUM or BATCHMEAN); with {@code logTarget} the target holds
     * log-probabilities too: {@code l = exp(target) (target - input)}.
     */
    public static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        return ClassificationLosses.klDiv(input, target, reduction, logTarget);
    }

    /**
     * Binary cross-entropy on probabilities in [0, 1]: {@code l = -(target log(input) + (1 - target) log(1 - input))},
     * each log clamped at -100 as PyTorch does. input and target have the same shape.
     * <pre>{@code Tensor loss = F.binaryCrossEntropy(F.sigmoid(logits), y);}</pre>
     */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return ClassificationLosses.binaryCrossEntropy(input, target, null, Reduction.MEAN);
    }

    /** Binary cross-entropy with an elementwise {@code weight} (broadcast to the target; null for none) and a reduction. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return ClassificationLosses.binaryCrossEntropy(input, target, weight, reduction);
    }

    /**
     * Binary cross-entropy on logits, numerically stable:
     * {@code l = (1 - target) x + (1 + (pos_weight - 1) target) log(1 + exp(-x))}, times {@code weight}.
     * input and target have the same shape.
     * <pre>{@code Tensor loss = F.binaryCrossEntropyWithLogits(logits, y);}</pre>
     */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return ClassificationLosses.binaryCrossEntropyWithLogits(input, target, BinaryCrossEntropyWithLogits.opts());
    }

    /** Binary cross-entropy on logits with options ({@code weight}, {@code posWeight}, reduction). */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, BinaryCrossEntropyWithLogits options) {
        requireOptions("binaryCrossEntropyWithLogits", options, "BinaryCrossEntropyWithLogits");
        return ClassificationLosses.binaryCrossEntropyWithLogits(input, target, options);
    }

    /**
     * Negative log-likelihood of log-probabilities: {@code l_n = -w[y_n] input[n, y_n]}, {@code 0} where
     * {@code y_n = ignore_index} (-100); MEAN divides by {@code sum_n w[y_n]} over non-ignored targets.
     * Shapes: input {@code (N, C)}, {@code (C)} or {@code (N, C, d1, ..., dK)}; target (int64 class indices in [0, C))
     * {@code (N)}, {@code ()} or {@code (N, d1, ..., dK)}; NONE returns the target's shape.
     * <pre>{@code Tensor loss = F.nllLoss(F.logSoftmax(logits, 1), labels);}</pre>
     */
    public static Tensor nllLoss(Tensor input, Tensor target) { return ClassificationLosses.nllLoss(input, target, Nll.opts()); }

    /** NLL loss with options ({@code weight}, {@code ignoreIndex}, reduction). */
    public static Tensor nllLoss(Tensor input, Tensor target, Nll options) { requireOptions("nllLoss", options, "Nll"); return ClassificationLosses.nllLoss(input, target, options); }

    /**
     * Cross-entropy of unnormalized logits: {@code nllLoss(logSoftmax(input, 1), target)} for class-index targets
     * (int64; shapes as {@link #nllLoss}), or, for a floating target of the input's shape holding class
     * probabilities, {@code l_n = -sum_c w_c target[n, c] logSoftmax(input)[n, c]} (MEAN divides by N). With label
     * smoothing {@code e}, the target becomes {@code (1 - e) target + e / C}. Index targets without label smoothing run
     * a fused kernel (log-softmax, gather and reduction in one pass).
     * <pre>{@code Tensor loss = F.crossEntropy(logits, labels);}</pre>
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) { return ClassificationLosses.crossEntropy(input, target, CrossEntropy.opts()); }

    /**
     * Cross-entropy with options ({@code weight}, {@code ignoreIndex}, {@code labelSmoothing}, reduction).
     * <pre>{@code F.crossEntropy(logits, y, CrossEntropy.opts().labelSmoothing(0.1).reduction(Reduction.SUM));}</pre>
     */
    public static Tensor crossEntropy(Tensor input, Tensor target, CrossEntropy options) {
        requireOptions("crossEntropy", options, "CrossEntropy");
        return ClassificationLosses.crossEntropy(input, target, options);
    }

    /**
     * Connectionist temporal classification loss: {@code l_n = -log sum over alignments of the target of prod_t p_t}.
     * Shapes: logProbs {@code (T, N, C)} (log_softmax output) or unbatched {@code (T, C)}; targets padded
     * {@code (N, S)} or concatenated {@code (sum(targetLengths))}, labels in [0, C); inputLengths and targetLengths
     * {@code (N)} int64. MEAN divides each loss by its target length, then averages over the batch; NONE gives {@code (N)}.
     * <pre>{@code Tensor loss = F.ctcLoss(F.logSoftmax(x, 2), targets, inLens, tgtLens);}</pre>
     */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return SequenceLosses.ctcLoss(logProbs, targets, inputLengths, targetLengths, Ctc.opts());
    }

    /** CTC loss with options ({@code blank}, reduction, {@code zeroInfinity}). */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths, Ctc options) {
        requireOptions("ctcLoss", options, "Ctc");
        return SequenceLosses.ctcLoss(logProbs, targets, inputLengths, targetLengths, options);
    }

    /** CTC loss with the lengths as Java arrays (PyTorch also takes tuples). */
    public static Tensor ctcLoss(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths, Ctc options) {
        requireOptions("ctcLoss", options, "Ctc");
        return SequenceLosses.ctcLoss(logProbs, targets, Tensor.of(inputLengths), Tensor.of(targetLengths), options);
    }

    /**
     * Margin ranking loss with {@code margin = 0}: {@code l = max(0, -target (input1 - input2) + margin)}, target in {1, -1}.
     * input1, input2 and target have the same number of dims, e.g. {@code (N)}.
     * <pre>{@code Tensor loss = F.marginRankingLoss(s1, s2, y);}</pre>
     */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target) {
        return EmbeddingLosses.marginRankingLoss(input1, input2, target, 0, Reduction.MEAN);
    }

    /** Margin ranking loss with a margin and a reduction. */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin, Reduction reduction) {
        return EmbeddingLosses.marginRankingLoss(input1, input2, target, margin, reduction);
    }

    /**
     * Hinge embedding loss with {@code margin = 1}: {@code l = x} where {@code target = 1},
     * {@code max(0, margin - x)} where {@code target = -1}. Any shape.
     * <pre>{@code Tensor loss = F.hingeEmbeddingLoss(dist, y);}</pre>
     */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target) {
        return EmbeddingLosses.hingeEmbeddingLoss(input, target, 1.0, Reduction.MEAN);
    }

    /** Hinge embedding loss with a margin and a reduction. */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target, double margin, Reduction reduction) {
        return EmbeddingLosses.hingeEmbeddingLoss(input, target, margin, reduction);
    }

    /**
     * Cosine embedding loss with {@code margin = 0}: {@code l = 1 - cos(x1, x2)} where {@code target = 1},
     * {@code max(0, cos(x1, x2) - margin)} where {@code target = -1}. Shapes: inputs {@code (N, D)} with target
     * {@code (N)}, or {@code (D)} with a 0-D target.
     * <pre>{@code Tensor loss = F.cosineEmbeddingLoss(a, b, y);}</pre>
     */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target) {
        return EmbeddingLosses.cosineEmbeddingLoss(input1, input2, target, 0, Reduction.MEAN);
    }

    /** Cosine embedding loss with a margin and a reduction. */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin, Reduction reduction) {
        return EmbeddingLosses.cosineEmbeddingLoss(input1, input2, target, margin, reduction);
    }

    /**
     * Soft margin loss (two-class logistic): {@code l = log(1 + exp(-target * input))}, computed stably (PyTorch's
     * float32 result overflows to inf once {@code -target * input > 88}). Any shape.
     * <pre>{@code Tensor loss = F.softMarginLoss(scores, y);}</pre>
     */
    public static Tensor softMarginLoss(Tensor input, Tensor target) { return MarginLosses.softMarginLoss(input, target, Reduction.MEAN); }

    /** Soft margin loss with a reduction. */
    public static Tensor softMarginLoss(Tensor input, Tensor target, Reduction reduction) {
        return MarginLosses.softMarginLoss(input, target, reduction);
    }

    /**
     * Multi-label margin loss: {@code l_n = sum_{j in targets} sum_{i not in targets} max(0, 1 - (x[y_j] - x[i])) / C},
     * where the targets of a row are its int64 entries before the first -1. Shapes: input {@code (C)} or {@code (N, C)},
     * target the same; NONE gives {@code (N)} (or {@code ()} unbatched).
     * <pre>{@code Tensor loss = F.multilabelMarginLoss(scores, labels);}</pre>
     */
    public static Tensor multilabelMarginLoss(Tensor input, Tensor target) {
        return MarginLosses.multilabelMarginLoss(input, target, Reduction.MEAN);
    }

    /** Multi-label margin loss with a reduction. */
    public static Tensor multilabelMarginLoss(Tensor input, Tensor target, Reduction reduction) {
        return MarginLosses.multilabelMarginLoss(input, target, reduction);
    }

    /**
     * Multi-label one-versus-all logistic loss:
     * {@code l_n = -(1/C) sum_c w_c (y_c log(sigmoid(x_c)) + (1 - y_c) log(sigmoid(-x_c)))}. Shapes: input and target
     * {@code (N, C)}; NONE gives {@code (N)}.
     * <pre>{@code Tensor loss = F.multilabelSoftMarginLoss(logits, y);}</pre>
     */
    public static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target) {
        return MarginLosses.multilabelSoftMarginLoss(input, target, null, Reduction.MEAN);
    }

    /** Multi-label soft margin loss with a class {@code weight} (null for none) and a reduction. */
    public static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return MarginLosses.multilabelSoftMarginLoss(input, target, weight, reduction);
    }

    /**
     * Multi-class hinge loss with {@code p = 1, margin = 1}: {@code l_n = sum_{i != y} w[y] max(0, margin - x[y] + x[i])^p / C}.
     * Shapes: input {@code (N, C)} or {@code (C)}, target int64 {@code (N)} or {@code ()}; NONE gives the target's shape.
     * <pre>{@code Tensor loss = F.multiMarginLoss(scores, labels);}</pre>
     */
    public static Tensor multiMarginLoss(Tensor input, Tensor target) { return MarginLosses.multiMarginLoss(input, target, MultiMargin.opts()); }

    /** Multi-class hinge loss with options ({@code p} in {1, 2}, {@code margin}, {@code weight}, reduction). */
    public static Tensor multiMarginLoss(Tensor input, Tensor target, MultiMargin options) {
        requireOptions("multiMarginLoss", options, "MultiMargin");
        return MarginLosses.multiMarginLoss(input, target, options);
    }

    /**
     * Triplet margin loss: {@code l = max(0, d(a, p) - d(a, n) + margin)} with {@code d(x, y) = ||x - y + eps||_p} over the
     * last dim ({@code margin = 1, p = 2, eps = 1e-6}). Shapes: {@code (N, D)} or {@code (D)}, all three the same.
     * <pre>{@code Tensor loss = F.tripletMarginLoss(anchor, positive, negative);}</pre>
     */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative) {
        return EmbeddingLosses.tripletMarginLoss(anchor, positive, negative, TripletMargin.opts());
    }

    /** Triplet margin loss with options ({@code margin}, {@code p}, {@code eps}, {@code swap}, reduction). */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative, TripletMargin options) {
        requireOptions("tripletMarginLoss", options, "TripletMargin");
        return EmbeddingLosses.tripletMarginLoss(anchor, positive, negative, options);
    }

    /**
     * Triplet margin loss with a custom distance: {@code l = max(0, d(a, p) - d(a, n) + margin)}, {@code d} the pairwise
     * L2 distance unless {@link TripletMarginWithDistance#distanceFunction} sets one.
     * <pre>{@code F.tripletMarginWithDistanceLoss(a, p, n, TripletMarginWithDistance.opts().distanceFunction(myDist));}</pre>
     */
    public static Tensor tripletMarginWithDistanceLoss(Tensor anchor, Tensor positive, Tensor negative) {
        return EmbeddingLosses.tripletMarginWithDistanceLoss(anchor, positive, negative, TripletMarginWithDistance.opts());
    }

    /** Triplet margin loss with options ({@code distanceFunction}, {@code margin}, {@code swap}, reduction). */
    public static Tensor tripletMarginWithDistanceLoss(Tensor anchor, Tensor positive, Tensor negative, TripletMarginWithDistance options) {
        requireOptions("tripletMarginWithDistanceLoss", options, "TripletMarginWithDistance");
        return EmbeddingLosses.tripletMarginWithDistanceLoss(anchor, positive, negative, options);
    }

    // ===== CONVOLUTION (Convolutions.java) =====

    /**
     * 1-D convolution over an input of shape (N, C_in, L) or (C_in, L), PyTorch defaults (stride 1, no padding).
     * {@code out[n, o, l] = bias[o] + sum_{c, t} weight[o, c, t] * input[n, g * C_in/groups + c, l * stride - padding + t * dilation]}.
     *
     * @param weight (C_out, C_in / groups, kL)
     * @return (N, C_out, L_out) with {@code L_out = (L + 2 * padding - dilation * (kL - 1) - 1) / stride + 1}
     */
    public static Tensor conv1d(Tensor input, Tensor weight) { return Convolutions.conv("conv1d", 1, input, weight, null, Conv.opts()); }

    /** {@link #conv1d(Tensor, Tensor)} plus a bias of shape (C_out,) (may be null). */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias) { return Convolutions.conv("conv1d", 1, input, weight, bias, Conv.opts()); }

    /**
     * {@link #conv1d(Tensor, Tensor)} with a bias (may be null) and options: stride, padding (ints, "same" or "valid"),
     * dilation, groups. Example: {@code F.conv1d(x, w, b, Conv.opts().padding("same").dilation(2))}.
     */
    public static Tensor conv1d(Tensor input, Tensor weight, Tensor bias, Conv opts) { requireOptions("conv1d", opts, "Conv"); return Convolutions.conv("conv1d", 1, input, weight, bias, opts); }

    /**
     * 2-D convolution (cross-correlation, as PyTorch) over an input of shape (N, C_in, H, W) or (C_in, H, W).
     * {@code out[n, o, i, j] = bias[o] + sum_{c, p, q} weight[o, c, p, q] * input[n, g * C_in/groups + c, i * sH - padH + p * dH, j * sW - padW + q * dW]}.
     *
     * <pre>{@code
     * Tensor y = F.conv2d(Tensor.randn(8, 3, 32, 32), Tensor.randn(16, 3, 3, 3));   // (8, 16, 30, 30)
     * }</pre>
     *
     * @param weight (C_out, C_in / groups, kH, kW)
     * @return (N, C_out, H_out, W_out), {@code H_out = (H + 2 * padH - dH * (kH - 1) - 1) / sH + 1}, likewise W_out
     */
    public static Tensor conv2d(Tensor input, Tensor weight) { return Convolutions.conv("conv2d", 2, input, weight, null, Conv.opts()); }

    /** {@link #conv2d(Tensor, Tensor)} plus a bias of shape (C_out,) (may be null). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) { return Convolutions.conv("conv2d", 2, input, weight, bias, Conv.opts()); }

    /**
     * {@link #conv2d(Tensor, Tensor)} with a bias (may be null) and options: stride, padding (ints, "same" or "valid"),
     * dilation, groups. Example: {@code F.conv2d(x, w, b, Conv.opts().stride(2).padding(1))}.
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv opts) { requireOptions("conv2d", opts, "Conv"); return Convolutions.conv("conv2d", 2, input, weight, bias, opts); }

    /**
     * 3-D convolution over an input of shape (N, C_in, D, H, W) or (C_in, D, H, W); the 3-D analogue of
     * {@link #conv2d(Tensor, Tensor)}.
     *
     * @param weight (C_out, C_in / groups, kD, kH, kW)
     * @return (N, C_out, D_out, H_out, W_out)
     */
    public static Tensor conv3d(Tensor input, Tensor weight) { return Convolutions.conv("conv3d", 3, input, weight, null, Conv.opts()); }

    /** {@link #conv3d(Tensor, Tensor)} plus a bias of shape (C_out,) (may be null). */
    public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias) { return Convolutions.conv("conv3d", 3, input, weight, bias, Conv.opts()); }

    /** {@link #conv3d(Tensor, Tensor)} with a bias (may be null) and options (stride, padding, dilation, groups). */
    public static Tensor conv3d(Tensor input, Tensor weight, Tensor bias, Conv opts) { requireOptions("conv3d", opts, "Conv"); return Convolutions.conv("conv3d", 3, input, weight, bias, opts); }

    /**
     * 1-D transposed convolution ("deconvolution"): the gradient of {@link #conv1d} with respect to its input.
     *
     * @param input (N, C_in, L) or (C_in, L)
     * @param weight (C_in, C_out / groups, kL)
     * @return (N, C_out, L_out), {@code L_out = (L - 1) * stride - 2 * padding + dilation * (kL - 1) + output_padding + 1}
     */
    public static Tensor convTranspose1d(Tensor input, Tensor weight) { return Convolutions.convTranspose("convTranspose1d", 1, input, weight, null, ConvTranspose.opts()); }

    /** {@link #convTranspose1d(Tensor, Tensor)} plus a bias of shape (C_out,) (may be null). */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias) { return Convolutions.convTranspose("convTranspose1d", 1, input, weight, bias, ConvTranspose.opts()); }

    /** {@link #convTranspose1d(Tensor, Tensor)} with a bias (may be null) and options (stride, padding, output_padding, groups, dilation). */
    public static Tensor convTranspose1d(Tensor input, Tensor weight, Tensor bias, ConvTranspose opts) { requireOptions("convTranspose1d", opts, "ConvTranspose"); return Convolutions.convTranspose("convTranspose1d", 1, input, weight, bias, opts); }

    /**
     * 2-D transposed convolution: the gradient of {@link #conv2d} with respect to its input, e.g. to upsample.
     *
     * <pre>{@code
     * Tensor up = F.convTranspose2d(x, w, b, ConvTranspose.opts().stride(2).padding(1).outputPadding(1));  // 3x3 kernel: H -> 2H
     * }</pre>
     *
     * @param input (N, C_in, H, W) or (C_in, H, W)
     * @param weight (C_in, C_out / groups, kH, kW)
     * @return (N, C_out, H_out, W_out), {@code H_out = (H - 1) * sH - 2 * padH + dH * (kH - 1) + output_padH + 1}
     */
    public static Tensor convTranspose2d(Tensor input, Tensor weight) { return Convolutions.convTranspose("convTranspose2d", 2, input, weight, null, ConvTranspose.opts()); }

    /** {@link #convTranspose2d(Tensor, Tensor)} plus a bias of shape (C_out,) (may be null). */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias) { return Convolutions.convTranspose("convTranspose2d", 2, input, weight, bias, ConvTranspose.opts()); }

    /** {@link #convTranspose2d(Tensor, Tensor)} with a bias (may be null) and options (stride, padding, output_padding, groups, dilation). */
    public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, ConvTranspose opts) { requireOptions("convTranspose2d", opts, "ConvTranspose"); return Convolutions.convTranspose("convTranspose2d", 2, input, weight, bias, opts); }

    /**
     * 3-D transposed convolution: the gradient of {@link #conv3d} with respect to its input.
     *
     * @param input (N, C_in, D, H, W) or (C_in, D, H, W)
     * @param weight (C_in, C_out / groups, kD, kH, kW)
     */
    public static Tensor convTranspose3d(Tensor input, Tensor weight) { return Convolutions.convTranspose("convTranspose3d", 3, input, weight, null, ConvTranspose.opts()); }

    /** {@link #convTranspose3d(Tensor, Tensor)} plus a bias of shape (C_out,) (may be null). */
    public static Tensor convTranspose3d(Tensor input, Tensor weight, Tensor bias) { return Convolutions.convTranspose("convTranspose3d", 3, input, weight, bias, ConvTranspose.opts()); }

    /** {@link #convTranspose3d(Tensor, Tensor)} with a bias (may be null) and options (stride, padding, output_padding, groups, dilation). */
    public static Tensor convTranspose3d(Tensor input, Tensor weight, Tensor bias, ConvTranspose opts) { requireOptions("convTranspose3d", opts, "ConvTranspose"); return Convolutions.convTranspose("convTranspose3d", 3, input, weight, bias, opts); }

    /**
     * Extracts sliding local blocks (im2col), dilation 1, padding 0, stride 1: input (N, C, H, W) or (C, H, W) gives
     * (N, C * kH * kW, L), L = number of block positions; column l holds the block at position l, channel-major.
     * Example: {@code F.unfold(Tensor.randn(2, 3, 5, 6), 2, 3)} has shape (2, 18, 16).
     */
    public static Tensor unfold(Tensor input, int... kernelSize) { return Convolutions.unfold(input, kernelSize, new int[] {1}, new int[] {0}, new int[] {1}); }

    /**
     * {@link #unfold(Tensor, int...)} with PyTorch's argument order {@code (kernel_size, dilation, padding, stride)};
     * each is one int or two. {@code L = prod_d ((size_d + 2 * padding_d - dilation_d * (kernel_d - 1) - 1) / stride_d + 1)}.
     */
    public static Tensor unfold(Tensor input, int[] kernelSize, int[] dilation, int[] padding, int[] stride) { return Convolutions.unfold(input, kernelSize, dilation, padding, stride); }

    /**
     * Combines sliding local blocks into an image (col2im), summing overlaps; the adjoint of {@link #unfold}.
     * Input (N, C * kH * kW, L) or (C * kH * kW, L) gives (N, C, outputSize[0], outputSize[1]).
     */
    public static Tensor fold(Tensor input, int[] outputSize, int... kernelSize) { return Convolutions.fold(input, outputSize, kernelSize, new int[] {1}, new int[] {0}, new int[] {1}); }

    /** {@link #fold(Tensor, int[], int...)} with PyTorch's argument order {@code (output_size, kernel_size, dilation, padding, stride)}. */
    public static Tensor fold(Tensor input, int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) { return Convolutions.fold(input, outputSize, kernelSize, dilation, padding, stride); }

    // ===== POOLING (Pooling.java) =====

    /**
     * 1-D max pooling over an input of shape (N, C, L) or (C, L), stride = kernel size, no padding:
     * {@code out = max over each window}. Example: {@code F.maxPool1d(x, 2)} halves every spatial size.
     */
    public static Tensor maxPool1d(Tensor input, int... kernelSize) { return Pooling.maxPoolValues("maxPool1d", 1, input, MaxPool.opts(kernelSize)); }

    /**
     * 1-D max pooling with options (kernel, stride, padding, dilation, ceil mode). Output size per spatial dim:
     * {@code floor((in + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1} (ceil with {@code ceilMode}).
     */
    public static Tensor maxPool1d(Tensor input, MaxPool opts) { requireOptions("maxPool1d", opts, "MaxPool"); return Pooling.maxPoolValues("maxPool1d", 1, input, opts); }

    /**
     * {@link #maxPool1d(Tensor, MaxPool)} with PyTorch's {@code return_indices=True}: also the int64 index of each
     * maximum, flattened within its input plane (what {@link #maxUnpool1d(Tensor, Tensor, MaxUnpool)} takes).
     */
    public static Tensor.ValuesIndices maxPool1dWithIndices(Tensor input, MaxPool opts) { requireOptions("maxPool1dWithIndices", opts, "MaxPool"); return Pooling.maxPool("maxPool1d", 1, input, opts); }

    /**
     * 2-D max pooling over an input of shape (N, C, H, W) or (C, H, W), stride = kernel size, no padding:
     * {@code out = max over each window}. Example: {@code F.maxPool2d(x, 2)} halves every spatial size.
     */
    public static Tensor maxPool2d(Tensor input, int... kernelSize) { return Pooling.maxPoolValues("maxPool2d", 2, input, MaxPool.opts(kernelSize)); }

    /**
     * 2-D max pooling with options (kernel, stride, padding, dilation, ceil mode). Output size per spatial dim:
     * {@code floor((in + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1} (ceil with {@code ceilMode}).
     */
    public static Tensor maxPool2d(Tensor input, MaxPool opts) { requireOptions("maxPool2d", opts, "MaxPool"); return Pooling.maxPoolValues("maxPool2d", 2, input, opts); }

    /**
     * {@link #maxPool2d(Tensor, MaxPool)} with PyTorch's {@code return_indices=True}: also the int64 index of each
     * maximum, flattened within its input plane (what {@link #maxUnpool2d(Tensor, Tensor, MaxUnpool)} takes).
     */
    public static Tensor.ValuesIndices maxPool2dWithIndices(Tensor input, MaxPool opts) { requireOptions("maxPool2dWithIndices", opts, "MaxPool"); return Pooling.maxPool("maxPool2d", 2, input, opts); }

    /**
     * 3-D max pooling over an input of shape (N, C, D, H, W) or (C, D, H, W), stride = kernel size, no padding:
     * {@code out = max over each window}. Example: {@code F.maxPool3d(x, 2)} halves every spatial size.
     */
    public static Tensor maxPool3d(Tensor input, int... kernelSize) { return Pooling.maxPoolValues("maxPool3d", 3, input, MaxPool.opts(kernelSize)); }

    /**
     * 3-D max pooling with options (kernel, stride, padding, dilation, ceil mode). Output size per spatial dim:
     * {@code floor((in + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1} (ceil with {@code ceilMode}).
     */
    public static Tensor maxPool3d(Tensor input, MaxPool opts) { requireOptions("maxPool3d", opts, "MaxPool"); return Pooling.maxPoolValues("maxPool3d", 3, input, opts); }

    /**
     * {@link #maxPool3d(Tensor, MaxPool)} with PyTorch's {@code return_indices=True}: also the int64 index of each
     * maximum, flattened within its input plane (what {@link #maxUnpool3d(Tensor, Tensor, MaxUnpool)} takes).
     */
    public static Tensor.ValuesIndices maxPool3dWithIndices(Tensor input, MaxPool opts) { requireOptions("maxPool3dWithIndices", opts, "MaxPool"); return Pooling.maxPool("maxPool3d", 3, input, opts); }

    /**
     * Partial inverse of {@link #maxPool1d(Tensor, MaxPool)}: writes each value at its index (from the pooling's
     * indices) into zeros of size {@code (in - 1) * stride - 2 * padding + kernel} per spatial dim; stride = kernel size.
     */
    public static Tensor maxUnpool1d(Tensor input, Tensor indices, int... kernelSize) { return Pooling.maxUnpool("maxUnpool1d", 1, input, indices, MaxUnpool.opts(kernelSize)); }

    /** {@link #maxUnpool1d(Tensor, Tensor, int...)} with options (kernel, stride, padding, output size). */
    public static Tensor maxUnpool1d(Tensor input, Tensor indices, MaxUnpool opts) { requireOptions("maxUnpool1d", opts, "MaxUnpool"); return Pooling.maxUnpool("maxUnpool1d", 1, input, indices, opts); }

    /**
     * Partial inverse of {@link #maxPool2d(Tensor, MaxPool)}: writes each value at its index (from the pooling's
     * indices) into zeros of size {@code (in - 1) * stride - 2 * padding + kernel} per spatial dim; stride = kernel size.
     */
    public static Tensor maxUnpool2d(Tensor input, Tensor indices, int... kernelSize) { return Pooling.maxUnpool("maxUnpool2d", 2, input, indices, MaxUnpool.opts(kernelSize)); }

    /** {@link #maxUnpool2d(Tensor, Tensor, int...)} with options (kernel, stride, padding, output size). */
    public static Tensor maxUnpool2d(Tensor input, Tensor indices, MaxUnpool opts) { requireOptions("maxUnpool2d", opts, "MaxUnpool"); return Pooling.maxUnpool("maxUnpool2d", 2, input, indices, opts); }

    /**
     * Partial inverse of {@link #maxPool3d(Tensor, MaxPool)}: writes each value at its index (from the pooling's
     * indices) into zeros of size {@code (in - 1) * stride - 2 * padding + kernel} per spatial dim; stride = kernel size.
     */
    public static Tensor maxUnpool3d(Tensor input, Tensor indices, int... kernelSize) { return Pooling.maxUnpool("maxUnpool3d", 3, input, indices, MaxUnpool.opts(kernelSize)); }

    /** {@link #maxUnpool3d(Tensor, Tensor, int...)} with options (kernel, stride, padding, output size). */
    public static Tensor maxUnpool3d(Tensor input, Tensor indices, MaxUnpool opts) { requireOptions("maxUnpool3d", opts, "MaxUnpool"); return Pooling.maxUnpool("maxUnpool3d", 3, input, indices, opts); }

    /**
     * 1-D average pooling, stride = kernel size, no padding: {@code out = sum over each window / window size}.
     * Example: {@code F.avgPool1d(x, 2)}.
     */
    public static Tensor avgPool1d(Tensor input, int... kernelSize) { return Pooling.avgPool("avgPool1d", 1, input, AvgPool.opts(kernelSize)); }

    /** 1-D average pooling with options (kernel, stride, padding, ceil mode, count_include_pad, divisor_override). */
    public static Tensor avgPool1d(Tensor input, AvgPool opts) { requireOptions("avgPool1d", opts, "AvgPool"); return Pooling.avgPool("avgPool1d", 1, input, opts); }

    /**
     * 2-D average pooling, stride = kernel size, no padding: {@code out = sum over each window / window size}.
     * Example: {@code F.avgPool2d(x, 2)}.
     */
    public static Tensor avgPool2d(Tensor input, int... kernelSize) { return Pooling.avgPool("avgPool2d", 2, input, AvgPool.opts(kernelSize)); }

    /** 2-D average pooling with options (kernel, stride, padding, ceil mode, count_include_pad, divisor_override). */
    public static Tensor avgPool2d(Tensor input, AvgPool opts) { requireOptions("avgPool2d", opts, "AvgPool"); return Pooling.avgPool("avgPool2d", 2, input, opts); }

    /**
     * 3-D average pooling, stride = kernel size, no padding: {@code out = sum over each window / window size}.
     * Example: {@code F.avgPool3d(x, 2)}.
     */
    public static Tensor avgPool3d(Tensor input, int... kernelSize) { return Pooling.avgPool("avgPool3d", 3, input, AvgPool.opts(kernelSize)); }

    /** 3-D average pooling with options (kernel, stride, padding, ceil mode, count_include_pad, divisor_override). */
    public static Tensor avgPool3d(Tensor input, AvgPool opts) { requireOptions("avgPool3d", opts, "AvgPool"); return Pooling.avgPool("avgPool3d", 3, input, opts); }

    /**
     * 1-D power-average pooling: {@code out = (sum over each window of x^p)^(1/p)} (p = {@code normType}; p = 1 is sum
     * pooling, p = inf would be max pooling), stride = kernel size, no padding.
     */
    public static Tensor lpPool1d(Tensor input, double normType, int... kernelSize) { return Pooling.lpPool("lpPool1d", 1, input, normType, kernelSize, null, false); }

    /** {@link #lpPool1d(Tensor, double, int...)} with a stride (null = kernel size) and ceil mode. */
    public static Tensor lpPool1d(Tensor input, double normType, int[] kernelSize, int[] stride, boolean ceilMode) { return Pooling.lpPool("lpPool1d", 1, input, normType, kernelSize, stride, ceilMode); }

    /**
     * 2-D power-average pooling: {@code out = (sum over each window of x^p)^(1/p)} (p = {@code normType}; p = 1 is sum
     * pooling, p = inf would be max pooling), stride = kernel size, no padding.
     */
    public static Tensor lpPool2d(Tensor input, double normType, int... kernelSize) { return Pooling.lpPool("lpPool2d", 2, input, normType, kernelSize, null, false); }

    /** {@link #lpPool2d(Tensor, double, int...)} with a stride (null = kernel size) and ceil mode. */
    public static Tensor lpPool2d(Tensor input, double normType, int[] kernelSize, int[] stride, boolean ceilMode) { return Pooling.lpPool("lpPool2d", 2, input, normType, kernelSize, stride, ceilMode); }

    /**
     * 3-D power-average pooling: {@code out = (sum over each window of x^p)^(1/p)} (p = {@code normType}; p = 1 is sum
     * pooling, p = inf would be max pooling), stride = kernel size, no padding.
     */
    public static Tensor lpPool3d(Tensor input, double normType, int... kernelSize) { return Pooling.lpPool("lpPool3d", 3, input, normType, kernelSize, null, false); }

    /** {@link #lpPool3d(Tensor, double, int...)} with a stride (null = kernel size) and ceil mode. */
    public static Tensor lpPool3d(Tensor input, double normType, int[] kernelSize, int[] stride, boolean ceilMode) { return Pooling.lpPool("lpPool3d", 3, input, normType, kernelSize, stride, ceilMode); }

    /**
     * 1-D adaptive max pooling to {@code outputSize} (one value or one per spatial dim; -1 keeps that input size):
     * output i covers input {@code [floor(i * in / out), ceil((i + 1) * in / out))}.
     */
    public static Tensor adaptiveMaxPool1d(Tensor input, int... outputSize) { return Pooling.adaptiveMaxPool("adaptiveMaxPool1d", 1, input, outputSize).values(); }

    /** {@link #adaptiveMaxPool1d(Tensor, int...)} with the flat in-plane index of each maximum ({@code return_indices=True}). */
    public static Tensor.ValuesIndices adaptiveMaxPool1dWithIndices(Tensor input, int... outputSize) { return Pooling.adaptiveMaxPool("adaptiveMaxPool1d", 1, input, outputSize); }

    /**
     * 1-D adaptive average pooling to {@code outputSize} (one value or one per spatial dim; -1 keeps that input size).
     * Example: {@code F.adaptiveAvgPool1d(x, 1)} is global average pooling.
     */
    public static Tensor adaptiveAvgPool1d(Tensor input, int... outputSize) { return Pooling.adaptiveAvgPool("adaptiveAvgPool1d", 1, input, outputSize); }

    /**
     * 2-D adaptive max pooling to {@code outputSize} (one value or one per spatial dim; -1 keeps that input size):
     * output i covers input {@code [floor(i * in / out), ceil((i + 1) * in / out))}.
     */
    public static Tensor adaptiveMaxPool2d(Tensor input, int... outputSize) { return Pooling.adaptiveMaxPool("adaptiveMaxPool2d", 2, input, outputSize).values(); }

    /** {@link #adaptiveMaxPool2d(Tensor, int...)} with the flat in-plane index of each maximum ({@code return_indices=True}). */
    public static Tensor.ValuesIndices adaptiveMaxPool2dWithIndices(Tensor input, int... outputSize) { return Pooling.adaptiveMaxPool("adaptiveMaxPool2d", 2, input, outputSize); }

    /**
     * 2-D adaptive average pooling to {@code outputSize} (one value or one per spatial dim; -1 keeps that input size).
     * Example: {@code F.adaptiveAvgPool2d(x, 1)} is global average pooling.
     */
    public static Tensor adaptiveAvgPool2d(Tensor input, int... outputSize) { return Pooling.adaptiveAvgPool("adaptiveAvgPool2d", 2, input, outputSize); }

    /**
     * 3-D adaptive max pooling to {@code outputSize} (one value or one per spatial dim; -1 keeps that input size):
     * output i covers input {@code [floor(i * in / out), ceil((i + 1) * in / out))}.
     */
    public static Tensor adaptiveMaxPool3d(Tensor input, int... outputSize) { return Pooling.adaptiveMaxPool("adaptiveMaxPool3d", 3, input, outputSize).values(); }

    /** {@link #adaptiveMaxPool3d(Tensor, int...)} with the flat in-plane index of each maximum ({@code return_indices=True}). */
    public static Tensor.ValuesIndices adaptiveMaxPool3dWithIndices(Tensor input, int... outputSize) { return Pooling.adaptiveMaxPool("adaptiveMaxPool3d", 3, input, outputSize); }

    /**
     * 3-D adaptive average pooling to {@code outputSize} (one value or one per spatial dim; -1 keeps that input size).
     * Example: {@code F.adaptiveAvgPool3d(x, 1)} is global average pooling.
     */
    public static Tensor adaptiveAvgPool3d(Tensor input, int... outputSize) { return Pooling.adaptiveAvgPool("adaptiveAvgPool3d", 3, input, outputSize); }

    /**
     * 2-D fractional max pooling (Graham 2014): max over windows of {@code kernelSize} at pseudo-random, increasing
     * positions that shrink the input to the requested output size or ratio. Example:
     * {@code F.fractionalMaxPool2d(x, FractionalMaxPool.opts(3).outputSize(13))}.
     */
    public static Tensor fractionalMaxPool2d(Tensor input, FractionalMaxPool opts) { requireOptions("fractionalMaxPool2d", opts, "FractionalMaxPool"); return Pooling.fractionalMaxPool("fractionalMaxPool2d", 2, input, opts).values(); }

    /** {@link #fractionalMaxPool2d(Tensor, FractionalMaxPool)} with the flat in-plane index of each maximum. */
    public static Tensor.ValuesIndices fractionalMaxPool2dWithIndices(Tensor input, FractionalMaxPool opts) { requireOptions("fractionalMaxPool2dWithIndices", opts, "FractionalMaxPool"); return Pooling.fractionalMaxPool("fractionalMaxPool2d", 2, input, opts); }

    /**
     * 3-D fractional max pooling (Graham 2014): max over windows of {@code kernelSize} at pseudo-random, increasing
     * positions that shrink the input to the requested output size or ratio. Example:
     * {@code F.fractionalMaxPool3d(x, FractionalMaxPool.opts(3).outputSize(13))}.
     */
    public static Tensor fractionalMaxPool3d(Tensor input, FractionalMaxPool opts) { requireOptions("fractionalMaxPool3d", opts, "FractionalMaxPool"); return Pooling.fractionalMaxPool("fractionalMaxPool3d", 3, input, opts).values(); }

    /** {@link #fractionalMaxPool3d(Tensor, FractionalMaxPool)} with the flat in-plane index of each maximum. */
    public static Tensor.ValuesIndices fractionalMaxPool3dWithIndices(Tensor input, FractionalMaxPool opts) { requireOptions("fractionalMaxPool3dWithIndices", opts, "FractionalMaxPool"); return Pooling.fractionalMaxPool("fractionalMaxPool3d", 3, input, opts); }

    // ===== VISION (Vision.java) =====

    /**
     * Pads the trailing dimensions of {@code input} with zeros; {@code pad} is given <b>last dimension first</b>:
     * {@code (left, right[, top, bottom[, front, back]])}. Negative amounts crop.
     * <pre>{@code Tensor y = F.pad(x, new int[] {1, 1, 2, 2});   // (N, C, H, W) -> (N, C, H + 4, W + 2)}</pre>
     */
    public static Tensor pad(Tensor input, int[] pad) { return Pad.pad(input, pad, "constant", null); }

    /**
     * Pads with {@code mode} = {@code constant | reflect | replicate | circular} (see {@link Pad}). The non-constant
     * modes pad the last 1, 2 or 3 dims of a (N,) C, * input; reflect needs each amount below the dim's size.
     * <pre>{@code Tensor y = F.pad(x, new int[] {2, 2}, "reflect");   // (N, C, W) -> (N, C, W + 4)}</pre>
     */
    public static Tensor pad(Tensor input, int[] pad, String mode) { return Pad.pad(input, pad, mode, null); }

    /** Pads with {@code mode}; {@code value} fills constant padding (PyTorch's {@code value}, null = 0). */
    public static Tensor pad(Tensor input, int[] pad, String mode, Double value) { return Pad.pad(input, pad, mode, value); }

    /** Constant padding with {@code value}. */
    public static Tensor pad(Tensor input, int[] pad, double value) { return Pad.pad(input, pad, "constant", value); }

    /**
     * Resizes the spatial dims of {@code input} (N, C, d1[, d2[, d3]]) as {@code torch.nn.functional.interpolate},
     * with PyTorch 1.13's index math for every mode ({@code nearest | nearest-exact | linear | bilinear | bicubic |
     * trilinear | area}). Output (N, C, o1[, o2[, o3]]) with {@code o = size}, or {@code floor(d * scaleFactor)}.
     * <pre>{@code Tensor y = F.interpolate(x, Interpolate.opts().scaleFactor(2).mode("bilinear"));}</pre>
     */
    public static Tensor interpolate(Tensor input, Interpolate options) { requireOptions("interpolate", options, "Interpolate"); return options.apply(input); }

    /** {@code interpolate} to output {@code size} (one value per spatial dim, or one for all) with {@code mode}. */
    public static Tensor interpolate(Tensor input, int[] size, String mode) {
        return Interpolate.opts().size(size).mode(mode).apply(input);
    }

    /** {@code interpolate} by {@code scaleFactor} (every spatial dim) with {@code mode}. */
    public static Tensor interpolate(Tensor input, double scaleFactor, String mode) {
        return Interpolate.opts().scaleFactor(scaleFactor).mode(mode).apply(input);
    }

    /**
     * Deprecated alias of {@code interpolate} ({@code torch.nn.functional.upsample}); exactly one of {@code size},
     * {@code scaleFactor} is non-null; {@code alignCorners} may be null.
     */
    public static Tensor upsample(Tensor input, int[] size, double[] scaleFactor, String mode, Boolean alignCorners) {
        return Interpolate.opts().size(size).scaleFactor(scaleFactor).mode(mode).alignCorners(alignCorners).apply(input);
    }

    /** Nearest upsampling to {@code size} ({@code torch.nn.functional.upsample_nearest}). */
    public static Tensor upsampleNearest(Tensor input, int... size) { return Interpolate.opts().size(size).apply(input); }

    /** Nearest upsampling by {@code scaleFactor}. */
    public static Tensor upsampleNearest(Tensor input, double scaleFactor) { return Interpolate.opts().scaleFactor(scaleFactor).apply(input); }

    /** Bilinear upsampling of (N, C, H, W) to {@code size} with {@code align_corners=True} ({@code upsample_bilinear}). */
    public static Tensor upsampleBilinear(Tensor input, int... size) {
        return Interpolate.opts().size(size).mode("bilinear").alignCorners(true).apply(input);
    }

    /** Bilinear upsampling by {@code scaleFactor} with {@code align_corners=True}. */
    public static Tensor upsampleBilinear(Tensor input, double scaleFactor) {
        return Interpolate.opts().scaleFactor(scaleFactor).mode("bilinear").alignCorners(true).apply(input);
    }

    /**
     * Samples {@code input} (N, C, H_in, W_in) at the normalized locations {@code grid} (N, H_out, W_out, 2), values in
     * [-1, 1] as (x, y), bilinearly with zero padding and {@code align_corners=False}; output (N, C, H_out, W_out).
     * 5-D: input (N, C, D, H, W), grid (N, D_out, H_out, W_out, 3). Differentiable in both input and grid.
     * <pre>{@code Tensor warped = F.gridSample(img, F.affineGrid(theta, img.shape()));}</pre>
     */
    public static Tensor gridSample(Tensor input, Tensor grid) { return GridSample.opts().apply(input, grid); }

    /** {@code gridSample} with options ({@code mode}, {@code paddingMode}, {@code alignCorners}). */
    public static Tensor gridSample(Tensor input, Tensor grid, GridSample options) { requireOptions("gridSample", options, "GridSample"); return options.apply(input, grid); }

    /**
     * {@code gridSample} with {@code mode} = {@code bilinear | nearest | bicubic}, {@code paddingMode} =
     * {@code zeros | border | reflection}.
     */
    public static Tensor gridSample(Tensor input, Tensor grid, String mode, String paddingMode, boolean alignCorners) {
        return GridSample.gridSample(input, grid, mode, paddingMode, alignCorners);
    }

    /**
     * The sampling grid of a batch of affine maps, for {@code gridSample}: {@code theta} (N, 2, 3) and
     * {@code size} (N, C, H, W) give (N, H, W, 2); {@code theta} (N, 3, 4) and (N, C, D, H, W) give (N, D, H, W, 3).
     * {@code align_corners=False}.
     */
    public static Tensor affineGrid(Tensor theta, int[] size) { return Vision.affineGrid(theta, size, false); }

    /** {@code affineGrid} with {@code alignCorners}. */
    public static Tensor affineGrid(Tensor theta, int[] size, boolean alignCorners) { return Vision.affineGrid(theta, size, alignCorners); }

    /**
     * Rearranges (*, C r^2, H, W) into (*, C, H r, W r) (sub-pixel convolution).
     * <pre>{@code Tensor y = F.pixelShuffle(x, 2);   // (1, 8, 3, 4) -> (1, 2, 6, 8)}</pre>
     */
    public static Tensor pixelShuffle(Tensor input, int upscaleFactor) { return Vision.pixelShuffle(input, upscaleFactor); }

    /** The inverse of {@code pixelShuffle}: (*, C, H r, W r) -> (*, C r^2, H, W). */
    public static Tensor pixelUnshuffle(Tensor input, int downscaleFactor) { return Vision.pixelUnshuffle(input, downscaleFactor); }

    /**
     * Splits the C channels of (N, C, *) into {@code groups} and interleaves them (ShuffleNet):
     * channel {@code g * (C / groups) + i} moves to {@code i * groups + g}.
     */
    public static Tensor channelShuffle(Tensor input, int groups) { return Vision.channelShuffle(input, groups); }

    /** Options objects carry defaults; a null one is a caller's mistake, named here rather than as an NPE inside. */
    private static void requireOptions(String op, Object options, String type) {
        if (options == null) throw new IllegalArgumentException(op + ": options must not be null (" + type + ".opts() gives the defaults)");
    }
}
