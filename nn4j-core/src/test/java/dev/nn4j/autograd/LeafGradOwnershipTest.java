package dev.nn4j.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Leaf gradients may take a buffer computed by the backward without a copy; they must never share storage with
 * each other, with the caller's gradient, or with any tensor that exists outside the backward.
 */
class LeafGradOwnershipTest {
    @Test
    void addPassesOneGradientToTwoLeavesWhichGetIndependentBuffers() {
        Tensor a = Tensor.of(1f, 2f).requiresGrad_(true), b = Tensor.of(3f, 4f).requiresGrad_(true);
        a.mul(2).add(b.mul(2)).sum().backward();
        Tensor c = Tensor.of(1f, 2f).requiresGrad_(true), d = Tensor.of(3f, 4f).requiresGrad_(true);
        Tensor s = c.add(d);     // AddBackward hands the same gradient tensor to both leaves
        s.backward(Tensor.of(5f, 6f));
        assertNotSame(c.grad().storage(), d.grad().storage());
        c.grad().zero_();
        assertArrayEquals(new float[] {5f, 6f}, d.grad().toFloatArray());
    }

    @Test
    void theCallersGradientIsNeverTheLeafGradient() {
        Tensor x = Tensor.of(1f, 2f, 3f).requiresGrad_(true);
        Tensor g = Tensor.of(1f, 1f, 1f);
        x.mul(1).backward(g);
        assertNotSame(g.storage(), x.grad().storage());
        Tensor leaf = Tensor.of(1f, 2f).requiresGrad_(true);
        Tensor g2 = Tensor.of(7f, 8f);
        leaf.backward(g2);       // a leaf as the root: its gradient is the caller's tensor
        assertNotSame(g2.storage(), leaf.grad().storage());
        g2.zero_();
        assertArrayEquals(new float[] {7f, 8f}, leaf.grad().toFloatArray());
    }

    @Test
    void viewsOfOneGradientGoToSeparateBuffers() {
        Tensor a = Tensor.of(1f, 2f, 3f, 4f).requiresGrad_(true);
        Tensor b = Tensor.of(1f, 2f, 3f, 4f).reshape(2, 2).requiresGrad_(true);
        Tensor y = a.mul(3).reshape(2, 2).add(b);   // b gets g, a gets g.reshape(4): same storage
        y.sum().backward();
        assertNotSame(a.grad().storage(), b.grad().storage());
        a.grad().zero_();
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, b.grad().toFloatArray());
        Tensor twice = Tensor.of(1f, 2f).requiresGrad_(true);
        twice.mul(2).add(twice.mul(3)).sum().backward();    // two deliveries accumulate
        assertArrayEquals(new float[] {5f, 5f}, twice.grad().toFloatArray());
    }

    @Test
    void accumulationAcrossBackwardsLeavesEarlierGradientsIntact() {
        Tensor w = Tensor.of(1f, 2f).requiresGrad_(true);
        w.mul(2).sum().backward();
        Tensor first = w.grad();
        w.mul(3).sum().backward();
        assertArrayEquals(new float[] {2f, 2f}, first.toFloatArray());
        assertArrayEquals(new float[] {5f, 5f}, w.grad().toFloatArray());
    }

    @Test
    void linearWeightGradientIsComputedInTheWeightsLayout() {
        dev.nn4j.Generator gen = new dev.nn4j.Generator(3);
        Tensor w = Tensor.randn(gen, 5, 7).requiresGrad_(true), x = Tensor.randn(gen, 4, 7);
        Tensor g = Tensor.randn(gen, 4, 5);
        x.matmul(w.t()).backward(g);
        org.junit.jupiter.api.Assertions.assertTrue(w.grad().isContiguous());
        assertArrayEquals(g.t().matmul(x).toFloatArray(), w.grad().toFloatArray());
    }
}
