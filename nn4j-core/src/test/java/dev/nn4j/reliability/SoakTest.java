package dev.nn4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.CrossEntropyLoss;
import dev.nn4j.nn.Dropout;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import dev.nn4j.optim.Adam;
import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.SGD;
import dev.nn4j.optim.lr.StepLR;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Many small training steps must not make the heap grow: graphs are freed after backward, optimizer state has
 * a fixed size, no cache keeps tensors alive. Used heap after a full GC is sampled through the run; the last
 * sample may not exceed twice the first plus a few MB, and the samples may not rise steadily. Also the number
 * of live threads stays bounded (kernel pools are reused, not re-created per step).
 */
class SoakTest {
    private static final int STEPS = 400, SAMPLE_EVERY = 80;
    private static final long SLACK = 8L << 20;

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {   // several rounds: one System.gc() may leave floating garbage
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    private void soak(String name, Function<Module, Optimizer> optimizer) {
        Nn4j.manualSeed(3);
        Module mlp = new Sequential(new Linear(20, 64), new ReLU(), new Dropout(0.1), new Linear(64, 64), new ReLU(), new Linear(64, 5));
        Optimizer opt = optimizer.apply(mlp);
        var sched = new StepLR(opt, 100, 0.5);
        var lossFn = new CrossEntropyLoss();
        Generator g = new Generator(9);
        List<Long> heap = new ArrayList<>();
        int threadsAtStart = -1;
        double firstLoss = 0, lastLoss = 0;
        for (int step = 0; step < STEPS; step++) {
            Tensor x = Tensor.randn(g, 32, 20);
            Tensor y = x.narrow(1, 0, 5).argmax(1);   // a learnable target
            opt.zeroGrad();
            Tensor loss = lossFn.forward(mlp.call(x), y);
            loss.backward();
            opt.step();
            if (step % 100 == 99) sched.step();
            if (step % 20 == 0) {   // some inference in between, as a validation pass would
                mlp.eval();
                try (var ng = Autograd.noGrad()) {
                    mlp.call(x);
                }
                mlp.train();
            }
            if (step == 0) firstLoss = loss.item();
            lastLoss = loss.item();
            if (step == SAMPLE_EVERY / 2) threadsAtStart = Thread.activeCount();
            if (step % SAMPLE_EVERY == SAMPLE_EVERY / 2) heap.add(usedHeapAfterGc());
        }
        heap.add(usedHeapAfterGc());
        long first = heap.get(0), last = heap.get(heap.size() - 1);
        String trace = name + ": used heap after GC (bytes) over " + STEPS + " steps: " + heap;
        assertTrue(last <= 2 * first + SLACK, trace);
        boolean rising = true;
        for (int i = 1; i < heap.size(); i++) rising &= heap.get(i) > heap.get(i - 1) + (1L << 20);
        assertTrue(!rising, "heap grows at every sample: " + trace);
        assertTrue(Thread.activeCount() <= threadsAtStart + 2, name + ": threads grew from " + threadsAtStart + " to " + Thread.activeCount());
        assertTrue(lastLoss < firstLoss, name + ": the run trains (loss " + firstLoss + " -> " + lastLoss + ")");
    }

    @Test
    void sgdWithMomentumDoesNotGrowTheHeap() {
        soak("SGD", m -> new SGD(m.parameters(), SGD.options().lr(0.05).momentum(0.9)));
    }

    @Test
    void adamDoesNotGrowTheHeap() {
        soak("Adam", m -> new Adam(m.parameters(), 1e-3));
    }
}
