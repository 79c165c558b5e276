package dev.nn4j.cli.conformance;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Conformance mappings of the activation functions ({@code torch.nn.functional}), every PyTorch argument with
 * its default. {@code inplace=True} runs the in-place form; the trailing-underscore names are registered too.
 */
final class ActivationCases {
    private ActivationCases() {}

    /** A one-input activation: the handler gets the input and the args. */
    private static void act(Registry r, String op, BiFunction<Tensor, Args, Tensor> f) {
        r.functional(op, (in, a) -> f.apply(input(in), a));
    }

    static Tensor input(Map<String, Tensor> in) {
        Tensor t = in.get("input");
        if (t == null) throw new CaseFormatException("expected an input tensor named 'input', got " + in.keySet());
        return t;
    }

    /** A required number argument (no PyTorch default). */
    static double required(Args a, String key) {
        if (!a.has(key)) throw new CaseFormatException("missing required argument '" + key + "'");
        return a.getDouble(key, 0);
    }

    /** PyTorch's {@code _get_softmax_dim} for the deprecated implicit dim. */
    static int softmaxDim(Args a, Tensor x) {
        if (a.has("dim")) return a.getInt("dim", 0);
        int nd = x.dim();
        return nd == 0 || nd == 1 || nd == 3 ? 0 : 1;
    }

    /** A {@code dtype=} argument ("torch.float64", "float64", "double", ...), or null. */
    static DType dtype(Args a) {
        if (!a.has("dtype")) return null;
        String s = a.getString("dtype", "").replace("torch.", "");
        return switch (s) {
            case "float32", "float" -> DType.FLOAT32;
            case "float64", "double" -> DType.FLOAT64;
            default -> throw new SkipCase("dtype " + s + " is not supported by nn4j");
        };
    }

    static void register(Registry r) {
        act(r, "threshold", (x, a) -> F.threshold(x, required(a, "threshold"), required(a, "value"),
                a.getBool("inplace", false)));
        act(r, "threshold_", (x, a) -> F.threshold_(x, required(a, "threshold"), required(a, "value")));
        act(r, "relu", (x, a) -> F.relu(x, a.getBool("inplace", false)));
        act(r, "relu_", (x, a) -> F.relu_(x));
        act(r, "hardtanh", (x, a) -> F.hardtanh(x, a.getDouble("min_val", -1), a.getDouble("max_val", 1), a.getBool("inplace", false)));
        act(r, "hardtanh_", (x, a) -> F.hardtanh_(x, a.getDouble("min_val", -1), a.getDouble("max_val", 1)));
        act(r, "hardswish", (x, a) -> F.hardswish(x, a.getBool("inplace", false)));
        act(r, "relu6", (x, a) -> F.relu6(x, a.getBool("inplace", false)));
        act(r, "elu", (x, a) -> F.elu(x, a.getDouble("alpha", 1), a.getBool("inplace", false)));
        act(r, "elu_", (x, a) -> F.elu_(x, a.getDouble("alpha", 1)));
        act(r, "selu", (x, a) -> F.selu(x, a.getBool("inplace", false)));
        act(r, "selu_", (x, a) -> F.selu_(x));
        act(r, "celu", (x, a) -> F.celu(x, a.getDouble("alpha", 1), a.getBool("inplace", false)));
        act(r, "celu_", (x, a) -> F.celu_(x, a.getDouble("alpha", 1)));
        act(r, "leaky_relu", (x, a) -> F.leakyRelu(x, a.getDouble("negative_slope", 0.01), a.getBool("inplace", false)));
        act(r, "leaky_relu_", (x, a) -> F.leakyRelu_(x, a.getDouble("negative_slope", 0.01)));
        r.functional("prelu", (in, a) -> F.prelu(input(in), in.get("weight")));
        act(r, "rrelu", (x, a) -> F.rrelu(x, a.getDouble("lower", 1.0 / 8), a.getDouble("upper", 1.0 / 3), a.getBool("training", false),
                a.getBool("inplace", false)));
        act(r, "rrelu_", (x, a) -> F.rrelu_(x, a.getDouble("lower", 1.0 / 8), a.getDouble("upper", 1.0 / 3), a.getBool("training", false)));
        act(r, "glu", (x, a) -> F.glu(x, a.getInt("dim", -1)));
        act(r, "gelu", (x, a) -> F.gelu(x, a.getString("approximate", "none")));
        act(r, "logsigmoid", (x, a) -> F.logsigmoid(x));
        act(r, "hardshrink", (x, a) -> F.hardshrink(x, a.getDouble("lambd", 0.5)));
        act(r, "tanhshrink", (x, a) -> F.tanhshrink(x));
        act(r, "softsign", (x, a) -> F.softsign(x));
        act(r, "softplus", (x, a) -> F.softplus(x, a.getDouble("beta", 1), a.getDouble("threshold", 20)));
        act(r, "softmin", (x, a) -> F.softmin(x, softmaxDim(a, x), dtype(a)));
        act(r, "softmax", (x, a) -> F.softmax(x, softmaxDim(a, x), dtype(a)));
        act(r, "log_softmax", (x, a) -> F.logSoftmax(x, softmaxDim(a, x), dtype(a)));
        act(r, "softshrink", (x, a) -> F.softshrink(x, a.getDouble("lambd", 0.5)));
        r.functional("gumbel_softmax", (in, a) -> {
            Tensor logits = in.containsKey("logits") ? in.get("logits") : input(in);
            return F.gumbelSoftmax(logits, a.getDouble("tau", 1), a.getBool("hard", false), a.getDouble("eps", 1e-10), a.getInt("dim", -1));
        });
        act(r, "tanh", (x, a) -> F.tanh(x));
        act(r, "sigmoid", (x, a) -> F.sigmoid(x));
        act(r, "hardsigmoid", (x, a) -> F.hardsigmoid(x, a.getBool("inplace", false)));
        act(r, "silu", (x, a) -> F.silu(x, a.getBool("inplace", false)));
        act(r, "mish", (x, a) -> F.mish(x, a.getBool("inplace", false)));
    }
}
