package dev.nn4j.cli.conformance;

/**
 * Thrown by a handler or kind runner to skip a case it cannot run yet (an argument value or a module
 * that is not implemented), with the reason. Never use it to hide a wrong result: that is a failure.
 */
public class SkipCase extends RuntimeException {
    public SkipCase(String reason) {
        super(reason, null, false, false);
    }
}
