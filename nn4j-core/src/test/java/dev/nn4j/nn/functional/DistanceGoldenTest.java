package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActNormGolden.getBool;
import static dev.nn4j.nn.functional.ActNormGolden.getDouble;
import static dev.nn4j.nn.functional.ActNormGolden.getInt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pairwiseDistance, cosineSimilarity and pdist against PyTorch 1.13, zero distances and zero vectors included. */
class DistanceGoldenTest {
    static Map<String, ActNormGolden.Op> ops() {
        Map<String, ActNormGolden.Op> m = new HashMap<>();
        m.put("pairwise_distance", (in, a) -> F.pairwiseDistance(in.get("x1"), in.get("x2"), getDouble(a, "p", 2), getDouble(a, "eps", 1e-6),
                getBool(a, "keepdim", false)));
        m.put("cosine_similarity", (in, a) -> F.cosineSimilarity(in.get("x1"), in.get("x2"), getInt(a, "dim", 1), getDouble(a, "eps", 1e-8)));
        m.put("pdist", (in, a) -> F.pdist(in.get("input"), getDouble(a, "p", 2)));
        return m;
    }

    @Test
    void matchesPyTorch() {
        assertEquals(10, ActNormGolden.check(ops()));
    }
}
