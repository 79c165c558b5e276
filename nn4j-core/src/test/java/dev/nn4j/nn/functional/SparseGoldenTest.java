package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActNormGolden.getBool;
import static dev.nn4j.nn.functional.ActNormGolden.getDouble;
import static dev.nn4j.nn.functional.ActNormGolden.getDoubleOrNull;
import static dev.nn4j.nn.functional.ActNormGolden.getInt;
import static dev.nn4j.nn.functional.ActNormGolden.getIntOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * embedding (padding, frequency scaling, in-place max-norm renormalisation), embeddingBag (every mode, padding,
 * per-sample weights, last offset, 2-D input) and oneHot against PyTorch 1.13.
 */
class SparseGoldenTest {
    static Map<String, ActNormGolden.Op> ops() {
        Map<String, ActNormGolden.Op> m = new HashMap<>();
        m.put("embedding", (in, a) -> F.embedding(in.get("input"), in.get("weight"), getIntOrNull(a, "padding_idx"),
                getDoubleOrNull(a, "max_norm"), getDouble(a, "norm_type", 2), getBool(a, "scale_grad_by_freq", false), false));
        m.put("embedding_bag", (in, a) -> F.embeddingBag(in.get("input"), in.get("weight"), in.get("offsets"),
                getDoubleOrNull(a, "max_norm"), getDouble(a, "norm_type", 2), getBool(a, "scale_grad_by_freq", false),
                ActNormGolden.getString(a, "mode", "mean"), false, in.get("per_sample_weights"),
                getBool(a, "include_last_offset", false), getIntOrNull(a, "padding_idx")));
        m.put("one_hot", (in, a) -> F.oneHot(in.get("input"), getInt(a, "num_classes", -1)));
        return m;
    }

    @Test
    void matchesPyTorch() {
        assertEquals(13, ActNormGolden.check(ops()));
    }
}
