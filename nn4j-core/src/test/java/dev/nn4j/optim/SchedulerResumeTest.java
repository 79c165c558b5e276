package dev.nn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.Tensor;
import dev.nn4j.optim.lr.ChainedScheduler;
import dev.nn4j.optim.lr.ConstantLR;
import dev.nn4j.optim.lr.CosineAnnealingLR;
import dev.nn4j.optim.lr.CosineAnnealingWarmRestarts;
import dev.nn4j.optim.lr.CyclicLR;
import dev.nn4j.optim.lr.ExponentialLR;
import dev.nn4j.optim.lr.LambdaLR;
import dev.nn4j.optim.lr.LinearLR;
import dev.nn4j.optim.lr.MultiStepLR;
import dev.nn4j.optim.lr.MultiplicativeLR;
import dev.nn4j.optim.lr.OneCycleLR;
import dev.nn4j.optim.lr.PolynomialLR;
import dev.nn4j.optim.lr.ReduceLROnPlateau;
import dev.nn4j.optim.lr.SequentialLR;
import dev.nn4j.optim.lr.StepLR;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scheduler resumes exactly: the learning rates (and cycled momentum) of epochs k..N after loading the
 * optimizer's and the scheduler's state dicts into fresh objects are those of an uninterrupted run.
 */
class SchedulerResumeTest {
    private static final int N = 24;

    /** A scheduler under test: how to step it (epoch e) and its state dict access. */
    interface Handle {
        void step(int epoch);

        Map<String, Object> stateDict();

        void loadStateDict(Map<String, Object> sd);
    }

    static Handle of(dev.nn4j.optim.lr.LRScheduler s) {
        return new Handle() {
            public void step(int e) { s.step(); }
            public Map<String, Object> stateDict() { return s.stateDict(); }
            public void loadStateDict(Map<String, Object> sd) { s.loadStateDict(sd); }
        };
    }

    static Handle of(ChainedScheduler s) {
        return new Handle() {
            public void step(int e) { s.step(); }
            public Map<String, Object> stateDict() { return s.stateDict(); }
            public void loadStateDict(Map<String, Object> sd) { s.loadStateDict(sd); }
        };
    }

    static Handle of(ReduceLROnPlateau s) {
        return new Handle() {
            public void step(int e) { s.step(Math.abs(Math.sin(e)) + (e % 7 == 0 ? -0.5 : 0)); }
            public Map<String, Object> stateDict() { return s.stateDict(); }
            public void loadStateDict(Map<String, Object> sd) { s.loadStateDict(sd); }
        };
    }

    record Case(String name, Function<Optimizer, Handle> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> c = List.of(
                new Case("StepLR", o -> of(new StepLR(o, 3, 0.5))),
                new Case("MultiStepLR", o -> of(new MultiStepLR(o, new int[] {4, 9, 15}, 0.3))),
                new Case("ExponentialLR", o -> of(new ExponentialLR(o, 0.9))),
                new Case("CosineAnnealingLR", o -> of(new CosineAnnealingLR(o, 7, 0.001))),
                new Case("CosineAnnealingWarmRestarts", o -> of(new CosineAnnealingWarmRestarts(o, 3, 2, 0.001))),
                new Case("LinearLR", o -> of(new LinearLR(o, 0.2, 1.0, 15))),
                new Case("ConstantLR", o -> of(new ConstantLR(o, 0.5, 14))),
                new Case("PolynomialLR", o -> of(new PolynomialLR(o, 20, 2.0))),
                new Case("LambdaLR", o -> of(new LambdaLR(o, e -> 1.0 / (1 + e)))),
                new Case("MultiplicativeLR", o -> of(new MultiplicativeLR(o, e -> e % 3 == 0 ? 0.5 : 1.0))),
                new Case("OneCycleLR", o -> of(new OneCycleLR(o, 0.5, OneCycleLR.options().totalSteps(N).threePhase(true)))),
                new Case("CyclicLR", o -> of(new CyclicLR(o, 0.01, 0.1, CyclicLR.options().stepSizeUp(3).stepSizeDown(4).mode("triangular2")))),
                new Case("SequentialLR", o -> of(new SequentialLR(o, List.of(new LinearLR(o, 0.1, 1.0, 5), new ExponentialLR(o, 0.8),
                        new CosineAnnealingLR(o, 4)), new int[] {6, 14}))),
                new Case("ChainedScheduler", o -> of(new ChainedScheduler(List.of(new ConstantLR(o, 0.5, 10), new ExponentialLR(o, 0.9),
                        new StepLR(o, 4, 0.5))))),
                new Case("ReduceLROnPlateau", o -> of(new ReduceLROnPlateau(o, ReduceLROnPlateau.options().patience(1).factor(0.5).cooldown(2)))));
        List<Arguments> out = new ArrayList<>();
        for (Case k : c) for (int at : new int[] {1, 5, 12}) out.add(Arguments.of(k, at));
        return out.stream();
    }

    static Optimizer sgd() {
        Optimizer o = new SGD(List.of(Tensor.zeros(2).requiresGrad_(true)), SGD.options().lr(0.1).momentum(0.9));
        o.addParamGroup(List.of(Tensor.zeros(1).requiresGrad_(true)), Map.of("lr", 0.05));
        return o;
    }

    static List<String> run(Optimizer o, Handle h, int from, int to) {
        List<String> trace = new ArrayList<>();
        for (int e = from; e < to; e++) {
            StringBuilder sb = new StringBuilder("epoch " + e + ":");
            for (ParamGroup g : o.paramGroups()) sb.append(' ').append(g.lr()).append('/').append(g.options().get("momentum"));
            trace.add(sb.toString());
            o.step();
            h.step(e);
        }
        return trace;
    }

    @ParameterizedTest(name = "{0} from epoch {1}")
    @MethodSource("cases")
    void resumedScheduleIsTheUninterruptedOne(Case c, int at) {
        Optimizer straight = sgd();
        List<String> want = run(straight, c.make.apply(straight), 0, N);

        Optimizer first = sgd();
        Handle h1 = c.make.apply(first);
        run(first, h1, 0, at);
        Map<String, Object> optState = first.stateDict(), schedState = h1.stateDict();

        Optimizer fresh = sgd();
        Handle h2 = c.make.apply(fresh);
        fresh.loadStateDict(optState);
        h2.loadStateDict(schedState);
        assertEquals(want.subList(at, N), run(fresh, h2, at, N));
    }

}
