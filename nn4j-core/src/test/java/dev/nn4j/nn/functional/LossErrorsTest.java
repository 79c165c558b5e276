package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments fail with an IllegalArgumentException naming the loss, the bad value or shapes, and what was expected. */
class LossErrorsTest {
    private static void fails(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String f : fragments) assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
    }

    private final Tensor logits = Tensor.randn(4, 3);

    @Test
    void classIndexOutOfRange() {
        fails(() -> F.crossEntropy(logits, Tensor.of(new long[] {0, 3, 1, 2})), "cross_entropy", "target 3", "[0, 2]");
        fails(() -> F.crossEntropy(logits, Tensor.of(new long[] {0, -1, 1, 2})), "cross_entropy", "target -1", "ignore_index=-100");
        fails(() -> F.nllLoss(logits, Tensor.of(new long[] {0, 1, 7, 2})), "nll_loss", "target 7", "[0, 2]");
        fails(() -> F.crossEntropy(Tensor.randn(2, 3, 4), Tensor.full(new int[] {2, 4}, 5, dev.nn4j.DType.INT64)),
                "cross_entropy", "target 5");
        fails(() -> F.crossEntropy(logits, Tensor.of(new long[] {0, 9, 1, 2}), CrossEntropy.opts().labelSmoothing(0.1)),
                "cross_entropy", "target 9");
        fails(() -> F.multiMarginLoss(logits, Tensor.of(new long[] {0, 3, 1, 2})), "multi_margin_loss", "target 3", "[0, 2]");
        fails(() -> F.multilabelMarginLoss(logits, Tensor.fromArray(new long[] {0, -1, 0, 3, -1, 0, 1, 1, 1, -2, 0, 0}, 4, 3)),
                "multilabel_margin_loss", "target 3");
        fails(() -> F.ctcLoss(Tensor.randn(5, 2, 4), Tensor.fromArray(new long[] {1, 4, 1, 2}, 2, 2), Tensor.of(new long[] {5, 5}),
                Tensor.of(new long[] {2, 2})), "ctc_loss", "target 4", "[0, 3]");
    }

    @Test
    void ignoreIndexIsExemptFromTheRangeCheck() {
        Tensor loss = F.crossEntropy(logits, Tensor.of(new long[] {0, 7, 1, 7}), CrossEntropy.opts().ignoreIndex(7));
        assertTrue(Double.isFinite(loss.item()));
    }

    @Test
    void shapeMismatchesAreNamed() {
        fails(() -> F.crossEntropy(logits, Tensor.of(new long[] {0, 1, 2})), "cross_entropy", "batch_size (4)", "(3,)");
        fails(() -> F.nllLoss(Tensor.randn(2, 3, 4), Tensor.zeros(dev.nn4j.DType.INT64, 2, 5)), "nll_loss", "(2, 4)", "(2, 5)");
        fails(() -> F.mseLoss(Tensor.randn(3, 4), Tensor.randn(3, 5)), "mse_loss", "(3, 4)", "(3, 5)");
        fails(() -> F.binaryCrossEntropy(Tensor.rand(3, 4), Tensor.rand(4)), "binary_cross_entropy", "(4,)", "(3, 4)");
        fails(() -> F.binaryCrossEntropyWithLogits(Tensor.rand(3, 4), Tensor.rand(3, 1)), "binary_cross_entropy_with_logits", "(3, 1)");
        fails(() -> F.crossEntropy(logits, logits.ge(0).toLong()), "cross_entropy", "floating point type for target with class probabilities");
        fails(() -> F.crossEntropy(logits, Tensor.of(new long[] {0, 1, 2, 0}), CrossEntropy.opts().weight(Tensor.ones(4))),
                "weight tensor should be defined either for all 3 classes", "(4,)");
        fails(() -> F.gaussianNllLoss(Tensor.randn(4, 3), Tensor.randn(4, 3), Tensor.ones(4, 2)), "gaussian_nll_loss", "var is of incorrect size");
        fails(() -> F.multiMarginLoss(logits, Tensor.of(new long[] {0, 1})), "multi_margin_loss", "inconsistent target size");
        fails(() -> F.cosineEmbeddingLoss(Tensor.randn(3), Tensor.randn(3), Tensor.of(new long[] {1})),
                "cosine_embedding_loss", "1D target tensor expects 2D input tensors");
        fails(() -> F.marginRankingLoss(Tensor.randn(3), Tensor.randn(3), Tensor.randn(3, 1)), "margin_ranking_loss", "same dimension");
        fails(() -> F.tripletMarginLoss(Tensor.randn(3, 2), Tensor.randn(3, 2), Tensor.randn(2)), "triplet_margin_loss", "2D, 2D and 1D");
        fails(() -> F.ctcLoss(Tensor.randn(5, 2, 4), Tensor.fromArray(new long[] {1, 2, 1, 2}, 2, 2), Tensor.of(new long[] {6, 5}),
                Tensor.of(new long[] {2, 2})), "ctc_loss", "input_lengths", "at most 5", "6");
        fails(() -> F.ctcLoss(Tensor.randn(5, 2, 4), Tensor.fromArray(new long[] {1, 2, 1, 2}, 2, 2), Tensor.of(new long[] {5, 5}),
                Tensor.of(new long[] {3, 2})), "ctc_loss", "size at least 3");
        fails(() -> F.ctcLoss(Tensor.randn(5, 2, 4), Tensor.of(new long[] {1, 2, 1}), Tensor.of(new long[] {5, 5}),
                Tensor.of(new long[] {2, 2})), "ctc_loss", "sum to 4");
    }

    @Test
    void badArgumentValues() {
        fails(() -> F.binaryCrossEntropy(Tensor.of(0.5f, 1.5f), Tensor.of(0f, 1f)), "binary_cross_entropy", "between 0 and 1", "1.5");
        fails(() -> F.huberLoss(logits, logits, Reduction.MEAN, 0), "huber_loss", "delta");
        fails(() -> F.smoothL1Loss(logits, logits, Reduction.MEAN, -1), "smooth_l1_loss", "beta");
        fails(() -> F.crossEntropy(logits, Tensor.of(new long[] {0, 1, 2, 0}), CrossEntropy.opts().labelSmoothing(1.5)),
                "cross_entropy", "label_smoothing", "1.5");
        fails(() -> F.crossEntropy(logits, Tensor.rand(4, 3), CrossEntropy.opts().ignoreIndex(1)), "cross_entropy", "ignore_index");
        fails(() -> F.multiMarginLoss(logits, Tensor.of(new long[] {0, 1, 2, 0}), MultiMargin.opts().p(3)), "multi_margin_loss", "p == 1 and p == 2");
        fails(() -> F.gaussianNllLoss(Tensor.randn(2), Tensor.randn(2), Tensor.of(-1f, 1f)), "gaussian_nll_loss", "var has negative");
        fails(() -> F.mseLoss(logits, logits, Reduction.BATCHMEAN), "mse_loss", "batchmean");
        fails(() -> F.ctcLoss(Tensor.randn(5, 2, 4), Tensor.fromArray(new long[] {1, 2, 1, 2}, 2, 2), Tensor.of(new long[] {5, 5}),
                Tensor.of(new long[] {2, 2}), Ctc.opts().blank(4)), "ctc_loss", "blank", "[0, 3]");
        fails(() -> F.crossEntropy(logits, Tensor.of(0f, 1f, 2f, 0f)), "cross_entropy", "int64");
        fails(() -> F.mseLoss(Tensor.of(1L, 2L), Tensor.of(1L, 2L)), "mse_loss", "floating point");
        fails(() -> Reduction.of("average"), "average", "reduction");
    }

    @Test
    void legacyReductionFlags() {
        assertEquals(Reduction.MEAN, Reduction.legacy(null, null));
        assertEquals(Reduction.SUM, Reduction.legacy(false, null));
        assertEquals(Reduction.NONE, Reduction.legacy(true, false));
        assertEquals(Reduction.NONE, Reduction.legacy(false, false));
        assertEquals("batchmean", Reduction.BATCHMEAN.torchName());
    }
}
