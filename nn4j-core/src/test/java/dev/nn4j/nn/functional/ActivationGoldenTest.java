package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActNormGolden.getDouble;
import static dev.nn4j.nn.functional.ActNormGolden.getInt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.Tensor;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every activation against PyTorch 1.13 values and gradients (tools/golden/act_norm_layer_cases.py), kinks included. */
class ActivationGoldenTest {
    private static void unary(Map<String, ActNormGolden.Op> m, String op, UnaryOperator<Tensor> f) {
        m.put(op, (in, a) -> f.apply(in.get("input")));
    }

    static Map<String, ActNormGolden.Op> ops() {
        Map<String, ActNormGolden.Op> m = new HashMap<>();
        m.put("threshold", (in, a) -> F.threshold(in.get("input"), getDouble(a, "threshold", 0), getDouble(a, "value", 0)));
        unary(m, "relu", F::relu);
        unary(m, "relu6", F::relu6);
        m.put("hardtanh", (in, a) -> F.hardtanh(in.get("input"), getDouble(a, "min_val", -1), getDouble(a, "max_val", 1)));
        unary(m, "hardswish", F::hardswish);
        unary(m, "hardsigmoid", F::hardsigmoid);
        m.put("elu", (in, a) -> F.elu(in.get("input"), getDouble(a, "alpha", 1)));
        unary(m, "selu", F::selu);
        m.put("celu", (in, a) -> F.celu(in.get("input"), getDouble(a, "alpha", 1)));
        m.put("leaky_relu", (in, a) -> F.leakyRelu(in.get("input"), getDouble(a, "negative_slope", 0.01)));
        m.put("prelu", (in, a) -> F.prelu(in.get("input"), in.get("weight")));
        unary(m, "rrelu", F::rrelu);
        m.put("glu", (in, a) -> F.glu(in.get("input"), getInt(a, "dim", -1)));
        m.put("gelu", (in, a) -> F.gelu(in.get("input"), ActNormGolden.getString(a, "approximate", "none")));
        unary(m, "logsigmoid", F::logsigmoid);
        unary(m, "hardshrink", F::hardshrink);
        unary(m, "softshrink", F::softshrink);
        unary(m, "tanhshrink", F::tanhshrink);
        unary(m, "softsign", F::softsign);
        m.put("softplus", (in, a) -> F.softplus(in.get("input"), getDouble(a, "beta", 1), getDouble(a, "threshold", 20)));
        unary(m, "tanh", F::tanh);
        unary(m, "sigmoid", F::sigmoid);
        unary(m, "silu", F::silu);
        unary(m, "mish", F::mish);
        m.put("softmax", (in, a) -> F.softmax(in.get("input"), getInt(a, "dim", 0)));
        m.put("log_softmax", (in, a) -> F.logSoftmax(in.get("input"), getInt(a, "dim", 0)));
        m.put("softmin", (in, a) -> F.softmin(in.get("input"), getInt(a, "dim", 0)));
        return m;
    }

    @Test
    void matchesPyTorch() {
        assertEquals(38, ActNormGolden.check(ops()));
    }
}
