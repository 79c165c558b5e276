package dev.nn4j.cli;

/**
 * A user-facing error of a subcommand: {@link Main} prints its message as one line (no stack trace unless
 * {@code --debug}) and exits with {@link #exitCode()}.
 */
public class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(String message) {
        this(message, Main.EXIT_FAILURE, null);
    }

    public CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
