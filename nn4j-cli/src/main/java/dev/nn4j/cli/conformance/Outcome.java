package dev.nn4j.cli.conformance;

/**
 * The result of one case: passed, failed with a reason, or skipped with a reason. {@code error} is the
 * exception behind a failure, when there was one (printed with {@code --debug}).
 */
public record Outcome(Status status, String reason, Throwable error) {
    public enum Status { PASS, FAIL, SKIP }

    public Outcome(Status status, String reason) {
        this(status, reason, null);
    }

    public static Outcome pass() {
        return new Outcome(Status.PASS, null);
    }

    public static Outcome fail(String reason) {
        return new Outcome(Status.FAIL, reason);
    }

    public static Outcome fail(String reason, Throwable error) {
        return new Outcome(Status.FAIL, reason, error);
    }

    public static Outcome skip(String reason) {
        return new Outcome(Status.SKIP, reason);
    }
}
