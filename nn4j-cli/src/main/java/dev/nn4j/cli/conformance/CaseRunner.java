package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs a whole case of a kind that needs more than one call (module, optim, sched). */
@FunctionalInterface
public interface CaseRunner {
    Outcome run(JsonNode c);
}
