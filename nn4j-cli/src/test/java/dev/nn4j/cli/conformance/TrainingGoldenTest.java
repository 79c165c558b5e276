package dev.nn4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Extra optimizer and scheduler cases from PyTorch 1.13 (tools/golden/gen_training.py): every optimizer with
 * weight decay, maximize, amsgrad, nesterov, centered, lr_decay, momentum_decay..., every scheduler with
 * non-default arguments (CyclicLR modes, OneCycleLR three_phase/linear, ReduceLROnPlateau max/abs/cooldown/min_lr),
 * run through the same {@link TrainingCases} runner as {@code nn4j conformance}. No case may fail or skip.
 */
class TrainingGoldenTest {

    @Test
    void everyExtraTrainingCasePasses() throws Exception {
        Path file = Path.of(TrainingGoldenTest.class.getResource("/conformance/training-extra.jsonl").toURI());
        Conformance.Report report = new Conformance(Registry.standard()).run(List.of(file), Set.of("optim", "sched"), null);
        List<Conformance.Result> bad = report.results().stream().filter(r -> r.outcome().status() != Outcome.Status.PASS).toList();
        assertTrue(bad.isEmpty(), () -> report.summary() + "\n" + bad.stream().map(Conformance.Result::describe).collect(Collectors.joining("\n")));
        // every optimizer and scheduler of nn4j is covered: a file that lost its cases must not pass silently
        assertEquals(49, report.results().size(), report::summary);
    }
}
