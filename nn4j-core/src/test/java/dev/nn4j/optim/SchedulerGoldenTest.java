package dev.nn4j.optim;

import static dev.nn4j.optim.Golden.list;
import static dev.nn4j.optim.Golden.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Tensor;
import dev.nn4j.optim.lr.ChainedScheduler;
import dev.nn4j.optim.lr.ConstantLR;
import dev.nn4j.optim.lr.CosineAnnealingLR;
import dev.nn4j.optim.lr.CyclicLR;
import dev.nn4j.optim.lr.ExponentialLR;
import dev.nn4j.optim.lr.LRScheduler;
import dev.nn4j.optim.lr.LambdaLR;
import dev.nn4j.optim.lr.LinearLR;
import dev.nn4j.optim.lr.MultiStepLR;
import dev.nn4j.optim.lr.MultiplicativeLR;
import dev.nn4j.optim.lr.OneCycleLR;
import dev.nn4j.optim.lr.ReduceLROnPlateau;
import dev.nn4j.optim.lr.SequentialLR;
import dev.nn4j.optim.lr.StepLR;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schedulers the conformance format cannot express, against PyTorch 1.13 (tools/golden/gen_training.py): lambdas
 * (one or one per group), SequentialLR, ChainedScheduler, two parameter groups with different rates, and the
 * momentum / Adam beta1 that OneCycleLR and CyclicLR cycle. Every epoch's rate, momentum and beta1 of every group
 * must be PyTorch's.
 */
class SchedulerGoldenTest {

    static Stream<Arguments> cases() {
        return list(Golden.training().get("sched")).stream().map(c -> Arguments.of(map(c).get("id"), c));
    }

    /** Two groups as the script's {@code two_groups}: lr 0.1 for a (2), 0.02 for b (3). */
    static Optimizer twoGroups(String kind) {
        Tensor a = Tensor.zeros(2).requiresGrad_(true), b = Tensor.zeros(3).requiresGrad_(true);
        Optimizer o = switch (kind) {
            case "Adam" -> new Adam(List.of(a), Adam.options().lr(0.1));
            case "SGD-momentum" -> new SGD(List.of(a), SGD.options().lr(0.1).momentum(0.9));
            default -> new SGD(List.of(a), 0.1);
        };
        o.addParamGroup(List.of(b), Map.of("lr", 0.02));
        return o;
    }

