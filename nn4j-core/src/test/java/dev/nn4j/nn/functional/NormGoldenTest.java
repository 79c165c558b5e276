package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActNormGolden.getBool;
import static dev.nn4j.nn.functional.ActNormGolden.getDouble;
import static dev.nn4j.nn.functional.ActNormGolden.getInt;
import static dev.nn4j.nn.functional.ActNormGolden.getInts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Normalization functions against PyTorch 1.13 values and gradients, including the in-place updates of the
 * running statistics (tools/golden/act_norm_layer_cases.py).
 */
class NormGoldenTest {
    static Map<String, ActNormGolden.Op> ops() {
        Map<String, ActNormGolden.Op> m = new HashMap<>();
        m.put("batch_norm", (in, a) -> F.batchNorm(in.get("input"), in.get("running_mean"), in.get("running_var"), in.get("weight"),
                in.get("bias"), getBool(a, "training", false), getDouble(a, "momentum", 0.1), getDouble(a, "eps", 1e-5)));
        m.put("instance_norm", (in, a) -> F.instanceNorm(in.get("input"), in.get("running_mean"), in.get("running_var"), in.get("weight"),
                in.get("bias"), getBool(a, "use_input_stats", true), getDouble(a, "momentum", 0.1), getDouble(a, "eps", 1e-5)));
        m.put("layer_norm", (in, a) -> F.layerNorm(in.get("input"), getInts(a, "normalized_shape"), in.get("weight"), in.get("bias"),
                getDouble(a, "eps", 1e-5)));
        m.put("group_norm", (in, a) -> F.groupNorm(in.get("input"), getInt(a, "num_groups", 1), in.get("weight"), in.get("bias"),
                getDouble(a, "eps", 1e-5)));
        m.put("local_response_norm", (in, a) -> F.localResponseNorm(in.get("input"), getInt(a, "size", 1), getDouble(a, "alpha", 1e-4),
                getDouble(a, "beta", 0.75), getDouble(a, "k", 1)));
        m.put("rms_norm", (in, a) -> F.rmsNorm(in.get("input"), getInts(a, "normalized_shape"), in.get("weight"),
                ActNormGolden.getDoubleOrNull(a, "eps")));
        m.put("normalize", (in, a) -> F.normalize(in.get("input"), getDouble(a, "p", 2), getInt(a, "dim", 1), getDouble(a, "eps", 1e-12)));
        return m;
    }

    @Test
    void matchesPyTorch() {
        assertEquals(19, ActNormGolden.check(ops()));
    }
}
