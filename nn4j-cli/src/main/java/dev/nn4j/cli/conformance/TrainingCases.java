package dev.nn4j.cli.conformance;

/** Conformance mappings for this area (filled in as the area is implemented). */
final class TrainingCases {
    private TrainingCases() {}

    static void register(Registry r) {
    }
}
