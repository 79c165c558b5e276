package dev.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Nn4j;
import dev.nn4j.Tensor;
import dev.nn4j.nn.BatchNorm2d;
import dev.nn4j.nn.Conv2d;
import dev.nn4j.nn.Flatten;
import dev.nn4j.nn.IncompatibleKeys;
import dev.nn4j.nn.LayerNorm;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Module;
import dev.nn4j.nn.ReLU;
import dev.nn4j.nn.Sequential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PyTorch checkpoint loads into the same nn4j model and gives PyTorch's output (tools/golden/gen_safetensors.py:
 * Sequential(Conv2d(1,4,3), BatchNorm2d(4), ReLU, Flatten, Linear(144,16), LayerNorm(16), Linear(16,3)) in eval mode,
 * BatchNorm statistics trained, num_batches_tracked an I64 scalar). A state dict with a missing, an extra or a
 * mis-shaped key fails with PyTorch's exact report and leaves the module unchanged.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    static Sequential model() {
        return new Sequential(new Conv2d(1, 4, 3), new BatchNorm2d(4), new ReLU(), new Flatten(), new Linear(144, 16), new LayerNorm(16), new Linear(16, 3));
    }

    static SafeTensors.Contents io() throws Exception {
        return SafeTensors.read(SafeTensorsTest.resource("checkpoint-cnn-io.safetensors"));
    }

    static Map<String, Tensor> checkpoint() throws Exception {
        return Nn4j.load(SafeTensorsTest.resource("checkpoint-cnn.safetensors"));
    }

    static Map<String, Tensor> snapshot(Module m) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    static void assertUnchanged(Map<String, Tensor> before, Module m) {
        m.stateDict().forEach((k, v) -> assertTrue(before.get(k).equal(v), k + " changed although the load failed"));
    }

    @Test
    void pyTorchCheckpointGivesPyTorchsOutput() throws Exception {
        SafeTensors.Contents io = io();
        Sequential m = model();
        List<String> keys = new ArrayList<>();
        for (Object k : (List<?>) Json.parse(io.metadata().get("keys"))) keys.add((String) k);
        assertEquals(keys, List.copyOf(m.stateDict().keySet()), "nn4j's state dict keys and order are PyTorch's");
        IncompatibleKeys r = m.loadStateDict(checkpoint(), true);
        assertTrue(r.allMatched(), r.toString());
        assertEquals(DType.INT64, m.stateDict().get("1.num_batches_tracked").dtype());
        assertEquals(3, m.stateDict().get("1.num_batches_tracked").toLongArray()[0]);
        m.eval();
        Tensor y = m.forward(io.tensors().get("input"));
        assertTrue(y.allclose(io.tensors().get("output"), 1e-5, 1e-6), () -> y + " vs PyTorch " + io.tensors().get("output"));
        // and in float64, against PyTorch's float64 forward
        m.toDouble();
        Tensor y64 = m.forward(io.tensors().get("input").to(DType.FLOAT64));
        assertTrue(y64.allclose(io.tensors().get("output64"), 1e-10, 1e-12), () -> y64 + " vs PyTorch " + io.tensors().get("output64"));
    }

    @Test
    void nn4jCheckpointRoundTripsThroughSafetensors() throws Exception {
        Sequential a = model();
        a.loadStateDict(checkpoint(), true);
        Path f = dir.resolve("again.safetensors");
        Nn4j.save(a.stateDict(), f);
        Sequential b = model();
        b.loadStateDict(Nn4j.load(f), true);
        a.eval();
        b.eval();
        Tensor x = io().tensors().get("input");
        assertTrue(a.forward(x).equal(b.forward(x)));
        a.stateDict().forEach((k, v) -> assertTrue(v.equal(b.stateDict().get(k)), k));
    }

    private void assertLoadFails(String metadataKey, Map<String, Tensor> sd) throws Exception {
        Sequential m = model();
        Map<String, Tensor> before = snapshot(m);
        var e = assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd, true));
        assertEquals(io().metadata().get(metadataKey), e.getMessage(), "PyTorch's text, word for word");
        assertUnchanged(before, m);
    }

    @Test
    void missingKeyIsReportedAsPyTorchDoesAndChangesNothing() throws Exception {
        Map<String, Tensor> sd = new LinkedHashMap<>(checkpoint());
        sd.remove("4.bias");
        assertLoadFails("missing", sd);
        IncompatibleKeys r = model().loadStateDict(sd, false);
        assertEquals(List.of("4.bias"), r.missingKeys());
        assertEquals(List.of(), r.unexpectedKeys());
    }

    @Test
    void unexpectedKeysAreReportedAsPyTorchDoes() throws Exception {
        Map<String, Tensor> sd = new LinkedHashMap<>(checkpoint());
        sd.put("7.weight", Tensor.zeros(3));
        sd.put("1.extra", Tensor.zeros(1));
        assertLoadFails("unexpected", sd);
        Sequential m = model();
        IncompatibleKeys r = m.loadStateDict(sd, false);
        assertEquals(List.of("7.weight", "1.extra"), r.unexpectedKeys());
        assertTrue(m.stateDict().get("6.weight").equal(checkpoint().get("6.weight")), "non-strict loads what matches");
    }

    @Test
    void misshapedKeyIsReportedAsPyTorchDoesEvenWhenNotStrict() throws Exception {
        Map<String, Tensor> sd = new LinkedHashMap<>(checkpoint());
        sd.put("4.weight", Tensor.zeros(16, 143));
        assertLoadFails("misshaped", sd);
        Sequential m = model();
        Map<String, Tensor> before = snapshot(m);
        assertThrows(IllegalArgumentException.class, () -> m.loadStateDict(sd, false));
        assertUnchanged(before, m);
        sd.remove("0.bias");
        assertLoadFails("missing_and_misshaped", sd);
    }
}
