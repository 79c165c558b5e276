package dev.nn4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Autograd;
import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.CrossEntropyLoss;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.Sequential;
import dev.nn4j.nn.functional.F;
import dev.nn4j.optim.SGD;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Autograd misuse through nn4j's own kernels and modules (AutogradTest covers the tensor-level engine):
 * anomaly detection names the forward op of a dedicated kernel and points at the forward call; a second
 * backward, an optimizer step between forward and backward, and a non-scalar loss give PyTorch's messages.
 */
class AutogradSafetyTest {
    private final Generator gen = new Generator(2);

    /** A user module whose forward takes the square root of a linear layer: negative pre-activations give NaN. */
    static final class SqrtHead extends Module {
        final Linear fc = registerModule("fc", new Linear(4, 3));

        @Override
        public Tensor forward(Tensor x) {
            return sqrtOf(fc.call(x));
        }

        static Tensor sqrtOf(Tensor t) {
            return t.sqrt();
        }
    }

    private static boolean traceMentions(Throwable t, String method) {
        return Arrays.stream(t.getStackTrace()).anyMatch(s -> s.getMethodName().equals(method));
    }

    @Test
    void anomalyInADedicatedKernelNamesItAndItsForwardCall() {
        Tensor x = Tensor.randn(gen, 1, 1, 5, 5).requiresGrad_(true);
        Tensor w = Tensor.randn(gen, 2, 1, 3, 3);
        w.set(Double.NaN, 1, 0, 1, 1);
        w.requiresGrad_(true);
        IllegalStateException e;
        try (var a = Autograd.detectAnomaly()) {
            Tensor loss = F.conv2d(x, w).sum();
            e = assertThrows(IllegalStateException.class, loss::backward);
        }
        assertEquals("Function 'ConvolutionBackward0' returned nan values in its 0th output.", e.getMessage());
        assertNotNull(e.getCause(), "the cause carries the forward trace");
        assertTrue(traceMentions(e.getCause(), "anomalyInADedicatedKernelNamesItAndItsForwardCall"), "the forward call site is in the trace");
        // outside the scope the NaN flows into .grad silently, as in PyTorch
        F.conv2d(x, w).sum().backward();
        assertTrue(x.grad().hasNonFinite());
    }

    @Test
    void anomalyInsideAModuleForwardPointsAtThatForward() {
        Nn4j.manualSeed(4);
        SqrtHead head = new SqrtHead();
        Tensor x = Tensor.randn(gen, 8, 4);
        IllegalStateException e;
        try (var a = Autograd.detectAnomaly()) {
            Tensor loss = head.call(x).sum();
            assertTrue(loss.hasNonFinite(), "some pre-activation is negative");
            e = assertThrows(IllegalStateException.class, loss::backward);
        }
        assertTrue(e.getMessage().startsWith("Function 'SqrtBackward0' returned nan values"), e.getMessage());
        assertTrue(traceMentions(e.getCause(), "sqrtOf"), "the trace shows the module code that called sqrt");
        assertTrue(traceMentions(e.getCause(), "forward"));
        // anomaly mode is off again after the scope, even though backward threw inside it
        head.zeroGrad();
        head.call(x).sum().backward();
    }

    @Test
    void aSecondBackwardThroughKernelsAndLossesNeedsRetainGraph() {
        Tensor x = Tensor.randn(gen, 2, 1, 4, 4).requiresGrad_(true);
        Tensor w = Tensor.randn(gen, 3, 1, 3, 3).requiresGrad_(true);
        Tensor loss = F.crossEntropy(F.conv2d(x, w).flatten(1, -1), Tensor.of(0L, 5L));
        loss.backward();
        var e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"), e.getMessage());
        assertTrue(e.getMessage().contains("retainGraph=true"), e.getMessage());
        // with retainGraph the second pass adds the same gradient again
        Tensor x2 = x.detach().requiresGrad_(true);
        Tensor loss2 = F.crossEntropy(F.conv2d(x2, w).flatten(1, -1), Tensor.of(0L, 5L));
        loss2.backward(Tensor.scalar(1f), true);
        Tensor once = x2.grad().clone();
        loss2.backward();
        assertTrue(x2.grad().allclose(once.mul(2)));
    }

    @Test
    void anOptimizerStepBetweenForwardAndBackwardIsCaught() {
        Nn4j.manualSeed(1);
        Module model = new Sequential(new Linear(4, 8), new Linear(8, 3));
        var opt = new SGD(model.parameters(), 0.1);
        Tensor x = Tensor.randn(gen, 5, 4);
        Tensor y = Tensor.of(0L, 1L, 2L, 0L, 1L);
        Tensor loss1 = new CrossEntropyLoss().forward(model.call(x), y);
        Tensor loss2 = new CrossEntropyLoss().forward(model.call(x), y);
        loss1.backward();
        opt.step();   // changes the weights loss2's graph saved
        var e = assertThrows(IllegalStateException.class, loss2::backward);
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified by an inplace operation"),
                e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*is at version (\\d+); expected version (\\d+) instead.*"), e.getMessage());
    }

    @Test
    void backwardOfAModuleOutputThatIsNotAScalar() {
        Tensor out = new Linear(4, 3).call(Tensor.randn(gen, 2, 4));
        var e = assertThrows(IllegalStateException.class, out::backward);
        assertTrue(e.getMessage().contains("grad can be implicitly created only for scalar outputs"), e.getMessage());
        assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
        try (var ng = Autograd.noGrad()) {
            Tensor detached = new Linear(4, 1).call(Tensor.randn(gen, 1, 4)).sum();
            assertFalse(detached.requiresGrad());
            var e2 = assertThrows(IllegalStateException.class, detached::backward);
            assertTrue(e2.getMessage().contains("does not require grad"), e2.getMessage());
        }
    }
}
