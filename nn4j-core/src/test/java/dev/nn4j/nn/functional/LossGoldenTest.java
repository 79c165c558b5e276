package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every loss against PyTorch 1.13 ({@code tools/golden/loss_cases.py}): outputs and input gradients for
 * reductions, options and shapes the shared conformance file does not cover. Each case runs in float32 (within
 * the case's tolerance) and in float64, where the reference (computed by PyTorch in float64 from the same values)
 * must be matched to about 1e-9.
 */
class LossGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> c : LossGolden.load("/golden/losses.jsonl")) {
            String id = (String) c.get("id");
            tests.add(DynamicTest.dynamicTest(id + " [float32]", () -> run(c, DType.FLOAT32)));
            tests.add(DynamicTest.dynamicTest(id + " [float64]", () -> run(c, DType.FLOAT64)));
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    private static void run(Map<String, Object> c, DType dt) {
        Map<String, Object> grads = (Map<String, Object>) c.getOrDefault("grads", Map.of());
        Map<String, Tensor> in = new LinkedHashMap<>();
        ((Map<String, Object>) c.get("inputs")).forEach((k, v) -> {
            Tensor t = LossGolden.tensor(v, dt);
            if (grads.containsKey(k)) t.requiresGrad_(true);
            in.put(k, t);
        });
        Map<String, Object> tol = (Map<String, Object>) c.get("tol");
        double rtol = dt == DType.FLOAT32 ? ((Number) tol.get("rtol")).doubleValue() : 1e-9;
        double atol = dt == DType.FLOAT32 ? ((Number) tol.get("atol")).doubleValue() : 1e-10;
        Tensor out = call((String) c.get("op"), in, (Map<String, Object>) c.get("args"));
        assertNull(LossGolden.compare(out, LossGolden.tensor(c.get("output"), DType.FLOAT64), rtol, atol), "output");
        if (grads.isEmpty()) return;
        Autograd.backward(List.of(out), List.of(LossGolden.tensor(c.get("grad_output"), dt)));
        for (Map.Entry<String, Object> e : grads.entrySet()) {
            Tensor x = in.get(e.getKey());
            Tensor g = x.grad() != null ? x.grad() : Tensor.zerosLike(x);
            assertNull(LossGolden.compare(g, LossGolden.tensor(e.getValue(), DType.FLOAT64), rtol, atol), "grad " + e.getKey());
        }
    }

    private static Reduction reduction(Map<String, Object> a) {
        if (a.containsKey("size_average") || a.containsKey("reduce")) {
            return Reduction.legacy((Boolean) a.get("size_average"), (Boolean) a.get("reduce"));
        }
        return Reduction.of((String) a.getOrDefault("reduction", "mean"));
    }

    private static double num(Map<String, Object> a, String k, double def) {
        return a.containsKey(k) ? ((Number) a.get(k)).doubleValue() : def;
    }

    private static boolean bool(Map<String, Object> a, String k, boolean def) {
        return a.containsKey(k) ? (Boolean) a.get(k) : def;
    }

    @SuppressWarnings("unchecked")
    private static Tensor lengths(Map<String, Tensor> in, Map<String, Object> a, String k) {
        if (in.containsKey(k)) return in.get(k);
        return Tensor.of(((List<Object>) a.get(k)).stream().mapToLong(o -> ((Number) o).longValue()).toArray());
    }

    /** The F call each op name stands for, with PyTorch's defaults. */
    private static Tensor call(String op, Map<String, Tensor> in, Map<String, Object> a) {
        Tensor input = in.get("input"), target = in.get("target");
        Reduction r = reduction(a);
        long ignore = (long) num(a, "ignore_index", -100);
        return switch (op) {
            case "l1_loss" -> F.l1Loss(input, target, r);
            case "mse_loss" -> F.mseLoss(input, target, r);
            case "huber_loss" -> F.huberLoss(input, target, r, num(a, "delta", 1));
            case "smooth_l1_loss" -> F.smoothL1Loss(input, target, r, num(a, "beta", 1));
            case "poisson_nll_loss" -> F.poissonNllLoss(input, target, PoissonNll.opts().logInput(bool(a, "log_input", true))
                    .full(bool(a, "full", false)).eps(num(a, "eps", 1e-8)).reduction(r));
            case "gaussian_nll_loss" -> F.gaussianNllLoss(input, target, in.get("var"),
                    GaussianNll.opts().full(bool(a, "full", false)).eps(num(a, "eps", 1e-6)).reduction(r));
            case "kl_div" -> F.klDiv(input, target, r, bool(a, "log_target", false));
            case "binary_cross_entropy" -> F.binaryCrossEntropy(input, target, in.get("weight"), r);
            case "binary_cross_entropy_with_logits" -> F.binaryCrossEntropyWithLogits(input, target,
                    BinaryCrossEntropyWithLogits.opts().weight(in.get("weight")).posWeight(in.get("pos_weight")).reduction(r));
            case "nll_loss" -> F.nllLoss(input, target, Nll.opts().weight(in.get("weight")).ignoreIndex(ignore).reduction(r));
            case "cross_entropy" -> F.crossEntropy(input, target, CrossEntropy.opts().weight(in.get("weight")).ignoreIndex(ignore)
                    .labelSmoothing(num(a, "label_smoothing", 0)).reduction(r));
            case "ctc_loss" -> F.ctcLoss(in.get("log_probs"), in.get("targets"), lengths(in, a, "input_lengths"),
                    lengths(in, a, "target_lengths"), Ctc.opts().blank((int) num(a, "blank", 0)).reduction(r)
                            .zeroInfinity(bool(a, "zero_infinity", false)));
            case "soft_margin_loss" -> F.softMarginLoss(input, target, r);
            case "multilabel_soft_margin_loss" -> F.multilabelSoftMarginLoss(input, target, in.get("weight"), r);
            case "multilabel_margin_loss" -> F.multilabelMarginLoss(input, target, r);
            case "multi_margin_loss" -> F.multiMarginLoss(input, target, MultiMargin.opts().p((int) num(a, "p", 1))
                    .margin(num(a, "margin", 1)).weight(in.get("weight")).reduction(r));
            case "cosine_embedding_loss" -> F.cosineEmbeddingLoss(in.get("input1"), in.get("input2"), target, num(a, "margin", 0), r);
            case "hinge_embedding_loss" -> F.hingeEmbeddingLoss(input, target, num(a, "margin", 1), r);
            case "margin_ranking_loss" -> F.marginRankingLoss(in.get("input1"), in.get("input2"), target, num(a, "margin", 0), r);
            case "triplet_margin_loss" -> F.tripletMarginLoss(in.get("anchor"), in.get("positive"), in.get("negative"),
                    TripletMargin.opts().margin(num(a, "margin", 1)).p(num(a, "p", 2)).eps(num(a, "eps", 1e-6))
                            .swap(bool(a, "swap", false)).reduction(r));
            case "triplet_margin_with_distance_loss" -> F.tripletMarginWithDistanceLoss(in.get("anchor"), in.get("positive"),
                    in.get("negative"), TripletMarginWithDistance.opts().margin(num(a, "margin", 1)).swap(bool(a, "swap", false)).reduction(r));
            default -> throw new IllegalArgumentException("no mapping for " + op);
        };
    }
}
