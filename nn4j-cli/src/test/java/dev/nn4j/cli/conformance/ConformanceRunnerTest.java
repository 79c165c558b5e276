package dev.nn4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner and {@code nn4j conformance} on hand-written case files: counting, summary, errors. */
class ConformanceRunnerTest {
    @TempDir
    Path tmp;

    private static Path tiny() throws Exception {
        return Path.of(ConformanceRunnerTest.class.getResource("/conformance/tiny-cases.jsonl").toURI());
    }

    /** Exit status, stdout and stderr of one command line. */
    private record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void countsPassFailSkip() throws Exception {
        Conformance.Report r = new Conformance(Registry.standard()).run(List.of(tiny()), null, null);
        assertEquals("2 passed, 2 failed, 2 skipped", r.summary());
        assertEquals(List.of("tiny/add-pass", "tiny/max-dim-pass"), ids(r, Outcome.Status.PASS));
        assertEquals(List.of("tiny/add-wrong-output", "tiny/matmul-shape-error"), ids(r, Outcome.Status.FAIL));
        assertEquals(List.of("tiny/unknown-op-skip", "tiny/unknown-kind-skip"), ids(r, Outcome.Status.SKIP));
        // the blank line 2 is ignored but still counted for line numbers
        assertEquals(3, r.with(Outcome.Status.FAIL).get(0).line());
        String wrong = r.with(Outcome.Status.FAIL).get(0).outcome().reason();
        assertTrue(wrong.contains("output") && wrong.contains("at 1") && wrong.contains("want 3.5"), wrong);
        assertTrue(r.with(Outcome.Status.FAIL).get(1).outcome().reason().contains("IllegalArgumentException"));
        assertTrue(r.with(Outcome.Status.SKIP).get(0).outcome().reason().contains("torch.no_such_op_anywhere"));
    }

    @Test
    void kindFilter() throws Exception {
        Conformance.Report r = new Conformance(Registry.standard()).run(List.of(tiny()), Set.of("functional"), null);
        assertEquals("0 passed, 0 failed, 0 skipped", r.summary());
    }

    @Test
    void cliPrintsFailuresAndSkipsThenSummaryAndExits1() throws Exception {
        Run run = cli("conformance", tiny().toString());
        assertEquals(1, run.code(), run.err());
        List<String> lines = run.outLines();
        assertEquals("2 passed, 2 failed, 2 skipped", lines.get(lines.size() - 1));
        assertEquals(5, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("FAIL tiny/add-wrong-output (") && lines.get(0).contains("tiny-cases.jsonl:3): output"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("SKIP tiny/unknown-kind-skip")));
        assertFalse(run.out().contains("PASS"));
    }

    @Test
    void cliVerboseAndKindSelection() throws Exception {
        Run run = cli("conformance", "--verbose", "--kind", "tensor", tiny().toString());
        assertEquals(1, run.code());
        assertTrue(run.out().contains("PASS tiny/add-pass"), run.out());
        assertTrue(run.out().endsWith("2 passed, 2 failed, 1 skipped" + System.lineSeparator()), run.out());
    }

    @Test
    void cliExitsZeroWhenNothingFails() throws Exception {
        Path ok = tmp.resolve("ok.jsonl");
        Files.writeString(ok, Files.readAllLines(tiny()).get(0) + "\n");
        Run run = cli("conformance", ok.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals(List.of("1 passed, 0 failed, 0 skipped"), run.outLines());
    }

    @Test
    void malformedFileNamesFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        String good = Files.readAllLines(tiny()).get(0);
        Files.writeString(bad, good + "\n" + good.substring(0, 120) + "\n", StandardCharsets.UTF_8);   // truncated line 2
        CaseFormatException e = assertThrows(CaseFormatException.class, () -> Conformance.parse(bad));
        assertTrue(e.getMessage().startsWith(bad + ":2"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());

        Run run = cli("conformance", bad.toString());
        assertEquals(Main.EXIT_USAGE, run.code());
        assertEquals("", run.out(), "no case may run when a file is malformed");
        List<String> err = run.err().lines().toList();
        assertEquals(1, err.size(), run.err());
        assertTrue(err.get(0).contains(bad + ":2"), err.get(0));
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void caseWithoutRequiredFieldIsMalformed() throws Exception {
        Path bad = tmp.resolve("noop.jsonl");
        Files.writeString(bad, "{\"id\": \"x\", \"kind\": \"tensor\", \"inputs\": {}, \"output\": {}}\n");
        CaseFormatException e = assertThrows(CaseFormatException.class, () -> Conformance.parse(bad));
        assertTrue(e.getMessage().equals(bad + ":1: case x (kind tensor) has no \"op\""), e.getMessage());
    }

    @Test
    void debugPrintsStackTrace() throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": 1\n");
        Run run = cli("--debug", "conformance", bad.toString());
        assertEquals(Main.EXIT_USAGE, run.code());
        assertTrue(run.err().contains("CaseFormatException"), run.err());
    }

    @Test
    void missingFileAndEmptyFile() throws Exception {
        Run missing = cli("conformance", tmp.resolve("nope.jsonl").toString());
        assertEquals(Main.EXIT_USAGE, missing.code());
        assertEquals(List.of("nn4j conformance: " + tmp.resolve("nope.jsonl") + ": no such file"), missing.err().lines().toList());

        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n");
        Run run = cli("conformance", empty.toString());
        assertEquals(Main.EXIT_USAGE, run.code());
        assertTrue(run.err().contains("no cases"), run.err());
    }

    @Test
    void usageErrorsExit2() throws Exception {
        assertEquals(Main.EXIT_USAGE, cli("conformance").code());
        Run badKind = cli("conformance", "--kind", "tensor,bogus", tiny().toString());
        assertEquals(Main.EXIT_USAGE, badKind.code());
        assertTrue(badKind.err().contains("unknown kind 'bogus'"), badKind.err());
        assertEquals(Main.EXIT_USAGE, cli("no-such-command").code());
        assertEquals(Main.EXIT_USAGE, cli().code());
        assertEquals(0, cli("--help").code());
        assertEquals(0, cli("conformance", "--help").code());
    }

    @Test
    void identityTakesAndIgnoresAnyArguments() {
        // PyTorch: Identity(*args, **kwargs) accepts and ignores everything
        Kw kw = new Kw(new java.util.LinkedHashMap<>(java.util.Map.of("unused_argument1", 0.1, "unused_argument2", false)));
        assertEquals("Identity()", ModuleFactory.build("Identity", kw).toString());
        assertEquals("Identity()", ModuleFactory.fromRepr("Identity(54, unused_argument1=0.1)").toString());
        assertThrows(CaseFormatException.class, () -> ModuleFactory.build("ReLU", kw));
    }

    private static List<String> ids(Conformance.Report r, Outcome.Status s) {
        return r.with(s).stream().map(Conformance.Result::id).toList();
    }
}
