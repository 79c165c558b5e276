package dev.nn4j.reliability;

import static dev.nn4j.reliability.BadCalls.IAE;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.CrossEntropy;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.MultiMargin;
import dev.nn4j.nn.functional.Nll;
import dev.nn4j.nn.functional.Reduction;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad calls of every loss: class indices out of range (each classification loss), wrong target dtypes and
 * shapes, null targets and options out of range. Complements LossErrorsTest, which checks the commonest cases.
 */
class LossBadCallsTest {
    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    private static Tensor longs(long... v) {
        return Tensor.of(v);
    }

    private final Tensor logits = Tensor.randn(2, 3);

    @TestFactory
    List<DynamicTest> classIndexTargets() {
        BadCalls t = new BadCalls();
        t.iae("cross_entropy target = C", () -> F.crossEntropy(logits, longs(0, 3)), "cross_entropy", "target 3", "[0, 2]");
        t.iae("cross_entropy huge target", () -> F.crossEntropy(logits, longs(0, Long.MAX_VALUE)), "cross_entropy", String.valueOf(Long.MAX_VALUE));
        t.iae("cross_entropy target below ignore", () -> F.crossEntropy(logits, longs(0, -2)), "cross_entropy", "-2");
        t.iae("cross_entropy unbatched target", () -> F.crossEntropy(Tensor.randn(3), Tensor.scalar(3L)), "cross_entropy", "3");
        t.iae("cross_entropy spatial target", () -> F.crossEntropy(Tensor.randn(1, 3, 2, 2), Tensor.full(new int[] {1, 2, 2}, 4, DType.INT64)),
                "cross_entropy", "target 4");
        t.iae("cross_entropy weighted", () -> F.crossEntropy(logits, longs(0, 5), CrossEntropy.opts().weight(Tensor.ones(3))),
                "cross_entropy", "target 5");
        t.iae("nll_loss target", () -> F.nllLoss(logits, longs(3, 0)), "nll_loss", "target 3");
        t.iae("nll_loss ignore_index is not a range", () -> F.nllLoss(logits, longs(0, 4), Nll.opts().ignoreIndex(3)), "nll_loss", "target 4");
        t.iae("nll_loss weight that needs a gradient", () -> F.nllLoss(logits, longs(0, 1), Nll.opts().weight(Tensor.ones(3).requiresGrad_(true))),
                "nll_loss", "not differentiable", "'weight'");
        t.iae("multi_margin_loss target", () -> F.multiMarginLoss(logits, longs(-1, 0)), "multi_margin_loss", "-1");
        t.iae("multilabel_margin_loss target", () -> F.multilabelMarginLoss(logits, Tensor.fromArray(new long[] {0, 5, -1, 0, -1, 0}, 2, 3)),
                "multilabel_margin_loss", "5");
        t.iae("ctc_loss target is blank range", () -> F.ctcLoss(F.logSoftmax(Tensor.randn(4, 1, 3), 2), Tensor.fromArray(new long[] {1, 3}, 1, 2),
                longs(4), longs(2)), "ctc_loss", "target 3");
        t.iae("cross_entropy float class indices", () -> F.crossEntropy(logits, Tensor.of(0f, 1f)), "cross_entropy", "int64");
        t.iae("nll_loss float target", () -> F.nllLoss(logits, Tensor.of(0f, 1f)), "nll_loss", "int64", "float32");
        t.iae("nll_loss bool target", () -> F.nllLoss(logits, Tensor.of(true, false)), "nll_loss", "bool");
        t.iae("multi_margin_loss float target", () -> F.multiMarginLoss(logits, Tensor.of(0f, 1f)), "multi_margin_loss", "int64");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> shapes() {
        BadCalls t = new BadCalls();
        t.iae("cross_entropy batch", () -> F.crossEntropy(logits, longs(0, 1, 2)), "cross_entropy", "batch_size (2)", "(3,)");
        t.iae("cross_entropy probabilities shape", () -> F.crossEntropy(logits, z(2, 4)), "cross_entropy", "(2, 4)");
        t.iae("cross_entropy 0-D input", () -> F.crossEntropy(Tensor.scalar(1f), longs(0)), "cross_entropy", "1 or more dimensions");
        t.iae("nll_loss spatial", () -> F.nllLoss(Tensor.randn(2, 3, 4), Tensor.zeros(DType.INT64, 2, 3)), "nll_loss", "(2, 4)", "(2, 3)");
        t.iae("nll_loss weight", () -> F.nllLoss(logits, longs(0, 1), Nll.opts().weight(Tensor.ones(2))), "nll_loss", "3", "(2,)");
        t.iae("l1_loss", () -> F.l1Loss(z(2, 3), z(3, 2)), "l1_loss", "(2, 3)", "(3, 2)");
        t.iae("mse_loss", () -> F.mseLoss(z(2, 3), z(2, 4)), "mse_loss", "(2, 4)");
        t.iae("huber_loss", () -> F.huberLoss(z(2, 3), z(4)), "huber_loss", "(4,)");
        t.iae("smooth_l1_loss", () -> F.smoothL1Loss(z(2, 3), z(2, 2)), "smooth_l1_loss", "(2, 2)");
        t.iae("kl_div", () -> F.klDiv(z(2, 3), z(2, 4)), "kl_div", "(2, 4)");
        t.iae("poisson_nll_loss", () -> F.poissonNllLoss(z(2, 3), z(3, 3)), "poisson_nll_loss", "(3, 3)");
        t.iae("gaussian_nll_loss var", () -> F.gaussianNllLoss(z(2, 3), z(2, 3), Tensor.ones(3, 3)), "gaussian_nll_loss", "var");
        t.iae("binary_cross_entropy target", () -> F.binaryCrossEntropy(z(2, 3), z(2, 1)), "binary_cross_entropy", "(2, 1)");
        t.iae("binary_cross_entropy weight", () -> F.binaryCrossEntropy(z(2, 3), z(2, 3), z(4), Reduction.MEAN), "binary_cross_entropy", "weight", "(4,)");
        t.iae("bce_with_logits target", () -> F.binaryCrossEntropyWithLogits(z(2, 3), z(3)), "binary_cross_entropy_with_logits", "(3,)");
        t.iae("soft_margin_loss", () -> F.softMarginLoss(z(2, 3), z(2)), "soft_margin_loss", "(2,)");
        t.iae("hinge_embedding_loss", () -> F.hingeEmbeddingLoss(z(2, 3), z(3, 3)), "hinge_embedding_loss", "(3, 3)");
        t.iae("multilabel_soft_margin_loss", () -> F.multilabelSoftMarginLoss(z(2, 3), z(2, 4)), "multilabel_soft_margin_loss", "(2, 4)");
        t.iae("multilabel_margin_loss target shape", () -> F.multilabelMarginLoss(logits, Tensor.zeros(DType.INT64, 2, 4)),
                "multilabel_margin_loss", "(2, 4)");
        t.iae("multi_margin_loss weight", () -> F.multiMarginLoss(logits, longs(0, 1), MultiMargin.opts().weight(Tensor.ones(4))),
                "multi_margin_loss", "weight", "(4,)");
        t.iae("margin_ranking_loss", () -> F.marginRankingLoss(z(3), z(3, 1), z(3)), "margin_ranking_loss", "same dimension");
        t.iae("cosine_embedding_loss", () -> F.cosineEmbeddingLoss(z(2, 3), z(2, 3), z(2, 2)), "cosine_embedding_loss", "(2, 2)");
        t.iae("triplet_margin_loss", () -> F.tripletMarginLoss(z(2, 3), z(2, 3), z(3)), "triplet_margin_loss", "2D, 2D and 1D");
        t.iae("triplet_margin_loss features", () -> F.tripletMarginLoss(z(2, 3), z(2, 3), z(2, 4)), "(2, 4)");
        t.iae("ctc_loss log_probs", () -> F.ctcLoss(z(4), longs(1), longs(4), longs(1)), "ctc_loss", "(T, N, C)", "(4,)");
        t.iae("ctc_loss input_lengths size", () -> F.ctcLoss(z(4, 2, 3), Tensor.fromArray(new long[] {1, 1}, 2, 1), longs(4), longs(1, 1)),
                "ctc_loss", "input_lengths", "batch_size (2)");
        t.iae("ctc_loss negative length", () -> F.ctcLoss(z(4, 1, 3), Tensor.fromArray(new long[] {1}, 1, 1), longs(-1), longs(1)),
                "ctc_loss", "non-negative", "-1");
        t.iae("ctc_loss float targets", () -> F.ctcLoss(z(4, 1, 3), z(1, 1), longs(4), longs(1)), "ctc_loss", "integer dtype");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> nullsDtypesAndOptions() {
        BadCalls t = new BadCalls();
        t.iae("cross_entropy null target", () -> F.crossEntropy(logits, null), "cross_entropy", "target", "null");
        t.iae("nll_loss null target", () -> F.nllLoss(logits, null), "nll_loss", "target", "null");
        t.iae("mse_loss null target", () -> F.mseLoss(z(2), null), "mse_loss", "target", "null");
        t.iae("mse_loss null input", () -> F.mseLoss(null, z(2)), "mse_loss", "input", "null");
        t.iae("cross_entropy null input", () -> F.crossEntropy(null, longs(0)), "cross_entropy", "input", "null");
        t.iae("bce null target", () -> F.binaryCrossEntropy(z(2), null), "binary_cross_entropy", "null");
        t.iae("cosine_embedding_loss null target", () -> F.cosineEmbeddingLoss(z(2, 3), z(2, 3), null), "cosine_embedding_loss", "null");
        t.iae("ctc_loss null targets", () -> F.ctcLoss(z(4, 1, 3), null, longs(4), longs(1)), "ctc_loss", "null");
        t.iae("mse_loss null reduction", () -> F.mseLoss(z(2), z(2), null), "mse_loss", "reduction");
        t.iae("l1_loss int input", () -> F.l1Loss(Tensor.zeros(DType.INT64, 2), Tensor.zeros(DType.INT64, 2)), "l1_loss", "int64");
        t.iae("bce input out of range", () -> F.binaryCrossEntropy(Tensor.of(-0.5f), Tensor.of(0f)), "binary_cross_entropy", "-0.5");
        t.iae("label_smoothing negative", () -> F.crossEntropy(logits, longs(0, 1), CrossEntropy.opts().labelSmoothing(-0.1)),
                "cross_entropy", "label_smoothing", "-0.1");
        t.iae("huber delta NaN", () -> F.huberLoss(z(2), z(2), Reduction.MEAN, Double.NaN), "huber_loss", "NaN");
        t.iae("smooth_l1 beta", () -> F.smoothL1Loss(z(2), z(2), Reduction.MEAN, -0.5), "smooth_l1_loss", "-0.5");
        t.iae("multi_margin p", () -> F.multiMarginLoss(logits, longs(0, 1), MultiMargin.opts().p(0)), "multi_margin_loss", "p=0");
        t.iae("reduction name", () -> Reduction.of("avg"), "avg", "\"none\", \"mean\", \"sum\"");
        t.iae("batchmean outside kl_div", () -> F.l1Loss(z(2), z(2), Reduction.BATCHMEAN), "l1_loss", "batchmean");
        return t.tests();
    }
}
