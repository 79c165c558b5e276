package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import dev.nn4j.autograd.GradMode;
import dev.nn4j.internal.Shapes;
import java.util.function.UnaryOperator;

/**
 * The activation functions behind {@link F}. All are composites of differentiable tensor ops (their
 * gradients come for free) except softmax/log-softmax, which run a fused kernel ({@link SoftmaxFunction}).
 *
 * <p>Where a branch of a {@code where} could overflow (exp of a large input), its input is clamped to the
 * branch's own domain first: the unselected branch then contributes an exact zero to the gradient
 * instead of {@code 0 * inf = NaN}.
 */
final class Activations {
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private Activations() {}

    // ------------------------------------------------------------------ helpers

    static void requireFloat(String op, Tensor x) {
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
        if (!x.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point input, got " + x.dtype());
        }
    }

    /**
     * Runs {@code f} and writes its result back into {@code x} (the {@code inplace=True} / trailing-underscore
     * forms). Under autograd, {@code f} reads a differentiable clone so its saved tensors stay valid after
     * {@code x} is overwritten, and {@code copy_} rebases {@code x} onto the result's graph node.
     */
    static Tensor inplace(String op, Tensor x, UnaryOperator<Tensor> f) {
        requireFloat(op, x);
        if (GradMode.isEnabled() && x.requiresGrad() && x.isLeaf()) {
            throw new IllegalStateException(op + ": a leaf Variable that requires grad is being used in an in-place operation.");
        }
        boolean track = GradMode.isEnabled() && x.requiresGrad();
        Tensor r = f.apply(track ? x.clone() : x);
        return x.copy_(r);
    }

    // ------------------------------------------------------------------ rectifiers and friends

    static Tensor threshold(Tensor x, double threshold, double value) {
        requireFloat("threshold", x);
        // PyTorch: y = x <= threshold ? value : x (so NaN stays NaN); the gradient is zero only where x <= threshold
        return Tensor.where(x.le(threshold), value, x);
    }

    static Tensor relu(Tensor x) {
        if (x == null) throw new IllegalArgumentException("relu: input must not be null");
        return x.relu();
    }

    /** clamp into [min, max]; unlike {@code clamp}, the gradient is zero at the bounds themselves (PyTorch's hardtanh_backward). */
    static Tensor hardtanh(Tensor x, double min, double max) {
        requireFloat("hardtanh", x);
        if (min > max) {
            throw new IllegalArgumentException("hardtanh: min_val cannot be greater than max_val, got min_val=" + min + ", max_val=" + max);
        }
        return Tensor.where(x.le(min), min, Tensor.where(x.ge(max), max, x));
    }

    static Tensor relu6(Tensor x) {
        return hardtanh(x, 0, 6);
    }

    static Tensor hardsigmoid(Tensor x) {
        requireFloat("hardsigmoid", x);
        return hardtanh(x.add(3), 0, 6).div(6);
    }

    /**
     * x * (x + 3) / 6 on [-3, 3), 0 below, x above. The branches are chosen as PyTorch's vectorised CPU backward
     * chooses them: slope -0.5 at x = -3 and 1 at x = 3.
     */
    static Tensor hardswish(Tensor x) {
        requireFloat("hardswish", x);
        Tensor mid = x.mul(x.add(3)).div(6);
        // below -3 PyTorch computes x * 0: zero (its sign kept), but NaN for -inf
        return Tensor.where(x.lt(-3), x.mul(0), Tensor.where(x.ge(3), x, mid));
    }

    /** x > 0 ? scale * x : scale * alpha * (exp(x * inputScale) - 1): elu, selu and celu in one. */
    private static Tensor eluFamily(Tensor x, double alpha, double scale, double inputScale) {
        Tensor neg = x.clampMax(0).mul(inputScale).expm1().mul(alpha * scale);
        return Tensor.where(x.gt(0), scale == 1 ? x : x.mul(scale), neg);
    }

    static Tensor elu(Tensor x, double alpha) {
        requireFloat("elu", x);
        return eluFamily(x, alpha, 1, 1);
    }

    static Tensor selu(Tensor x) {
        requireFloat("selu", x);
        return eluFamily(x, SELU_ALPHA, SELU_SCALE, 1);
    }

    static Tensor celu(Tensor x, double alpha) {
        requireFloat("celu", x);
        if (alpha == 0) throw new IllegalArgumentException("celu: ZeroDivisionError, alpha must not be 0");
        return eluFamily(x, alpha, 1, 1 / alpha);
    }

    static Tensor leakyRelu(Tensor x, double negativeSlope) {
        requireFloat("leaky_relu", x);
        return Tensor.where(x.gt(0), x, x.mul(negativeSlope));
    }

