package dev.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionalVsModuleMlpTest {
    @Test
    void functionalAndModuleMlpsGiveBitIdenticalOutputsAfterTraining() {
        FunctionalVsModuleMlp.Result r = FunctionalVsModuleMlp.run(30, 42);
        assertArrayEquals(r.moduleOutput().toFloatArray(), r.functionalOutput().toFloatArray());
        assertEquals(r.moduleLoss(), r.functionalLoss());
        assertTrue(r.identical());
        assertArrayEquals(new int[] {16, 10}, r.moduleOutput().shape());
    }

    @Test
    void trainingActuallyChangesTheModel() {
        // the comparison above would be empty if training did nothing: 30 steps fit the random labels better than 1
        double one = FunctionalVsModuleMlp.run(1, 42).moduleLoss();
        double thirty = FunctionalVsModuleMlp.run(30, 42).moduleLoss();
        assertTrue(thirty < one - 0.5, "loss after 1 step " + one + ", after 30 steps " + thirty);
    }

    @Test
    void sameSeedDrawsTheSameInitialWeightsInBothStyles() {
        Nn4j.manualSeed(3);
        var f = new FunctionalVsModuleMlp.FunctionalMlp(64, 32, 10);
        Nn4j.manualSeed(3);
        Module m = FunctionalVsModuleMlp.moduleMlp(64, 32, 10);
        List<Tensor> mp = m.parameters();
        assertEquals(4, mp.size());
        for (int i = 0; i < 4; i++) assertTrue(mp.get(i).equal(f.parameters().get(i)), "parameter " + i);
    }

    @Test
    void mainRuns() {
        FunctionalVsModuleMlp.main(new String[0]);
    }
}
