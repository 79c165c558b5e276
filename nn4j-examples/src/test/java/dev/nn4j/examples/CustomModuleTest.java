package dev.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomModuleTest {
    @TempDir
    Path dir;

    @Test
    void blockRegistersItsParametersAndBehavesLikeABuiltInModule() {
        CustomModule.Result r = CustomModule.run(dir);
        assertEquals(List.of(
                "0.layer_scale", "0.norm.weight", "0.norm.bias", "0.fc1.weight", "0.fc1.bias", "0.fc2.weight", "0.fc2.bias",
                "1.layer_scale", "1.norm.weight", "1.norm.bias", "1.fc1.weight", "1.fc1.bias", "1.fc2.weight", "1.fc2.bias",
                "2.weight", "2.bias"), List.copyOf(r.stateDict().keySet()));
        // per block: 16 + 2*16 (norm) + 16*32+32 (fc1) + 32*16+16 (fc2) = 1120; head 16*4+4 = 68
        assertEquals(2 * 1120 + 68, r.parameterCount());
        assertTrue(r.trainModeIsStochastic(), "dropout should make two train-mode calls differ");
        assertTrue(r.evalModeIsDeterministic());
        assertTrue(r.everyParameterGetsAGradient());
        assertTrue(r.reloadedOutputsEqual());
        assertTrue(r.repr().startsWith("Sequential(\n  (0): ResidualBlock(\n    dim=16\n    (norm): LayerNorm((16,), eps=1e-05, elementwise_affine=True)"),
                r.repr());
    }

    @Test
    void mainRuns() throws Exception {
        CustomModule.main(new String[0]);
    }
}