    static Tensor prelu(Tensor x, Tensor weight) {
        requireFloat("prelu", x);
        if (weight == null) throw new IllegalArgumentException("prelu: weight must not be null");
        int channels = x.dim() >= 2 ? x.size(1) : 1;
        int n = weight.numel();
        if (weight.dim() > 1 || (n != 1 && n != channels)) {
            throw new IllegalArgumentException("prelu: mismatch in parameter count between weight of shape "
                    + Shapes.str(weight.shape()) + " and input of shape " + Shapes.str(x.shape())
                    + ": expected weight with 1 element or num_channels=" + channels + " elements (input dimension 1)");
        }
        if (x.dim() == 0 && n != 1) {
            throw new IllegalArgumentException("prelu: a 0-dim input needs a weight with 1 element, got " + Shapes.str(weight.shape()));
        }
        Tensor w = weight;
        if (n != 1 || x.dim() >= 2) {
            int[] shape = new int[Math.max(x.dim(), 1)];
            java.util.Arrays.fill(shape, 1);
            if (x.dim() >= 2) shape[1] = n;
            w = weight.reshape(x.dim() == 0 ? new int[0] : shape);
        } else {
            w = weight.reshape();
        }
        return Tensor.where(x.gt(0), x, x.mul(w));
    }

    static Tensor rrelu(Tensor x, double lower, double upper, boolean training, Generator g) {
        requireFloat("rrelu", x);
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("rrelu: lower bound must be less than or equal to upper bound, got lower="
                    + lower + ", upper=" + upper);
        }
        if (!training) return leakyRelu(x, (lower + upper) / 2);
        // one slope per element, drawn where x <= 0 (PyTorch's rrelu_with_noise); the gradient is the slope
        Tensor slopes = Tensor.emptyLike(x).uniform_(lower, upper, g);
        Tensor noise = Tensor.where(x.detach().le(0), slopes, 1.0);
        return x.mul(noise);
    }

    static Tensor glu(Tensor x, int dim) {
        requireFloat("glu", x);
        if (x.dim() == 0) throw new IllegalArgumentException("glu: does not support scalars because halving size must be even");
        int d = Shapes.wrapDim("glu", dim, x.dim());
        if (x.size(d) % 2 != 0) {
            throw new IllegalArgumentException("glu: Halving dimension must be even, but dimension " + d + " is size " + x.size(d));
        }
        int half = x.size(d) / 2;
        return x.narrow(d, 0, half).mul(x.narrow(d, half, half).sigmoid());
    }

    static Tensor gelu(Tensor x, String approximate) {
        requireFloat("gelu", x);
        String a = approximate == null ? "none" : approximate;
        return switch (a) {
            case "none" -> x.mul(x.mul(SQRT_HALF).erf().add(1)).mul(0.5);
            case "tanh" -> {
                Tensor inner = x.add(x.pow(3).mul(0.044715)).mul(SQRT_2_OVER_PI);
                yield x.mul(inner.tanh().add(1)).mul(0.5);
            }
            default -> throw new IllegalArgumentException("gelu: approximate argument must be either none or tanh, got '" + a + "'");
        };
    }

    /** log(sigmoid(x)) = x - log1p(exp(x)) for x < 0, -log1p(exp(-x)) otherwise; both branches stay finite. */
    static Tensor logsigmoid(Tensor x) {
        requireFloat("logsigmoid", x);
        Tensor xn = x.clampMax(0), xp = x.clampMin(0);
        Tensor negBranch = xn.sub(xn.exp().log1p());
        Tensor posBranch = xp.neg().exp().log1p().neg();
        return Tensor.where(x.lt(0), negBranch, posBranch);
    }

    static Tensor hardshrink(Tensor x, double lambd) {
        requireFloat("hardshrink", x);
        return Tensor.where(x.ge(-lambd).logicalAnd(x.le(lambd)), 0.0, x);
    }

    static Tensor softshrink(Tensor x, double lambd) {
        requireFloat("softshrink", x);
        if (lambd < 0) throw new IllegalArgumentException("softshrink: lambda must be greater or equal to 0, but found to be " + lambd + ".");
        return Tensor.where(x.gt(lambd), x.sub(lambd), Tensor.where(x.lt(-lambd), x.add(lambd), 0.0));
    }

    static Tensor tanhshrink(Tensor x) {
        requireFloat("tanhshrink", x);
        return x.sub(x.tanh());
    }

    static Tensor softsign(Tensor x) {
        requireFloat("softsign", x);
        return x.div(x.abs().add(1));
    }

    /** log(1 + exp(beta * x)) / beta, reverting to x where beta * x > threshold. */
    static Tensor softplus(Tensor x, double beta, double threshold) {
        requireFloat("softplus", x);
        Tensor bx = x.mul(beta);
        Tensor soft = bx.clampMax(threshold).exp().log1p().div(beta);
        return Tensor.where(bx.gt(threshold), x, soft);
    }

    static Tensor silu(Tensor x) {
        requireFloat("silu", x);
        return x.mul(x.sigmoid());
    }

    static Tensor mish(Tensor x) {
        requireFloat("mish", x);
        return x.mul(softplus(x, 1, 20).tanh());
    }

    static Tensor tanh(Tensor x) {
        if (x == null) throw new IllegalArgumentException("tanh: input must not be null");
        return x.tanh();
    }

    static Tensor sigmoid(Tensor x) {
        if (x == null) throw new IllegalArgumentException("sigmoid: input must not be null");
        return x.sigmoid();
    }

    // ------------------------------------------------------------------ softmax family

    /** PyTorch's {@code _get_softmax_dim}: the legacy implicit dim for a softmax called without one. */
    static int implicitSoftmaxDim(int ndim) {
        return ndim == 0 || ndim == 1 || ndim == 3 ? 0 : 1;
    }

    /** Reference softmax: exp(x - max) / sum(exp(x - max)); the max is a constant for autograd. */
    static Tensor softmaxComposite(Tensor x, int dim) {
        int d = Shapes.wrapDim("softmax", dim, x.dim());
        if (x.dim() == 0) return x.sub(x.detach()).exp();
        Tensor m = x.detach().amax(new int[] {d}, true);
        m = Tensor.where(m.isinf(), 0.0, m);
        Tensor e = x.sub(m).exp();
        return e.div(e.sum(d, true));
    }

    /** Reference log-softmax: x - max - log(sum(exp(x - max))). */
    static Tensor logSoftmaxComposite(Tensor x, int dim) {
        int d = Shapes.wrapDim("log_softmax", dim, x.dim());
        if (x.dim() == 0) return x.sub(x.detach());
        Tensor m = x.detach().amax(new int[] {d}, true);
        m = Tensor.where(m.isinf(), 0.0, m);
        Tensor shifted = x.sub(m);
        return shifted.sub(shifted.exp().sum(d, true).log());
    }

    static Tensor softmax(Tensor x, int dim, DType dtype) {
        Tensor in = castForSoftmax("softmax", x, dtype);
        Shapes.wrapDim("softmax", dim, in.dim());
        return new SoftmaxFunction(dim, false).apply(in);
    }

    static Tensor logSoftmax(Tensor x, int dim, DType dtype) {
        Tensor in = castForSoftmax("log_softmax", x, dtype);
        Shapes.wrapDim("log_softmax", dim, in.dim());
        return new SoftmaxFunction(dim, true).apply(in);
    }

    static Tensor softmin(Tensor x, int dim, DType dtype) {
        Tensor in = castForSoftmax("softmin", x, dtype);
        Shapes.wrapDim("softmin", dim, in.dim());
        return new SoftmaxFunction(dim, false).apply(in.neg());
    }

    private static Tensor castForSoftmax(String op, Tensor x, DType dtype) {
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
        DType dt = dtype == null ? x.dtype() : dtype;
        if (!dt.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected a floating point input (or dtype), got " + dt);
        }
        return dtype == null ? x : x.to(dtype);
    }

    /**
     * Gumbel-softmax: softmax((logits + g) / tau) with g ~ Gumbel(0, 1); with {@code hard}, the forward value is
     * the one-hot of the argmax while the gradient is the soft sample's (straight-through estimator).
     */
    static Tensor gumbelSoftmax(Tensor logits, double tau, boolean hard, double eps, int dim, Generator g) {
        requireFloat("gumbel_softmax", logits);
        int d = Shapes.wrapDim("gumbel_softmax", dim, logits.dim());
        // -log(Exponential(1)) is a Gumbel(0, 1) sample; Exponential(1) = -log(1 - U)
        Tensor u = Tensor.emptyLike(logits).uniform_(0, 1, g);
        Tensor gumbels = u.rsub(1).log().neg().log().neg();
        Tensor ySoft = softmax(logits.add(gumbels).div(tau), d, null);
        if (!hard) return ySoft;
        Tensor index = ySoft.detach().argmax(d, true);
        Tensor yHard = Tensor.zerosLike(logits).scatter(d, index, 1.0);
        return yHard.sub(ySoft.detach()).add(ySoft);
    }
}
