package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every vision / attention golden case ({@code tools/golden/vision_cases.py}: modes, paddings, ranks, ties and
 * argument combinations the shared conformance file does not cover) against PyTorch 1.13, values and gradients.
 */
class VisionGoldenTest {
    private static final String RESOURCE = "/golden/vision-cases.jsonl";

    @TestFactory
    Stream<DynamicTest> float32MatchesPyTorch() throws IOException {
        List<VisionGolden.Case> cases = VisionGolden.load(RESOURCE);
        assertTrue(cases.size() > 100, "expected the full golden file, got " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> assertNull(VisionGolden.run(c, DType.FLOAT32), c.id())));
    }

    /**
     * The float64 path computes indices in double instead of float; away from exact ties (which the nearest-neighbour
     * tie cases construct on purpose) it must agree with PyTorch's float32 results within their tolerance.
     */
    @TestFactory
    Stream<DynamicTest> float64AgreesAwayFromTies() throws IOException {
        return VisionGolden.load(RESOURCE).stream()
                .filter(c -> !c.id().contains("ties"))
                .map(c -> DynamicTest.dynamicTest(c.id(), () -> assertNull(VisionGolden.run(c, DType.FLOAT64), c.id())));
    }
}
