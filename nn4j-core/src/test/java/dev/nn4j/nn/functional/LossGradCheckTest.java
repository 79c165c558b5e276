package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.GradCheck;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Backward of every loss, every reduction, against float64 central differences ({@link GradCheck}). Inputs are
 * drawn away from the kinks of the hinge-type losses, where the derivative is a convention.
 */
class LossGradCheckTest {
    private static final Generator GEN = new Generator(20240607);

    private static Tensor randn(int... shape) {
        return Tensor.randn(DType.FLOAT64, GEN, shape).requiresGrad_(true);
    }

    private static Tensor rand(double lo, double hi, int... shape) {
        return Tensor.rand(DType.FLOAT64, GEN, shape).mul(hi - lo).add(lo).detach().requiresGrad_(true);
    }

    private static Tensor constRand(double lo, double hi, int... shape) {
        return Tensor.rand(DType.FLOAT64, GEN, shape).mul(hi - lo).add(lo).detach();
    }

    private static Tensor signs(int... shape) {
        return Tensor.randint(0, 2, GEN, shape).mul(2).sub(1).to(DType.FLOAT64);
    }

    private static Tensor labels(int c, int... shape) {
        return Tensor.randint(0, c, GEN, shape);
    }

    private final List<DynamicTest> tests = new ArrayList<>();

    private void add(String name, Function<Tensor[], Tensor> fn, Tensor... inputs) {
        tests.add(DynamicTest.dynamicTest(name, () -> GradCheck.check(fn, inputs)));
    }

