package dev.nn4j.nn.utils;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Tensor;
import dev.nn4j.nn.Linear;
import dev.nn4j.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nn.utils against PyTorch 1.13 (the Python that produced each expected value is in the comments). */
class UtilsTest {
    /**
     * ps = [tensor([3., -4.]), tensor([[1., 2.], [-2., .5]])], each with grad = 1.5 * value.
     */
    private static List<Tensor> params() {
        Tensor a = Parameter.of(Tensor.of(3f, -4f)), b = Parameter.of(Tensor.fromArray(new float[] {1, 2, -2, 0.5f}, 2, 2));
        a.setGrad(a.detach().mul(1.5));
        b.setGrad(b.detach().mul(1.5));
        return List.of(a, b);
    }

    @Test
    void clipGradNormMatchesPyTorch() {
        // clip_grad_norm_(ps, 2.0) -> tensor(8.7785); grads [1.02523, -1.36697], [[0.341743, 0.683486], [-0.683486, 0.170871]]
        List<Tensor> ps = params();
        assertEquals(8.7785, ClipGrad.clipGradNorm_(ps, 2.0).item(), 1e-4);
        assertArrayEquals(new float[] {1.0252290f, -1.3669720f}, ps.get(0).grad().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.341743f, 0.683486f, -0.683486f, 0.1708715f}, ps.get(1).grad().toFloatArray(), 1e-6f);
        // norm_type=inf -> tensor(6.); grads scaled by 2 / (6 + 1e-6)
        ps = params();
        assertEquals(6.0, ClipGrad.clipGradNorm_(ps, 2.0, Double.POSITIVE_INFINITY).item(), 1e-6);
        assertArrayEquals(new float[] {1.4999998f, -1.9999998f}, ps.get(0).grad().toFloatArray(), 1e-6f);
        // norm_type=1, max_norm=100 -> tensor(18.75), nothing scaled
        ps = params();
        assertEquals(18.75, ClipGrad.clipGradNorm_(ps, 100.0, 1.0).item(), 1e-5);
        assertArrayEquals(new float[] {4.5f, -6f}, ps.get(0).grad().toFloatArray());
    }

    @Test
    void clipGradNormSkipsMissingGradsAndCanRefuseNonFinite() {
        Tensor p = Parameter.of(Tensor.ones(2));
        assertEquals(0.0, ClipGrad.clipGradNorm_(List.of(p), 1.0).item());
        p.setGrad(Tensor.of(Float.NaN, 1f));
        var e = assertThrows(IllegalStateException.class, () -> ClipGrad.clipGradNorm_(List.of(p), 1.0, 2.0, true));
        assertTrue(e.getMessage().contains("non-finite"));
    }

    @Test
    void clipGradValueClamps() {
        List<Tensor> ps = params();
        ClipGrad.clipGradValue_(ps, 2.0);
        assertArrayEquals(new float[] {2f, -2f}, ps.get(0).grad().toFloatArray());
        assertArrayEquals(new float[] {1.5f, 2f, -2f, 0.75f}, ps.get(1).grad().toFloatArray());
    }

    @Test
    void parametersRoundTripThroughAVector() {
        Linear l = new Linear(3, 2);
        Tensor v = ConvertParameters.parametersToVector(l.parameters());
        assertArrayEquals(new int[] {8}, v.shape());
        Tensor w = l.weight;
        ConvertParameters.vectorToParameters(Tensor.arange(0, 8, 1).toFloat(), l.parameters());
        assertSame(w, l.weight);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, l.weight.toFloatArray());
        assertArrayEquals(new float[] {6, 7}, l.bias.toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> ConvertParameters.vectorToParameters(Tensor.zeros(7), l.parameters()));
    }

    private static final Tensor A = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), B = Tensor.fromArray(new float[] {7, 8}, 1, 2),
            C = Tensor.fromArray(new float[] {9, 10, 11, 12}, 2, 2);

    @Test
    void padSequenceMatchesPyTorch() {
        // pad_sequence([a, b, c], batch_first=True, padding_value=-1.0)
        Tensor p = Rnn.padSequence(List.of(A, B, C), true, -1);
        assertArrayEquals(new int[] {3, 3, 2}, p.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, -1, -1, -1, -1, 9, 10, 11, 12, -1, -1}, p.toFloatArray());
        assertArrayEquals(new int[] {3, 3, 2}, Rnn.padSequence(List.of(A, B, C)).shape()); // time-major by default
    }

    @Test
    void packAndPadRoundTripLikePyTorch() {
        // pack_sequence([a, b, c], enforce_sorted=False): data, batch_sizes [3, 2, 1], sorted_indices [0, 2, 1]
        PackedSequence ps = Rnn.packSequence(List.of(A, B, C), false);
        assertArrayEquals(new float[] {1, 2, 9, 10, 7, 8, 3, 4, 11, 12, 5, 6}, ps.data().toFloatArray());
        assertArrayEquals(new long[] {3, 2, 1}, ps.batchSizes().toLongArray());
        assertArrayEquals(new long[] {0, 2, 1}, ps.sortedIndices().toLongArray());
        assertArrayEquals(new long[] {0, 2, 1}, ps.unsortedIndices().toLongArray());
        // pad_packed_sequence(ps, padding_value=0.5, total_length=4) -> (4, 3, 2), lengths [3, 1, 2]
        Rnn.Padded pp = Rnn.padPackedSequence(ps, false, 0.5, 4);
        assertArrayEquals(new int[] {4, 3, 2}, pp.padded().shape());
        assertArrayEquals(new float[] {1, 2, 7, 8, 9, 10, 3, 4, .5f, .5f, 11, 12, 5, 6, .5f, .5f, .5f, .5f, .5f, .5f, .5f, .5f, .5f, .5f},
                pp.padded().toFloatArray());
        assertArrayEquals(new long[] {3, 1, 2}, pp.lengths().toLongArray());
        List<Tensor> back = Rnn.unpackSequence(ps);
        assertTrue(back.get(0).equal(A) && back.get(1).equal(B) && back.get(2).equal(C));
    }

    @Test
    void packingIsDifferentiable() {
        Tensor x = Tensor.randn(4, 3, 2).requiresGrad_(true);
        PackedSequence ps = Rnn.packPaddedSequence(x, new long[] {4, 2, 1}, false, true);
        ps.data().sum().backward();
        // only the valid steps get gradient: 4 + 2 + 1 steps of 2 features
        assertEquals(14.0, x.grad().sum().item(), 1e-6);
        assertEquals(0.0, x.grad().get(3, 1, 0));
    }

    @Test
    void packingErrorsAreClear() {
        Tensor p = Rnn.padSequence(List.of(A, B, C), true, 0);
        var e = assertThrows(IllegalArgumentException.class, () -> Rnn.packPaddedSequence(p, new long[] {1, 3, 2}, true, true));
        assertTrue(e.getMessage().contains("must be sorted in decreasing order"));
        assertThrows(IllegalArgumentException.class, () -> Rnn.packPaddedSequence(p, new long[] {3, 0, 2}, true, false));
        assertThrows(IllegalArgumentException.class, () -> Rnn.packPaddedSequence(p, new long[] {3, 2}, true, false));
        PackedSequence ps = Rnn.packSequence(List.of(A, C));
        assertThrows(IllegalArgumentException.class, () -> Rnn.padPackedSequence(ps, false, 0, 2));
    }
}
