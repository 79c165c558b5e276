package dev.nn4j.cli.conformance;

/** A conformance file or case that does not follow FORMAT.md. */
public class CaseFormatException extends RuntimeException {
    public CaseFormatException(String message) {
        super(message);
    }
}
