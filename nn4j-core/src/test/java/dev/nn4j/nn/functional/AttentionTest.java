package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** scaled_dot_product_attention and multi_head_attention_forward: values, gradients, options and errors. */
class AttentionTest {
    private final Generator gen = new Generator(11);

    private Tensor randn(int... shape) {
        return Tensor.randn(DType.FLOAT64, gen, shape).requiresGrad_(true);
    }

    private static void assertFails(String expectedPart, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expectedPart), "message was: " + ex.getMessage());
    }

    /** softmax(q k^T / sqrt(E) + bias) v, written out element by element. */
    private static double[] naiveAttention(double[] q, double[] k, double[] v, int l, int s, int e, int ev, double[] bias) {
        double[] out = new double[l * ev];
        for (int i = 0; i < l; i++) {
            double[] w = new double[s];
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int j = 0; j < s; j++) {
                for (int c = 0; c < e; c++) w[j] += q[i * e + c] * k[j * e + c];
                w[j] = w[j] / Math.sqrt(e) + (bias == null ? 0 : bias[i * s + j]);
                max = Math.max(max, w[j]);
            }
            for (int j = 0; j < s; j++) sum += w[j] = Math.exp(w[j] - max);
            for (int j = 0; j < s; j++) for (int c = 0; c < ev; c++) out[i * ev + c] += w[j] / sum * v[j * ev + c];
        }
        return out;
    }

    @Test
    void sdpaMatchesNaiveAttention() {
        Tensor q = randn(3, 4), k = randn(5, 4), v = randn(5, 2);
        double[] want = naiveAttention(q.toDoubleArray(), k.toDoubleArray(), v.toDoubleArray(), 3, 5, 4, 2, null);
        assertArrayEquals(want, F.scaledDotProductAttention(q, k, v).toDoubleArray(), 1e-12);
        // causal: query i sees keys 0..i; a bool mask of the same pattern and an additive -inf mask agree
        boolean[] tril = new boolean[15];
        double[] bias = new double[15];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                tril[i * 5 + j] = j <= i;
                bias[i * 5 + j] = j <= i ? 0 : Double.NEGATIVE_INFINITY;
            }
        }
        double[] causal = naiveAttention(q.toDoubleArray(), k.toDoubleArray(), v.toDoubleArray(), 3, 5, 4, 2, bias);
        assertArrayEquals(causal, Sdpa.opts().isCausal(true).apply(q, k, v).toDoubleArray(), 1e-12);
        assertArrayEquals(causal, Sdpa.opts().attnMask(Tensor.fromArray(tril, 3, 5)).apply(q, k, v).toDoubleArray(), 1e-12);
        assertArrayEquals(causal, Sdpa.opts().attnMask(Tensor.fromArray(bias, 3, 5)).apply(q, k, v).toDoubleArray(), 1e-12);
    }

    @Test
    void sdpaGradients() {
        Tensor q = randn(2, 2, 3, 4), k = randn(2, 2, 5, 4), v = randn(2, 2, 5, 3);
        GradCheck.check(in -> F.scaledDotProductAttention(in[0], in[1], in[2]), q, k, v);
        Tensor mask = randn(3, 5);
        GradCheck.check(in -> Sdpa.opts().attnMask(in[3]).scale(0.7).apply(in[0], in[1], in[2]), q, k, v, mask);
        GradCheck.check(in -> Sdpa.opts().isCausal(true).apply(in[0], in[1], in[2]), q, k, v);
    }

    @Test
    void groupedQueryAttentionRepeatsKeyValueHeads() {
        Tensor q = randn(1, 4, 3, 2), k = randn(1, 2, 5, 2), v = randn(1, 2, 5, 3);
        Tensor gqa = Sdpa.opts().enableGqa(true).apply(q, k, v);
        Tensor explicit = F.scaledDotProductAttention(q, k.repeatInterleave(2, 1), v.repeatInterleave(2, 1));
        assertArrayEquals(explicit.toDoubleArray(), gqa.toDoubleArray(), 1e-12);
    }

    @Test
    void sdpaDropout() {
        Tensor q = randn(2, 3, 4), k = randn(2, 5, 4), v = randn(2, 5, 3);
        assertArrayEquals(new double[18], Sdpa.opts().dropoutP(1).apply(q, k, v).toDoubleArray());
        double[] a = Sdpa.opts().dropoutP(0.5).generator(new Generator(3)).apply(q, k, v).toDoubleArray();
        double[] b = Sdpa.opts().dropoutP(0.5).generator(new Generator(3)).apply(q, k, v).toDoubleArray();
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, F.scaledDotProductAttention(q, k, v).toDoubleArray()));
    }

    @Test
    void sdpaErrors() {
        Tensor q = Tensor.zeros(2, 3, 4);
        assertFails("same embedding size E", () -> F.scaledDotProductAttention(q, Tensor.zeros(2, 5, 3), Tensor.zeros(2, 5, 3)));
        assertFails("same sequence length S", () -> F.scaledDotProductAttention(q, Tensor.zeros(2, 5, 4), Tensor.zeros(2, 6, 3)));
        assertFails("not broadcastable to the attention scores", () -> Sdpa.opts().attnMask(Tensor.zeros(4, 5))
                .apply(q, Tensor.zeros(2, 5, 4), Tensor.zeros(2, 5, 3)));
        assertFails("same floating point dtype", () -> F.scaledDotProductAttention(q, Tensor.zeros(DType.FLOAT64, 2, 5, 4),
                Tensor.zeros(2, 5, 3)));
        assertFails("multiple of the key heads", () -> Sdpa.opts().enableGqa(true)
                .apply(Tensor.zeros(1, 3, 2, 4), Tensor.zeros(1, 2, 5, 4), Tensor.zeros(1, 2, 5, 4)));
    }

    // ------------------------------------------------------------------ multi_head_attention_forward

    private static final int E = 4, H = 2;

    private Tensor[] weights() {
        return new Tensor[] {randn(3 * E, E).mul(0.5).detach().requiresGrad_(true), randn(3 * E).mul(0.1).detach().requiresGrad_(true),
            randn(E, E).mul(0.5).detach().requiresGrad_(true), randn(E).mul(0.1).detach().requiresGrad_(true)};
    }

    private static Mha.Output mha(Tensor q, Tensor k, Tensor v, Tensor[] w, Mha opts) {
        return F.multiHeadAttentionForward(q, k, v, E, H, w[0], w[1], null, null, false, 0.0, w[2], w[3], opts);
    }

    @Test
    void mhaGradients() {
        Tensor q = randn(3, 2, E), k = randn(4, 2, E), v = randn(4, 2, E);
        Tensor[] w = weights();
        boolean[] pad = {false, false, false, true, false, true, false, false};
        Tensor kpm = Tensor.fromArray(pad, 2, 4);
        Mha opts = Mha.opts().keyPaddingMask(kpm).attnMask(Tensor.randn(DType.FLOAT64, gen, 3, 4));
        GradCheck.check(in -> mha(in[0], in[1], in[2], new Tensor[] {in[3], in[4], in[5], in[6]}, opts).output(), q, k, v, w[0], w[1], w[2], w[3]);
        GradCheck.check(in -> mha(in[0], in[1], in[2], new Tensor[] {in[3], in[4], in[5], in[6]}, opts).weights(), q, k, v, w[0], w[1], w[2], w[3]);
    }

    @Test
    void mhaOptionsBehave() {
        Tensor x = randn(3, 2, E);
        Tensor[] w = weights();
        Mha.Output full = mha(x, x, x, w, Mha.opts().training(false));
        // the self-attention fast path (one GEMM for q, k, v) equals projecting separate copies
        Mha.Output copies = mha(x, x.clone(), x.clone(), w, Mha.opts().training(false));
        assertArrayEquals(full.output().toDoubleArray(), copies.output().toDoubleArray(), 1e-12);
        // need_weights=False returns the same output and no weights
        Mha.Output noWeights = mha(x, x, x, w, Mha.opts().needWeights(false));
        assertNull(noWeights.weights());
        assertArrayEquals(full.output().toDoubleArray(), noWeights.output().toDoubleArray(), 1e-12);
        // dropout only while training
        Mha.Output eval = F.multiHeadAttentionForward(x, x, x, E, H, w[0], w[1], null, null, false, 0.9, w[2], w[3], Mha.opts().training(false));
        assertArrayEquals(full.output().toDoubleArray(), eval.output().toDoubleArray(), 1e-12);
        // averaged weights are the mean of the per-head weights, and rows sum to one
        Tensor perHead = mha(x, x, x, w, Mha.opts().averageAttnWeights(false)).weights();
        assertArrayEquals(new int[] {2, H, 3, 3}, perHead.shape());
        assertArrayEquals(full.weights().toDoubleArray(), perHead.mean(1).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1}, full.weights().sum(-1).toDoubleArray(), 1e-12);
        // unbatched input is the batch-of-one computation without the batch dim
        Tensor one = x.select(1, 0);
        Mha.Output unbatched = mha(one, one, one, w, Mha.opts());
        assertArrayEquals(new int[] {3, E}, unbatched.output().shape());
        assertArrayEquals(mha(one.unsqueeze(1), one.unsqueeze(1), one.unsqueeze(1), w, Mha.opts()).output().toDoubleArray(),
                unbatched.output().toDoubleArray(), 1e-12);
    }

    @Test
    void mhaErrors() {
        Tensor x = Tensor.zeros(3, 2, E);
        Tensor[] w = {Tensor.zeros(3 * E, E), Tensor.zeros(3 * E), Tensor.zeros(E, E), Tensor.zeros(E)};
        assertFails("was expecting embedding dimension of 6", () -> F.multiHeadAttentionForward(x, x, x, 6, H, w[0], w[1], null, null,
                false, 0, w[2], w[3]));
        assertFails("not divisible by num_heads 3", () -> F.multiHeadAttentionForward(x, x, x, E, 3, w[0], w[1], null, null,
                false, 0, w[2], w[3]));
        assertFails("2D attn_mask is (3, 3), but should be (3, 4)", () -> F.multiHeadAttentionForward(x, Tensor.zeros(4, 2, E),
                Tensor.zeros(4, 2, E), E, H, w[0], w[1], null, null, false, 0, w[2], w[3], Mha.opts().attnMask(Tensor.zeros(3, 3))));
        assertFails("expected key and value to be 3-D", () -> F.multiHeadAttentionForward(x, Tensor.zeros(4, E), Tensor.zeros(4, E),
                E, H, w[0], w[1], null, null, false, 0, w[2], w[3]));
        assertFails("key shape (4, 2, 4) does not match value shape (5, 2, 4)", () -> F.multiHeadAttentionForward(x,
                Tensor.zeros(4, 2, E), Tensor.zeros(5, 2, E), E, H, w[0], w[1], null, null, false, 0, w[2], w[3]));
        assertFails("in_proj_weight is null", () -> F.multiHeadAttentionForward(x, x, x, E, H, null, w[1], null, null,
                false, 0, w[2], w[3]));
        assertFails("expecting key_padding_mask shape of (2, 3)", () -> F.multiHeadAttentionForward(x, x, x, E, H, w[0], w[1],
                null, null, false, 0, w[2], w[3], Mha.opts().keyPaddingMask(Tensor.zeros(DType.BOOL, 2, 5))));
    }
}
