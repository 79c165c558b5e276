package dev.nn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.data.DataLoader;
import dev.nn4j.data.TensorDataset;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.functional.F;
import dev.nn4j.optim.lr.LRScheduler;
import dev.nn4j.optim.lr.OneCycleLR;
import dev.nn4j.optim.lr.StepLR;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resuming is exact: N steps in one go and N/2 steps, a checkpoint (model + optimizer + scheduler state dicts)
 * loaded into FRESH objects, then N/2 more steps, give bit-identical parameters. Covered: SGD with momentum, Adam
 * (amsgrad), AdamW, RMSprop (centered + momentum), each with StepLR and with OneCycleLR (which also cycles momentum
 * or beta1 through the optimizer's groups); and the model state through a safetensors file.
 */
class ResumeTest {
    private static final int N = 12, BATCH = 8;
    private static final Tensor[][] BATCHES = batches();

    private static Tensor[][] batches() {
        Generator g = new Generator(7);
        Tensor x = Tensor.randn(g, 32, 5), y = Tensor.randint(0, 3, g, 32);
        List<Tensor[]> out = new ArrayList<>();
        DataLoader.builder(new TensorDataset(x, y)).batchSize(BATCH).build().forEach(out::add);
        return out.toArray(new Tensor[0][]);
    }

    record Setup(String name, Function<List<Tensor>, Optimizer> optimizer, BiFunction<Optimizer, Integer, LRScheduler> scheduler) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> setups() {
        List<Setup> optimizers = List.of(
                new Setup("SGD momentum nesterov", p -> new SGD(p, SGD.options().lr(0.05).momentum(0.9).nesterov(true).weightDecay(1e-3)), null),
                new Setup("Adam amsgrad", p -> new Adam(p, Adam.options().lr(0.01).amsgrad(true)), null),
                new Setup("AdamW", p -> new AdamW(p, AdamW.options().lr(0.01).weightDecay(0.1)), null),
                new Setup("RMSprop centered momentum", p -> new RMSprop(p, RMSprop.options().lr(0.01).momentum(0.5).centered(true)), null));
        List<Arguments> out = new ArrayList<>();
        for (Setup s : optimizers) {
            out.add(Arguments.of(new Setup(s.name + " + StepLR", s.optimizer, (o, n) -> new StepLR(o, 3, 0.5))));
            out.add(Arguments.of(new Setup(s.name + " + OneCycleLR", s.optimizer, (o, n) -> new OneCycleLR(o, 0.05, OneCycleLR.options().totalSteps(n)))));
        }
        return out.stream();
    }

    /** A fresh MLP whose initial weights come from {@code seed}. */
    static Module model(long seed) {
        Nn4j.manualSeed(seed);
        return new Sequential(new Linear(5, 16), new ReLU(), new Linear(16, 3));
    }

    static void train(Module m, Optimizer opt, LRScheduler sched, int from, int to) {
        for (int step = from; step < to; step++) {
            Tensor[] b = BATCHES[step % BATCHES.length];
            opt.zeroGrad();
            F.crossEntropy(m.forward(b[0]), b[1]).backward();
            opt.step();
            sched.step();
        }
    }

    static Map<String, Tensor> snapshot(Module m) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    static void assertBitIdentical(Map<String, Tensor> want, Module got, String what) {
        Map<String, Tensor> g = got.stateDict();
        assertEquals(want.keySet(), g.keySet(), what);
        want.forEach((k, v) -> assertTrue(v.equal(g.get(k)), () -> what + ": " + k + " differs"));
    }

    /** A checkpoint loaded into fresh objects, with the model state either in memory or through a safetensors file. */
    private void resume(Setup s, Path file) {
        Module straight = model(1);
        Optimizer o1 = s.optimizer.apply(straight.parameters());
        train(straight, o1, s.scheduler.apply(o1, N), 0, N);
        Map<String, Tensor> want = snapshot(straight);

        Module first = model(1);
        Optimizer o2 = s.optimizer.apply(first.parameters());
        LRScheduler s2 = s.scheduler.apply(o2, N);
        train(first, o2, s2, 0, N / 2);
        Map<String, Tensor> modelState = snapshot(first);
        Map<String, Object> optState = o2.stateDict(), schedState = s2.stateDict();
        if (file != null) {
            Nn4j.save(first.stateDict(), file);
            modelState = Nn4j.load(file);
        }
        // the first run goes on to N too: saving must not have disturbed it, and later steps must not change the checkpoint
        train(first, o2, s2, N / 2, N);
        assertBitIdentical(want, first, s + ": the run that was checkpointed");

        Module fresh = model(2);
        assertFalse(fresh.stateDict().get("0.weight").equal(modelState.get("0.weight")), "a fresh model starts elsewhere");
        Optimizer o3 = s.optimizer.apply(fresh.parameters());
        LRScheduler s3 = s.scheduler.apply(o3, N);
        fresh.loadStateDict(modelState, true);
        o3.loadStateDict(optState);
        s3.loadStateDict(schedState);
        assertEquals(o2.paramGroups().size(), o3.paramGroups().size());
        train(fresh, o3, s3, N / 2, N);
        assertBitIdentical(want, fresh, s + ": resumed");
        assertEquals(s2.lastEpoch(), s3.lastEpoch());
        assertEquals(o2.paramGroups().get(0).options().get("lr"), o3.paramGroups().get(0).options().get("lr"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void resumingFromACheckpointIsBitIdentical(Setup s) {
        resume(s, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void resumingThroughASafetensorsFileIsBitIdentical(Setup s, @TempDir Path dir) {
        resume(s, dir.resolve("model.safetensors"));
    }

    @Test
    void withoutTheOptimizerStateTheRunDiverges() {
        // guards the test above: if resuming were trivially exact, dropping the optimizer state would not matter
        Setup s = new Setup("Adam", p -> new Adam(p, Adam.options().lr(0.01)), (o, n) -> new StepLR(o, 3, 0.5));
        Module straight = model(1);
        Optimizer o1 = s.optimizer.apply(straight.parameters());
        train(straight, o1, s.scheduler.apply(o1, N), 0, N);
        Module first = model(1);
        Optimizer o2 = s.optimizer.apply(first.parameters());
        LRScheduler s2 = s.scheduler.apply(o2, N);
        train(first, o2, s2, 0, N / 2);
        Module fresh = model(2);
        fresh.loadStateDict(snapshot(first), true);
        Optimizer o3 = s.optimizer.apply(fresh.parameters());
        LRScheduler s3 = s.scheduler.apply(o3, N);
        s3.loadStateDict(s2.stateDict());
        o3.paramGroups().get(0).setLr(o2.paramGroups().get(0).lr());
        train(fresh, o3, s3, N / 2, N);
        assertFalse(straight.stateDict().get("0.weight").equal(fresh.stateDict().get("0.weight")));
    }

    @Test
    void optimizerStateDictIsACopyAndHasPyTorchsLayout() {
        Module m = model(3);
        Adam opt = new Adam(m.parameters(), Adam.options().lr(0.01));
        train(m, opt, new StepLR(opt, 100), 0, 2);
        Map<String, Object> sd = opt.stateDict();
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) sd.get("state");
        assertEquals(List.of(0, 1, 2, 3), List.copyOf(state.keySet()));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq"), List.copyOf(state.get(0).keySet()));
        assertEquals(2.0, ((Number) state.get(0).get("step")).doubleValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) sd.get("param_groups");
        assertEquals(List.of(0, 1, 2, 3), groups.get(0).get("params"));
        assertEquals(0.01, groups.get(0).get("lr"));
        Tensor before = ((Tensor) state.get(0).get("exp_avg")).clone();
        train(m, opt, new StepLR(opt, 100), 2, 3);
        assertTrue(before.equal((Tensor) state.get(0).get("exp_avg")), "a state dict is a snapshot, not a live view");
    }

    @Test
    void loadingIntoADifferentlyShapedOptimizerFails() {
        Module m = model(3);
        Adam opt = new Adam(m.parameters(), Adam.options().lr(0.01));
        Map<String, Object> sd = opt.stateDict();
        Adam fewer = new Adam(m.parameters().subList(0, 2), Adam.options());
        var e = assertThrows(IllegalArgumentException.class, () -> fewer.loadStateDict(sd));
        assertTrue(e.getMessage().contains("doesn't match the size of optimizer's group"), e.getMessage());
        Adam twoGroups = new Adam(m.parameters().subList(0, 2), Adam.options());
        twoGroups.addParamGroup(m.parameters().subList(2, 4), Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> twoGroups.loadStateDict(sd));
        assertTrue(e.getMessage().contains("different number of parameter groups"), e.getMessage());
    }
}
