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
     * Every case file of this module's test resources (src/test/resources/conformance, but for tiny-cases.jsonl,
     * which the runner's own tests use and which fails on purpose): nn4j's extra PyTorch cases, each made by a script
     * in tools/golden (tensor_cases.py, tensor_edge_cases.py, functional_edge_cases.py, gen_training.py, ...) and the
     * shared cases with re-drawn inputs (perturb_cases.py, seed 1). No failures and no skips.
     */
    @TestFactory
    Stream<DynamicTest> extraCasesPass() throws IOException {
        Path dir = Path.of("src", "test", "resources", "conformance");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl"))
                    .filter(p -> !p.getFileName().toString().equals("tiny-cases.jsonl")).sorted().toList();
        }
        if (files.size() < 5) throw new IllegalStateException("expected nn4j's extra case files in " + dir.toAbsolutePath() + ", found " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertNoFailures(f, true)));
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
