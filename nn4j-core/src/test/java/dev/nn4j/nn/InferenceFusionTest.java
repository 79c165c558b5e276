package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sequential under no-grad (fused conv + relu + pool) gives what it gives with gradients on (module by module). */
class InferenceFusionTest {
    private static void assertClose(float[] want, float[] got) {
        assertEquals(want.length, got.length);
        double scale = 0;
        for (float v : want) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= 1e-5 * scale, i + ": " + got[i] + " vs " + want[i]);
        }
    }

    private static Sequential cnn() {
        return new Sequential(new Conv2d(1, 32, 3), new ReLU(), new Conv2d(32, 64, 3), new ReLU(), new MaxPool2d(2),
                new Dropout(0.25), new Flatten(), new Linear(9216, 128), new ReLU(), new Dropout(0.5), new Linear(128, 10));
    }

    /** The MNIST CNN: its two convs, relus and pooling run as one pair op (Winograd F(4x4): equal up to rounding). */
    @Test
    void fusedEvalForwardEqualsModuleByModule() {
        Nn4j.manualSeed(3);
        Sequential model = cnn();
        model.eval();
        Tensor x = Tensor.randn(new Generator(4), 3, 1, 28, 28);
        Tensor want = model.call(x);
        Tensor got;
        try (var ng = Autograd.noGrad()) {
            got = model.call(x);
        }
        assertClose(want.toFloatArray(), got.toFloatArray());
        assertArrayEquals(want.argmax(1).toLongArray(), got.argmax(1).toLongArray());
    }

    /** Channel counts the pair op does not take: conv + relu and conv + relu + pool fuse on their own, bit for bit. */
    @Test
    void withoutThePairTheSingleConvFusionsGiveTheSameBits() {
        Nn4j.manualSeed(7);
        Sequential model = new Sequential(new Conv2d(1, 8, 3), new ReLU(), new Conv2d(8, 12, 3), new ReLU(), new MaxPool2d(2),
                new Flatten());
        Tensor x = Tensor.randn(new Generator(8), 2, 1, 12, 12);
        Tensor want = model.call(x);
        try (var ng = Autograd.noGrad()) {
            assertArrayEquals(want.toFloatArray(), model.call(x).toFloatArray());
        }
    }

    @Test
    void hooksAndOtherPoolingAreNotFused() {
        Nn4j.manualSeed(5);
        Sequential model = new Sequential(new Conv2d(8, 8, 3, dev.nn4j.nn.functional.Conv.opts().padding(1)), new ReLU(true),
                new MaxPool2d(3, 2));
        AtomicInteger calls = new AtomicInteger();
        model.get(1).registerForwardHook((m, in, out) -> {
            calls.incrementAndGet();
            return null;
        });
        Tensor x = Tensor.randn(new Generator(6), 2, 8, 11, 11);
        Tensor want = model.call(x);
        try (var ng = Autograd.noGrad()) {
            assertArrayEquals(want.toFloatArray(), model.call(x).toFloatArray());
        }
        assertEquals(2, calls.get());
    }
}
