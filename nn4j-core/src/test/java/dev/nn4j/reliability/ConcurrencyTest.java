package dev.nn4j.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.BatchNorm2d;
import dev.nn4j.nn.Conv2d;
import dev.nn4j.nn.CrossEntropyLoss;
import dev.nn4j.nn.Dropout;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.MaxPool2d;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.functional.Conv;
import dev.nn4j.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Inference with one eval-mode model from several threads at once gives exactly the single-thread results, and
 * grad mode set in one thread (noGrad for inference) never leaks into another thread that trains.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTest {
    private static final int THREADS = 4, BATCHES = 6, ROUNDS = 3;

    /** A small CNN with every kind of layer whose eval behaviour differs from training: batch norm and dropout. */
    private static Module cnn() {
        Nn4j.manualSeed(11);
        return new Sequential(
                new Conv2d(1, 4, 3, Conv.opts().padding(1)), new BatchNorm2d(4), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(4 * 7 * 7, 32), new ReLU(), new Dropout(0.5), new Linear(32, 10));
    }

    private static List<Tensor> batches() {
        Generator g = new Generator(5);
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) xs.add(Tensor.randn(g, 16, 1, 14, 14));
        return xs;
    }

    private static Tensor infer(Module m, Tensor x) {
        try (var ng = Autograd.noGrad()) {
            Tensor y = m.call(x);
            assertFalse(y.requiresGrad(), "no graph under noGrad");
            assertNull(y.gradFn());
            return y;
        }
    }

    @Test
    void evalInferenceFromFourThreadsMatchesOneThread() throws Exception {
        Module model = cnn();
        // give batch norm non-trivial running statistics, then freeze
        for (Tensor x : batches()) model.call(x.mul(2).add(0.5));
        model.eval();
        List<Tensor> xs = batches();
        List<float[]> expected = new ArrayList<>();
        for (Tensor x : xs) expected.add(infer(model, x).toFloatArray());
        var before = model.stateDict();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<float[]> got = new ArrayList<>();
                    for (int r = 0; r < ROUNDS; r++) {
                        // each thread walks the batches in its own order so that different batches overlap in time
                        for (int i = 0; i < BATCHES; i++) {
                            int b = (i + offset) % BATCHES;
                            got.add(infer(model, xs.get(b)).toFloatArray());
                        }
                    }
                    return got;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                List<float[]> got = results.get(t).get();
                for (int k = 0; k < got.size(); k++) {
                    int b = (k % BATCHES + t) % BATCHES;
                    assertArrayEquals(expected.get(b), got.get(k), "thread " + t + ", batch " + b + " differs from the single-thread result");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // inference changed nothing: running stats and weights are as before, and the model is still in eval mode
        model.stateDict().forEach((k, v) -> assertTrue(v.equal(before.get(k)), k));
        assertFalse(model.isTraining());
    }

    @Test
    void gradModeOfInferenceThreadsDoesNotLeakIntoATrainingThread() throws Exception {
        Module frozen = cnn();
        frozen.eval();
        Module trained = cnn();
        Module reference = cnn();
        List<Tensor> xs = batches();
        Tensor y = Tensor.randint(0, 10, new Generator(3), 16);

        // the reference: the same training steps alone
        float[] expected = train(reference, xs, y);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<?>> inference = new ArrayList<>();
            for (int t = 0; t < THREADS - 1; t++) {
                inference.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    // hold noGrad open in this thread while the other trains
                    try (var ng = Autograd.noGrad()) {
                        for (int r = 0; r < ROUNDS; r++) {
                            for (Tensor x : xs) assertFalse(frozen.call(x).requiresGrad());
                        }
                        assertFalse(Autograd.isGradEnabled());
                    }
                    assertTrue(Autograd.isGradEnabled(), "the scope restores this thread's mode");
                    return null;
                }));
            }
            Future<float[]> training = pool.submit(() -> {
                start.await();
                assertTrue(Autograd.isGradEnabled(), "a fresh thread records graphs whatever other threads do");
                return train(trained, xs, y);
            });
            assertArrayEquals(expected, training.get(), "training next to inference threads gives the single-thread result");
            for (Future<?> f : inference) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Autograd.isGradEnabled());
    }

    /** A few SGD steps over the batches; returns the final first-layer weights. */
    private static float[] train(Module m, List<Tensor> xs, Tensor y) {
        m.train();
        var opt = new SGD(m.parameters(), SGD.options().lr(0.05).momentum(0.9));
        var lossFn = new CrossEntropyLoss();
        Nn4j.manualSeed(17);   // both runs draw the same dropout masks (eval-mode threads draw nothing)
        for (Tensor x : xs) {
            opt.zeroGrad();
            Tensor out = m.call(x);
            Tensor loss = lossFn.forward(out, y);
            assertTrue(loss.requiresGrad(), "the training thread records a graph");
            loss.backward();
            assertNotNull(m.parameters().get(0).grad());
            opt.step();
        }
        return m.parameters().get(0).detach().toFloatArray();
    }
}