    /** The scheduler of each golden id, built as the script builds it; returns how to step epoch e. */
    static IntConsumer build(String id, Optimizer o) {
        List<Double> metrics = list(Golden.training().get("plateau_metrics")).stream().map(Golden::num).toList();
        LRScheduler s = switch (id) {
            case "LambdaLR/two_lambdas" -> new LambdaLR(o, List.<IntToDoubleFunction>of(e -> Math.pow(0.95, e), e -> 1.0 / (1 + e)));
            case "LambdaLR/one_lambda" -> new LambdaLR(o, e -> (e % 4 + 1) / 4.0);
            case "MultiplicativeLR/alternating" -> new MultiplicativeLR(o, e -> e % 2 != 0 ? 0.5 : 1.0);
            case "SequentialLR/linear_then_exponential" -> new SequentialLR(o,
                    List.of(new LinearLR(o, 0.1, 1.0, 4), new ExponentialLR(o, 0.8)), new int[] {4});
            case "SequentialLR/constant_cosine_step" -> new SequentialLR(o,
                    List.of(new ConstantLR(o, 0.5, 2), new CosineAnnealingLR(o, 4, 0.001), new StepLR(o, 2, 0.5)), new int[] {3, 8});
            case "StepLR/two_groups" -> new StepLR(o, 3, 0.5);
            case "CosineAnnealingLR/two_groups" -> new CosineAnnealingLR(o, 5, 0.001);
            case "OneCycleLR/adam_betas" -> new OneCycleLR(o, 0.2, OneCycleLR.options().totalSteps(15).baseMomentum(0.7).maxMomentum(0.9));
            case "OneCycleLR/sgd_three_phase_linear" -> new OneCycleLR(o, 0.5,
                    OneCycleLR.options().totalSteps(16).threePhase(true).annealStrategy("linear").pctStart(0.25));
            case "CyclicLR/sgd_momentum_triangular2" -> new CyclicLR(o, 0.01, 0.1, CyclicLR.options().stepSizeUp(2).stepSizeDown(3)
                    .mode("triangular2").baseMomentum(0.7).maxMomentum(0.95));
            case "CyclicLR/sgd_momentum_exp_range" -> new CyclicLR(o, 0.01, 0.1, CyclicLR.options().stepSizeUp(3).mode("exp_range").gamma(0.95));
            default -> null;
        };
        if (s != null) return e -> s.step();
        return switch (id) {
            case "ChainedScheduler/constant_exponential" -> {
                var c = new ChainedScheduler(List.of(new ConstantLR(o, 0.25, 3), new ExponentialLR(o, 0.9)));
                yield e -> c.step();
            }
            case "ChainedScheduler/linear_multistep" -> {
                var c = new ChainedScheduler(List.of(new LinearLR(o, 0.5, 1.0, 5), new MultiStepLR(o, new int[] {2, 6}, 0.5)));
                yield e -> c.step();
            }
            case "ReduceLROnPlateau/two_groups_min_lr" -> {
                var p = new ReduceLROnPlateau(o, ReduceLROnPlateau.options().factor(0.5).patience(1).minLr(0.01).cooldown(1));
                yield e -> p.step(metrics.get(e));
            }
            default -> throw new IllegalArgumentException("no builder for golden " + id);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ratesAndMomentaMatchPyTorch(String id, Object json) {
        Optimizer o = twoGroups(id.contains("adam") ? "Adam" : id.contains("sgd") ? "SGD-momentum" : "SGD");
        IntConsumer step = build(id, o);
        List<Object> trace = list(map(json).get("trace"));
        for (int e = 0; e < trace.size(); e++) {
            Map<String, Object> row = map(trace.get(e));
            for (int g = 0; g < 2; g++) {
                ParamGroup group = o.paramGroups().get(g);
                check(id, e, g, "lr", row, group.lr());
                if (row.containsKey("momentum")) check(id, e, g, "momentum", row, group.getDouble("momentum"));
                if (row.containsKey("beta1")) check(id, e, g, "beta1", row, group.getPair("betas")[0]);
            }
            o.step();
            step.accept(e);
        }
    }

    private static void check(String id, int epoch, int group, String key, Map<String, Object> row, double got) {
        double want = Golden.num(list(row.get(key)).get(group));
        assertEquals(want, got, 1e-12 * Math.abs(want) + 1e-15, id + " epoch " + epoch + " group " + group + ": " + key);
    }

    @Test
    void lambdaListMustHaveOneLambdaPerGroup() {
        Optimizer o = twoGroups("SGD");
        var e = assertThrows(IllegalArgumentException.class, () -> new LambdaLR(o, List.<IntToDoubleFunction>of(x -> 1.0)));
        assertTrue(e.getMessage().contains("expected 2 lr_lambdas") && e.getMessage().contains("got 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MultiplicativeLR(o, List.<IntToDoubleFunction>of(x -> 1.0)));
    }

    @Test
    void plateauNeverCountsNaNAsAnImprovement() {
        Optimizer o = twoGroups("SGD");
        var p = new ReduceLROnPlateau(o, ReduceLROnPlateau.options().patience(1).factor(0.5));
        p.step(1.0);
        p.step(Double.NaN);
        assertEquals(0.1, o.paramGroups().get(0).lr());
        p.step(Double.NaN); // second bad epoch > patience 1
        assertEquals(0.05, o.paramGroups().get(0).lr(), 1e-15);
        assertEquals(0.01, o.paramGroups().get(1).lr(), 1e-15);
    }
}
