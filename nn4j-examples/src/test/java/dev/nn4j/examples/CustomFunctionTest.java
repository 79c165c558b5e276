package dev.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

class CustomFunctionTest {
    @Test
    void backwardPassesGradCheck() {
        CustomFunction.gradCheck(0);
        CustomFunction.gradCheck(1);
    }

    @Test
    void gradCheckWouldCatchAWrongBackward() {
        // the check above can fail: a backward that forgets the β·x·σ' term is caught
        class Wrong extends dev.nn4j.Function {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.saveForBackward(in[0]);
                return in[0].mul(in[0].sigmoid());
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(ctx.saved(0).sigmoid())};
            }
        }
        Tensor x = Tensor.randn(DType.FLOAT64, new dev.nn4j.Generator(0), 4).requiresGrad_();
        assertThrows(AssertionError.class, () -> GradCheck.check(in -> new Wrong().apply(in[0]), x));
    }

    @Test
    void matchesTheCompositeTwinInFloat32() {
        CustomFunction.Result r = CustomFunction.compare(6, 5, 3);
        assertTrue(r.out().allclose(r.outReference(), 1e-6, 1e-6));
        assertTrue(r.gradX().allclose(r.gradXReference(), 1e-5, 1e-6));
        assertTrue(r.gradBeta().allclose(r.gradBetaReference(), 1e-5, 1e-5));
        assertEquals(5, r.gradBeta().numel());
        assertEquals("SwishBackward", r.gradFn());
    }

    @Test
    void skipsGradientsNobodyNeeds() {
        Tensor x = Tensor.randn(3, 2).requiresGrad_(), beta = Tensor.of(1f, 2f);   // β is a constant here
        CustomFunction.swish(x, beta).sum().backward();
        assertNotNull(x.grad());
        assertNull(beta.grad());
    }

    @Test
    void mainRuns() {
        CustomFunction.main(new String[0]);
    }
}
