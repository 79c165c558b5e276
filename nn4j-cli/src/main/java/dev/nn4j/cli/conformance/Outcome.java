package dev.nn4j.cli.conformance;

/** The result of one case: passed, failed with a reason, or skipped with a reason. */
public record Outcome(Status status, String reason) {
    public enum Status { PASS, FAIL, SKIP }

    public static Outcome pass() {
        return new Outcome(Status.PASS, null);
    }

    public static Outcome fail(String reason) {
        return new Outcome(Status.FAIL, reason);
    }

    public static Outcome skip(String reason) {
        return new Outcome(Status.SKIP, reason);
    }
}
