package dev.nn4j.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code nn4j} command. Error policy for every subcommand: a user error prints one clear line on
 * stderr and exits 2 (usage: a bad option, a missing file) or 1 (the work failed); a stack trace only with
 * {@code --debug}. Subcommands throw {@link ParameterException} for usage errors and {@link CliException}
 * (or {@link IllegalArgumentException} from the library) for failures; anything else is reported as an
 * internal error.
 */
@Command(name = "nn4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Deep learning in pure Java with PyTorch's semantics.",
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, ConformanceCommand.class, BenchCommand.class},
        footer = {"", "Run './nn4j test' for the test suite. Use --debug with any command for stack traces."})
public final class Main implements Runnable {
    /** Exit status of a failed run (a conformance case failed, training diverged, ...). */
    public static final int EXIT_FAILURE = 1;
    /** Exit status of a usage error (unknown option, missing or malformed input file, ...). */
    public static final int EXIT_USAGE = 2;

    @Spec
    CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command (one of: " + String.join(", ", spec.subcommands().keySet()) + ")");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            // one line: what was wrong, then where to look
            c.getErr().println(qualifiedName(c) + ": " + oneLine(ex.getMessage()) + " (see '" + qualifiedName(c) + " --help')");
            if (debug) ex.printStackTrace(c.getErr());
            c.getErr().flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            boolean user = ex instanceof CliException || ex instanceof IllegalArgumentException;
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : oneLine(ex.getMessage());
            c.getErr().println(qualifiedName(c) + ": " + (user ? msg : "internal error: " + ex.getClass().getName() + ": " + msg
                    + (debug ? "" : " (run with --debug for the stack trace)")));
            if (debug) ex.printStackTrace(c.getErr());
            c.getErr().flush();
            return ex instanceof CliException ce ? ce.exitCode() : EXIT_FAILURE;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (Error e) {   // picocli handles Exceptions only; e.g. NoClassDefFoundError of a half-built tree
            err.println("nn4j: internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) e.printStackTrace(err);
            code = EXIT_FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Library messages may span lines (loadStateDict lists its errors one per line); the CLI prints one. */
    static String oneLine(String msg) {
        return msg.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String qualifiedName(CommandLine c) {
        return c.getCommandSpec().qualifiedName(" ");
    }

    /** The version from the jar manifest, else the build's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"nn4j " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
