package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActivationFunctionalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/** Dropout statistics, seeding, channel-wise masks, alpha dropout's moment preservation, gradients and errors. */
class DropoutTest {
    @Test
    void identityWhenNotTrainingOrPZero() {
        Tensor x = Tensor.randn(100);
        assertSame(x, F.dropout(x, 0.5, false));
        assertSame(x, F.dropout(x, 0.0, true));
        assertSame(x, F.alphaDropout(x, 0.5, false));
        assertTrue(F.featureAlphaDropout(x.reshape(10, 10), 0.5, false).reshape(100).equal(x));
        assertTrue(F.dropout1d(x.reshape(10, 10), 0.5, false).reshape(100).equal(x));
        assertTrue(F.dropout3d(x.reshape(4, 25), 0.0, true).reshape(100).equal(x));
    }

    @Test
    void keepsOneMinusPAndScalesBySurvivalProbability() {
        int n = 200_000;
        Tensor x = Tensor.ones(DType.FLOAT64, n).requiresGrad_();
        Tensor y = F.dropout(x, 0.3, true, false, new Generator(1));
        double[] v = y.toDoubleArray();
        int kept = 0;
        for (double e : v) {
            assertTrue(e == 0 || Math.abs(e - 1 / 0.7) < 1e-12, "value " + e);
            if (e != 0) kept++;
        }
        // binomial(n, 0.7): standard deviation ~ 205, allow 5 sigma
        assertEquals(0.7 * n, kept, 1025);
        assertEquals(1.0, y.mean().item(), 0.01, "expectation preserved");
        y.sum().backward();
        assertTrue(x.grad().equal(y.detach()), "gradient is the mask / (1 - p)");
        assertTrue(F.dropout(x.detach(), 1.0, true).equal(Tensor.zeros(DType.FLOAT64, n)));
    }

    @Test
    void seededGeneratorsReproduce() {
        Tensor x = Tensor.randn(50);
        assertTrue(F.dropout(x, 0.5, true, false, new Generator(9)).equal(F.dropout(x, 0.5, true, false, new Generator(9))));
        Nn4j.manualSeed(5);
        Tensor a = F.dropout(x, 0.5);
        Nn4j.manualSeed(5);
        Tensor b = F.dropout(x, 0.5);
        assertTrue(a.equal(b), "manualSeed reseeds the default generator");
    }

    @Test
    void channelDropoutZeroesWholeChannels() {
        Tensor x = Tensor.ones(DType.FLOAT64, 8, 16, 5, 5);
        for (Tensor y : new Tensor[] {F.dropout2d(x, 0.5, true, false, new Generator(3)),
                F.dropout3d(x.reshape(8, 16, 5, 5, 1), 0.5, true, false, new Generator(3)).reshape(8, 16, 5, 5),
                F.dropout1d(x.reshape(8, 16, 25), 0.5, true, false, new Generator(3)).reshape(8, 16, 5, 5)}) {
            Tensor perChannel = y.amax(new int[] {2, 3}, false), minPerChannel = y.amin(new int[] {2, 3}, false);
            assertTrue(perChannel.equal(minPerChannel), "a channel is all kept or all dropped");
            double kept = perChannel.ne(0).to(DType.FLOAT64).mean().item();
            assertTrue(kept > 0.3 && kept < 0.7, "kept fraction " + kept);
        }
        // unbatched (C, L) for dropout1d: one draw per channel
        Tensor u = F.dropout1d(Tensor.ones(DType.FLOAT64, 64, 7), 0.5, true, false, new Generator(4));
        assertTrue(u.amax(1).equal(u.amin(1)));
    }

    @Test
    void alphaDropoutKeepsZeroMeanUnitVariance() {
        Tensor x = Tensor.randn(DType.FLOAT64, new Generator(2), 400_000);
        Tensor y = F.alphaDropout(x, 0.2, true, false, new Generator(6));
        assertEquals(0.0, y.mean().item(), 0.01);
        assertEquals(1.0, y.var().item(), 0.02);
        Tensor f = F.featureAlphaDropout(x.reshape(1000, 400), 0.2, true, false, new Generator(6));
        assertEquals(0.0, f.mean().item(), 0.02);
        assertEquals(1.0, f.var().item(), 0.05);
    }

    @Test
    void inPlaceWritesIntoTheInput() {
        Tensor x = Tensor.ones(DType.FLOAT64, 1000);
        Tensor y = F.dropout(x, 0.5, true, true);
        assertSame(x, y);
        double zeros = x.eq(0).to(DType.FLOAT64).sum().item();
        assertTrue(zeros > 400 && zeros < 600);
        Tensor c = Tensor.ones(DType.FLOAT64, 16, 3);
        assertSame(c, F.dropout1d(c, 0.5, true, true));
        assertTrue(c.amax(1).equal(c.amin(1)));
    }

    @Test
    void probabilityOutsideUnitIntervalFails() {
        Tensor x = Tensor.randn(4);
        assertMessage(() -> F.dropout(x, 1.5), "dropout", "between 0 and 1, but got 1.5");
        assertMessage(() -> F.dropout(x, -0.1, false), "dropout", "between 0 and 1");
        assertMessage(() -> F.alphaDropout(x, 2, false), "alpha_dropout", "between 0 and 1");
        assertMessage(() -> F.dropout2d(x.reshape(1, 4), Double.NaN, true), "dropout2d", "between 0 and 1");
        assertMessage(() -> F.dropout1d(Tensor.randn(2, 2, 2, 2), 0.5, true), "dropout1d", "Expected 2D or 3D input");
        assertMessage(() -> F.featureAlphaDropout(x, 0.5, true), "feature_alpha_dropout", "at least 2 dimensions");
    }
}