    @TestFactory
    Stream<DynamicTest> gradients() {
        for (Reduction r : new Reduction[] {Reduction.NONE, Reduction.MEAN, Reduction.SUM}) {
            String s = "/" + r;
            // everything a lambda reads must be fixed outside it: GradCheck calls it many times
            Tensor w4 = constRand(0.5, 2, 4), w31 = constRand(0.5, 2, 3, 1), pw4 = constRand(0.5, 3, 4);
            Tensor signs34 = signs(3, 4), labels4 = labels(5, 4);
            add("l1Loss" + s, in -> F.l1Loss(in[0], in[1], r), randn(3, 4), randn(3, 4));
            add("mseLoss broadcast" + s, in -> F.mseLoss(in[0], in[1], r), randn(3, 4), randn(4));
            add("huberLoss" + s, in -> F.huberLoss(in[0], in[1], r, 0.7), randn(3, 4), randn(3, 4));
            add("smoothL1Loss" + s, in -> F.smoothL1Loss(in[0], in[1], r, 0.6), randn(3, 4), randn(3, 4));
            add("poissonNllLoss full" + s, in -> F.poissonNllLoss(in[0], in[1], PoissonNll.opts().full(true).reduction(r)),
                    randn(3, 4), rand(1.5, 4, 3, 4));
            add("poissonNllLoss rate" + s, in -> F.poissonNllLoss(in[0], in[1], PoissonNll.opts().logInput(false).reduction(r)),
                    rand(0.2, 3, 3, 4), rand(0, 4, 3, 4));
            add("gaussianNllLoss" + s, in -> F.gaussianNllLoss(in[0], in[1], in[2], GaussianNll.opts().full(true).reduction(r)),
                    randn(4, 3), randn(4, 3), rand(0.2, 2, 4));
            add("klDiv" + s, in -> F.klDiv(in[0], in[1], r, false), randn(3, 4), rand(0.1, 1, 3, 4));
            add("klDiv logTarget" + s, in -> F.klDiv(in[0], in[1], r, true), randn(3, 4), randn(3, 4));
            add("binaryCrossEntropy" + s, in -> F.binaryCrossEntropy(in[0], in[1], w4, r),
                    rand(0.05, 0.95, 3, 4), rand(0, 1, 3, 4));
            add("binaryCrossEntropyWithLogits" + s, in -> F.binaryCrossEntropyWithLogits(in[0], in[1],
                    BinaryCrossEntropyWithLogits.opts().weight(w31).posWeight(pw4).reduction(r)),
                    randn(3, 4).mul(3).detach().requiresGrad_(true), rand(0, 1, 3, 4));
            Tensor w5 = constRand(0.5, 2, 5);
            add("nllLoss 3-D weight ignore" + s, in -> F.nllLoss(in[0], Tensor.fromArray(new long[] {0, 4, 2, 1, 4, 3}, 2, 3),
                    Nll.opts().weight(w5).ignoreIndex(4).reduction(r)), randn(2, 5, 3));
            add("crossEntropy fused weight ignore" + s, in -> F.crossEntropy(in[0], Tensor.of(new long[] {1, -100, 4, 0, 2}),
                    CrossEntropy.opts().weight(w5).reduction(r)), randn(5, 5));
            add("crossEntropy fused 3-D weight ignore" + s, in -> F.crossEntropy(in[0], Tensor.fromArray(new long[] {0, 4, 2, 1, 4, 3}, 2, 3),
                    CrossEntropy.opts().weight(w5).ignoreIndex(4).reduction(r)), randn(2, 5, 3));
            add("crossEntropy fused unbatched" + s, in -> F.crossEntropy(in[0], Tensor.scalar(3, DType.INT64),
                    CrossEntropy.opts().reduction(r)), randn(5));
            add("crossEntropy spatial smoothing" + s, in -> F.crossEntropy(in[0], Tensor.fromArray(new long[] {0, 4, 2, 1, 4, 3}, 2, 3),
                    CrossEntropy.opts().weight(w5).ignoreIndex(4).labelSmoothing(0.2).reduction(r)), randn(2, 5, 3));
            add("crossEntropy probabilities" + s, in -> F.crossEntropy(in[0], in[1],
                    CrossEntropy.opts().weight(w5).labelSmoothing(0.1).reduction(r)), randn(3, 5), rand(0, 1, 3, 5));
            add("softMarginLoss" + s, in -> F.softMarginLoss(in[0], signs34, r), randn(3, 4));
            add("multilabelSoftMarginLoss" + s, in -> F.multilabelSoftMarginLoss(in[0], in[1], w4, r),
                    randn(3, 4), rand(0, 1, 3, 4));
            add("multilabelMarginLoss" + s, in -> F.multilabelMarginLoss(in[0],
                    Tensor.fromArray(new long[] {3, 0, -1, 1, 1, 1, 2, -1}, 2, 4), r), randn(2, 4));
            add("multiMarginLoss p2" + s, in -> F.multiMarginLoss(in[0], labels4,
                    MultiMargin.opts().p(2).margin(0.9).weight(w5).reduction(r)), randn(4, 5));
            add("cosineEmbeddingLoss" + s, in -> F.cosineEmbeddingLoss(in[0], in[1], Tensor.of(new long[] {1, -1, -1, 1}), -0.5, r),
                    randn(4, 3), randn(4, 3));
            add("hingeEmbeddingLoss" + s, in -> F.hingeEmbeddingLoss(in[0], signs34, 2.5, r), rand(0, 2, 3, 4));
            add("marginRankingLoss" + s, in -> F.marginRankingLoss(in[0], in[1], in[2], 3.0, r), randn(5), randn(5), randn(5));
            add("tripletMarginLoss swap" + s, in -> F.tripletMarginLoss(in[0], in[1], in[2],
                    TripletMargin.opts().margin(4).p(1.5).swap(true).reduction(r)), randn(4, 3), randn(4, 3), randn(4, 3));
            add("tripletMarginWithDistanceLoss" + s, in -> F.tripletMarginWithDistanceLoss(in[0], in[1], in[2],
                    TripletMarginWithDistance.opts().distanceFunction((x, y) -> x.sub(y).square().sum(-1)).margin(5).reduction(r)),
                    randn(4, 3), randn(4, 3), randn(4, 3));
            // PyTorch's CTC gradient is the one of the logits under a log_softmax: check it through one
            Tensor targets = Tensor.fromArray(new long[] {1, 2, 2, 3, 3, 1, 0, 0}, 2, 4);
            add("ctcLoss through logSoftmax" + s, in -> F.ctcLoss(F.logSoftmax(in[0], 2), targets, Tensor.of(new long[] {8, 6}),
                    Tensor.of(new long[] {4, 2}), Ctc.opts().reduction(r)), randn(8, 2, 4));
        }
        return tests.stream();
    }
}
