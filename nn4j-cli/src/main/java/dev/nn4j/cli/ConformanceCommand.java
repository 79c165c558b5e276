package dev.nn4j.cli;

import dev.nn4j.cli.conformance.CaseFormatException;
import dev.nn4j.cli.conformance.Conformance;
import dev.nn4j.cli.conformance.Outcome;
import dev.nn4j.cli.conformance.Registry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nn4j conformance FILE...}: runs PyTorch reference cases (FORMAT.md) through nn4j. */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = {"Runs PyTorch reference cases (one JSON case per line, see shared/conformance/FORMAT.md) through nn4j.",
                "Prints one line per failed or skipped case, then 'N passed, N failed, N skipped'."},
        footer = {"", "Exit status: 0 when no case failed (skips allowed), 1 when a case failed,",
                "2 on a usage error or a missing or malformed case file.",
                "", "Example: ./nn4j conformance ../shared/conformance/torch-1.13-cases.jsonl --kind tensor"})
public final class ConformanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Case files (.jsonl).")
    List<Path> files;

    @Option(names = "--kind", split = ",", paramLabel = "KIND",
            description = "Only cases of these kinds (comma-separated): tensor, functional, module, optim, sched.")
    List<String> kinds;

    @Option(names = {"-v", "--verbose"}, description = "Also print a line for every passed case.")
    boolean verbose;

    @ParentCommand
    Main parent;

    @Override
    public Integer call() {
        Set<String> kindSet = null;
        if (kinds != null) {
            kindSet = new LinkedHashSet<>();
            for (String k : kinds) {
                String kind = k.trim();
                if (!Conformance.KINDS.contains(kind)) {
                    throw new ParameterException(spec.commandLine(), "unknown kind '" + kind + "' (expected one of "
                            + String.join(", ", Conformance.KINDS) + ")");
                }
                kindSet.add(kind);
            }
        }
        boolean debug = parent != null && parent.debug;
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Conformance.Report report;
        try {
            report = new Conformance(Registry.standard()).run(files, kindSet, r -> {
                if (verbose || r.outcome().status() != Outcome.Status.PASS) {
                    out.println(r.describe());
                    if (debug && r.outcome().error() != null) {
                        out.flush();
                        r.outcome().error().printStackTrace(err);
                        err.flush();
                    }
                }
            });
        } catch (CaseFormatException e) {
            throw new CliException(e.getMessage(), Main.EXIT_USAGE, e);
        }
        out.println(report.summary());
        out.flush();
        return report.count(Outcome.Status.FAIL) > 0 ? Main.EXIT_FAILURE : 0;
    }
}
