package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActNormGolden.getBool;
import static dev.nn4j.nn.functional.ActNormGolden.getDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** linear, bilinear and the deterministic forms of every dropout against PyTorch 1.13 (tools/golden/act_norm_layer_cases.py). */
class LayersGoldenTest {
    static Map<String, ActNormGolden.Op> ops() {
        Map<String, ActNormGolden.Op> m = new HashMap<>();
        // the "noncontiguous" case feeds input.transpose(0, 1), as the generator does
        m.put("linear", (in, a) -> {
            var x = in.get("input");
            if (x.dim() == 3 && in.get("bias") == null) x = x.transpose(0, 1);
            return F.linear(x, in.get("weight"), in.get("bias"));
        });
        m.put("bilinear", (in, a) -> F.bilinear(in.get("input1"), in.get("input2"), in.get("weight"), in.get("bias")));
        m.put("dropout", (in, a) -> F.dropout(in.get("input"), getDouble(a, "p", 0.5), getBool(a, "training", true), false));
        m.put("alpha_dropout", (in, a) -> F.alphaDropout(in.get("input"), getDouble(a, "p", 0.5), getBool(a, "training", false)));
        m.put("feature_alpha_dropout", (in, a) -> F.featureAlphaDropout(in.get("input"), getDouble(a, "p", 0.5), getBool(a, "training", false)));
        m.put("dropout1d", (in, a) -> F.dropout1d(in.get("input"), getDouble(a, "p", 0.5), getBool(a, "training", true)));
        m.put("dropout2d", (in, a) -> F.dropout2d(in.get("input"), getDouble(a, "p", 0.5), getBool(a, "training", true)));
        m.put("dropout3d", (in, a) -> F.dropout3d(in.get("input"), getDouble(a, "p", 0.5), getBool(a, "training", true)));
        return m;
    }

    @Test
    void matchesPyTorch() {
        assertEquals(11, ActNormGolden.check(ops()));
    }
}
