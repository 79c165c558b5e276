package dev.nn4j.cli.conformance;

/** Conformance mappings for this area (filled in as the area is implemented). */
final class ActivationCases {
    private ActivationCases() {}

    static void register(Registry r) {
    }
}
