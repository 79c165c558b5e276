package dev.nn4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

class PyTorchWeightsTest {
    @Test
    void outputsMatchPyTorchsStoredOutput() {
        PyTorchWeights.Result r = PyTorchWeights.run();
        assertTrue(r.keys().allMatched(), r.keys().toString());
        assertArrayEquals(new int[] {4, 3}, r.output().shape());
        assertTrue(r.output().allclose(r.pytorchOutput(), 1e-4, 1e-5),
                "max |nn4j - PyTorch| = " + r.maxAbsDifference() + "\n" + r.output() + "\n" + r.pytorchOutput());
    }

    @Test
    void batchNormBuffersCameFromTheFileNotFromInitialization() {
        PyTorchWeights.Result r = PyTorchWeights.run();
        Tensor runningMean = r.stateDict().get("1.running_mean");
        assertTrue(runningMean.abs().sum().item() > 0, "running_mean is still zeros");
        Tensor tracked = r.stateDict().get("1.num_batches_tracked");
        assertEquals(DType.INT64, tracked.dtype());
        assertEquals(5, tracked.getLong());   // the script trained 5 steps
    }

    @Test
    void mainRuns() {
        PyTorchWeights.main(new String[0]);
    }
}
