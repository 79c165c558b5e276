package dev.nn4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of every {@code *.jsonl} file of the shared conformance folder, through the same runner as
 * {@code nn4j conformance}: a failed case fails the build, and so does a skipped one (an op or kind the runner
 * does not know), since every area is implemented; {@code -Dnn4j.conformance.strict=false} lists skips without
 * failing, for a case file from a newer PyTorch.
 *
 * <p>The folder: {@code -Dnn4j.conformance.dir=PATH}, else the first {@code shared/conformance} found walking up
 * from the working directory (a checkout at {@code X/main} finds {@code X/shared/conformance}; so does CI's
 * clone with {@code shared/} copied beside it).
 */
class ConformanceTest {
    /** System property naming the conformance folder. */
    static final String DIR_PROPERTY = "nn4j.conformance.dir";
    /** System property that makes skipped cases fail the build ({@code true}/{@code false}); default {@link #SKIPS_FAIL}. */
    static final String STRICT_PROPERTY = "nn4j.conformance.strict";
    /** Whether skipped cases fail the build. */
    static final boolean SKIPS_FAIL = true;

    /** One test per case file; a single skipped test naming what to set when the folder cannot be found. */
    @TestFactory
    Stream<DynamicTest> sharedCasesPass() throws IOException {
        Path dir = conformanceDir();
        if (dir == null) {
            String why = "shared conformance folder not found: set -D" + DIR_PROPERTY
                    + "=PATH or put shared/conformance in a parent folder of " + Path.of("").toAbsolutePath();
            return Stream.of(DynamicTest.dynamicTest("shared conformance folder", () -> {
                System.out.println("[conformance] SKIPPED: " + why);
                Assumptions.abort(why);
            }));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalStateException("no *.jsonl case files in " + dir);
        boolean strict = Boolean.parseBoolean(System.getProperty(STRICT_PROPERTY, String.valueOf(SKIPS_FAIL)));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertNoFailures(f, strict)));
    }

    /**
     * Extra tensor cases with other arguments (tools/golden/tensor_cases.py) and at the edges: int64 and bool inputs,
     * NaN, ties, -inf rows (tools/golden/tensor_edge_cases.py). The tensor area is complete: no skips.
     */
    @Test
    void extraTensorCasesPass() throws Exception {
        assertNoFailures(Path.of(ConformanceTest.class.getResource("/conformance/tensor-extra.jsonl").toURI()), true);
        assertNoFailures(Path.of(ConformanceTest.class.getResource("/conformance/tensor-edge.jsonl").toURI()), true);
    }

    /**
     * Functional ops with arguments the shared file does not use (tools/golden/functional_edge_cases.py), gradients of
     * every input PyTorch differentiates: no failures, no skips.
     */
    @Test
    void functionalEdgeCasesPass() throws Exception {
        assertNoFailures(Path.of(ConformanceTest.class.getResource("/conformance/functional-edge.jsonl").toURI()), true);
    }

    /**
     * The shared cases with re-drawn inputs and PyTorch's references for them (tools/golden/perturb_cases.py,
     * seed 1): the same ops and arguments at other values, as the case files nn4j is run against but cannot see.
     */
    @Test
    void perturbedSharedCasesPass() throws Exception {
        assertNoFailures(Path.of(ConformanceTest.class.getResource("/conformance/shared-perturbed-1.jsonl").toURI()), true);
    }

    /**
     * nn4j-core's PyTorch golden files in this format (functional, losses, vision, modules), through this runner:
     * the runner reads any file of the format, not only the shared one. Their two packed-sequence module cases
     * have a custom forward the format cannot express and are skipped here (nn4j-core's tests check them).
     */
    @TestFactory
    Stream<DynamicTest> coreGoldenCasesPassThroughThisRunner() {
        Path golden = Path.of("..", "nn4j-core", "src", "test", "resources", "golden");
        return Stream.of("convpool-cases.jsonl", "losses.jsonl", "vision-cases.jsonl", "module-cases.jsonl")
                .map(golden::resolve)
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertNoFailures(f, false)));
    }

    private static void assertNoFailures(Path file, boolean skipsFail) {
        Conformance.Report report = new Conformance(Registry.standard()).run(List.of(file), null, null);
        List<Conformance.Result> skipped = report.with(Outcome.Status.SKIP);
        if (!skipped.isEmpty()) {
            System.out.println("[conformance] " + file.getFileName() + ": " + skipped.size() + " skipped:");
            skipped.forEach(r -> System.out.println("  " + r.describe()));
        }
        System.out.println("[conformance] " + file.getFileName() + ": " + report.summary());
        List<Conformance.Result> bad = skipsFail
                ? report.results().stream().filter(r -> r.outcome().status() != Outcome.Status.PASS).toList()
                : report.with(Outcome.Status.FAIL);
        assertTrue(bad.isEmpty(), () -> file + ": " + report.summary() + "\n"
                + bad.stream().map(Conformance.Result::describe).collect(Collectors.joining("\n")));
    }

    /** The folder of the shared conformance cases, or null. */
    static Path conformanceDir() {
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            if (!Files.isDirectory(p)) throw new IllegalStateException("-D" + DIR_PROPERTY + "=" + prop + " is not a folder");
            return p;
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path c = d.resolve("shared").resolve("conformance");
            if (Files.isDirectory(c)) return c;
        }
        return null;
    }
}
