package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ActivationFunctionalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.GradCheck;
import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;

/** embedding/embeddingBag gradients by finite differences, option objects, oneHot, and error messages. */
class SparseFunctionalTest {
    private static Tensor rand64(long seed, int... shape) {
        return Tensor.randn(DType.FLOAT64, new Generator(seed), shape);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor w = rand64(1, 6, 3).requiresGrad_();
        Tensor ids = Tensor.of(1L, 4L, 4L, 0L, 5L, 1L);
        GradCheck.check(in -> F.embedding(ids.reshape(2, 3), in[0]), w);
        Tensor offsets = Tensor.of(0L, 2L, 2L);
        for (String mode : new String[] {"sum", "mean", "max"}) {
            GradCheck.check(in -> F.embeddingBag(ids, in[0], offsets, EmbeddingBagOptions.opts().mode(mode)), w);
        }
        Tensor psw = rand64(2, 6).requiresGrad_();
        GradCheck.check(in -> EmbeddingBagOptions.opts().mode("sum").apply(ids, in[0], offsets, in[1]), w, psw);
    }

    @Test
    void optionsObjectMatchesFullSignature() {
        Tensor w = rand64(3, 5, 2);
        Tensor ids = Tensor.of(0L, 3L, 3L, 4L);
        var opts = EmbeddingOptions.opts().paddingIdx(3).scaleGradByFreq(true);
        assertTrue(opts.apply(ids, w).equal(F.embedding(ids, w, 3, null, 2, true, false)));
        assertArrayEquals(new int[] {4, 2}, F.embedding(ids, w).shape());
        assertArrayEquals(new int[] {2, 2, 2}, F.embedding(ids.reshape(2, 2), w).shape());
        // 2-D input: one bag per row, default mode mean
        Tensor bags = F.embeddingBag(ids.reshape(2, 2), w, null);
        assertTrue(bags.allclose(F.embedding(ids.reshape(2, 2), w).mean(1), 1e-12, 1e-12));
    }

    @Test
    void oneHotInfersClassCount() {
        Tensor oh = F.oneHot(Tensor.of(0L, 3L, 1L));
        assertArrayEquals(new int[] {3, 4}, oh.shape());
        assertArrayEquals(new long[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0}, oh.toLongArray());
        assertOneHotOfTwo(F.oneHot(Tensor.of(2L), 5));
    }

    private static void assertOneHotOfTwo(Tensor t) {
        assertArrayEquals(new long[] {0, 0, 1, 0, 0}, t.reshape(5).toLongArray());
        assertTrue(t.dtype() == DType.INT64);
    }

    @Test
    void badArgumentsFailWithClearMessages() {
        Tensor w = rand64(4, 5, 2);
        assertMessage(() -> F.embedding(Tensor.of(1L, 5L), w), "embedding", "index out of range");
        assertMessage(() -> F.embedding(Tensor.of(1.0f), w), "embedding", "Long");
        assertMessage(() -> F.embedding(Tensor.of(1L), w.reshape(10)), "embedding", "(num_embeddings, embedding_dim)");
        assertMessage(() -> F.embedding(Tensor.of(1L), w, EmbeddingOptions.opts().paddingIdx(7)), "embedding", "padding_idx");
        assertMessage(() -> F.embeddingBag(Tensor.of(1L, 2L), w, Tensor.of(1L)), "embedding_bag", "offsets[0] has to be 0");
        assertMessage(() -> F.embeddingBag(Tensor.of(1L, 2L), w, null), "embedding_bag", "offsets has to be a 1D Tensor");
        assertMessage(() -> F.embeddingBag(Tensor.of(1L, 2L).reshape(1, 2), w, Tensor.of(0L)), "embedding_bag", "offsets has to be None");
        assertMessage(() -> EmbeddingBagOptions.opts().mode("max").apply(Tensor.of(1L), w, Tensor.of(0L), Tensor.of(1.0)),
                "embedding_bag", "only supported for mode='sum'");
        assertMessage(() -> F.embeddingBag(Tensor.of(1L), w, Tensor.of(0L), EmbeddingBagOptions.opts().mode("min")), "embedding_bag", "mode");
        assertMessage(() -> F.oneHot(Tensor.of(1L, 7L), 5), "one_hot", "smaller than num_classes");
        assertMessage(() -> F.oneHot(Tensor.of(-1L, 2L)), "one_hot", "non-negative");
        assertMessage(() -> F.oneHot(Tensor.zeros(DType.INT64, 0)), "one_hot", "empty tensor");
        assertMessage(() -> F.oneHot(Tensor.of(1.0f)), "one_hot", "int64");
    }
}
