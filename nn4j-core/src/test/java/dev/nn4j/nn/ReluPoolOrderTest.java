package dev.nn4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * With gradients on, Sequential pools before a ReLU that precedes max pooling: the output and every gradient must be
 * what the children give one by one, bit for bit (ties, windows with no positive value, NaN).
 */
class ReluPoolOrderTest {
    private static Tensor input(Generator g, int... shape) {
        Tensor x = Tensor.randn(g, shape);
        x.set(Double.NaN, 0, 0, 1, 1);
        return x.requiresGrad_(true);
    }

    private static void assertSameAsChildByChild(Sequential net, Tensor x, Generator g) {
        Tensor want = x;
        for (Module m : net) want = (Tensor) m.call(want);
        Tensor go = Tensor.randn(g, want.shape());
        want.backward(go);
        float[] wantGradX = x.grad().toFloatArray();
        List<float[]> wantParams = net.parameters().stream().map(p -> p.grad().toFloatArray()).toList();
        x.setGrad(null);
        net.zeroGrad();
        Tensor got = net.call(x);
        got.backward(go);
        assertArrayEquals(want.toFloatArray(), got.toFloatArray());
        assertArrayEquals(wantGradX, x.grad().toFloatArray());
        for (int i = 0; i < wantParams.size(); i++) assertArrayEquals(wantParams.get(i), net.parameters().get(i).grad().toFloatArray());
    }

    @Test
    void poolingFirstGivesTheSameValuesAndGradients() {
        Nn4j.manualSeed(2);
        Generator g = new Generator(3);
        assertSameAsChildByChild(new Sequential(new Conv2d(2, 4, 3), new ReLU(), new MaxPool2d(2)), input(g, 2, 2, 9, 10), g);
        assertSameAsChildByChild(new Sequential(new Conv2d(2, 3, 3), new ReLU(true), new MaxPool2d(3, 2, 1)), input(g, 1, 2, 8, 8), g);
        // a constant input: every window of the relu output ties at 0 or at the same positive value
        Tensor flat = Tensor.full(new int[] {1, 2, 6, 6}, -0.5).requiresGrad_(true);
        assertSameAsChildByChild(new Sequential(new Conv2d(2, 2, 1), new ReLU(), new MaxPool2d(2)), flat, g);
        assertSameAsChildByChild(new Sequential(new ReLU(), new MaxPool1d(2)), Tensor.randn(g, 2, 3, 9).requiresGrad_(true), g);
        assertSameAsChildByChild(new Sequential(new ReLU(), new MaxPool3d(2)), Tensor.randn(g, 1, 2, 4, 4, 5).requiresGrad_(true), g);
    }

    @Test
    void hooksKeepTheOrder() {
        Sequential net = new Sequential(new ReLU(), new MaxPool2d(2));
        AtomicInteger seen = new AtomicInteger();
        net.get(0).registerForwardHook((m, in, out) -> {
            assertArrayEquals(new int[] {1, 1, 4, 4}, ((Tensor) out).shape(), "the hook sees the relu of the whole input");
            seen.incrementAndGet();
            return null;
        });
        net.call(Tensor.randn(1, 1, 4, 4).requiresGrad_(true));
        assertEquals(1, seen.get());
    }
}
