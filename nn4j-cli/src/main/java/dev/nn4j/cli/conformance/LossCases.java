package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.BinaryCrossEntropyWithLogits;
import dev.nn4j.nn.functional.CrossEntropy;
import dev.nn4j.nn.functional.Ctc;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.GaussianNll;
import dev.nn4j.nn.functional.MultiMargin;
import dev.nn4j.nn.functional.Nll;
import dev.nn4j.nn.functional.PoissonNll;
import dev.nn4j.nn.functional.Reduction;
import dev.nn4j.nn.functional.TripletMargin;
import dev.nn4j.nn.functional.TripletMarginWithDistance;
import java.util.Map;

/**
 * Conformance mappings of the loss functions of {@code torch.nn.functional}, with PyTorch's parameter names and
 * defaults. Tensor arguments come from the case's inputs, the rest from its args; the deprecated
 * {@code size_average} / {@code reduce} flags map onto a reduction as {@code torch.nn._reduction} does.
 */
final class LossCases {
    private LossCases() {}

    /** PyTorch's {@code reduction} argument, or the legacy flags when a case gives them. */
    static Reduction reduction(Args a) {
        if (a.has("size_average") || a.has("reduce")) {
            Boolean sizeAverage = a.has("size_average") ? a.getBool("size_average", true) : null;
            Boolean reduce = a.has("reduce") ? a.getBool("reduce", true) : null;
            return Reduction.legacy(sizeAverage, reduce);
        }
        return Reduction.of(a.getString("reduction", "mean"));
    }

    /** A tensor argument that may come as an input or, for list-valued arguments (lengths), as an arg. */
    private static Tensor tensorOrList(Map<String, Tensor> in, Args a, String key) {
        if (in.containsKey(key)) return in.get(key);
        JsonNode v = a.raw(key);
        if (v == null || v.isNull()) throw new CaseFormatException("missing argument '" + key + "'");
        if (!v.isArray()) return Tensor.of(new long[] {v.asLong()}).reshape();
        long[] r = new long[v.size()];
        for (int i = 0; i < r.length; i++) r[i] = v.get(i).asLong();
        return Tensor.of(r);
    }

    static void register(Registry r) {
        r.functional("l1_loss", (in, a) -> F.l1Loss(in.get("input"), in.get("target"), reduction(a)));
        r.functional("mse_loss", (in, a) -> F.mseLoss(in.get("input"), in.get("target"), reduction(a)));
        r.functional("huber_loss", (in, a) -> F.huberLoss(in.get("input"), in.get("target"), reduction(a), a.getDouble("delta", 1.0)));
        r.functional("smooth_l1_loss", (in, a) -> F.smoothL1Loss(in.get("input"), in.get("target"), reduction(a), a.getDouble("beta", 1.0)));
        r.functional("poisson_nll_loss", (in, a) -> F.poissonNllLoss(in.get("input"), in.get("target"), PoissonNll.opts()
                .logInput(a.getBool("log_input", true)).full(a.getBool("full", false)).eps(a.getDouble("eps", 1e-8))
                .reduction(reduction(a))));
        r.functional("gaussian_nll_loss", (in, a) -> F.gaussianNllLoss(in.get("input"), in.get("target"), in.get("var"),
                GaussianNll.opts().full(a.getBool("full", false)).eps(a.getDouble("eps", 1e-6)).reduction(reduction(a))));
        r.functional("kl_div", (in, a) -> F.klDiv(in.get("input"), in.get("target"), reduction(a), a.getBool("log_target", false)));
        r.functional("binary_cross_entropy", (in, a) ->
                F.binaryCrossEntropy(in.get("input"), in.get("target"), in.get("weight"), reduction(a)));
        r.functional("binary_cross_entropy_with_logits", (in, a) -> F.binaryCrossEntropyWithLogits(in.get("input"), in.get("target"),
                BinaryCrossEntropyWithLogits.opts().weight(in.get("weight")).posWeight(in.get("pos_weight")).reduction(reduction(a))));
        r.functional("nll_loss", (in, a) -> F.nllLoss(in.get("input"), in.get("target"), Nll.opts()
                .weight(in.get("weight")).ignoreIndex(a.getLong("ignore_index", -100)).reduction(reduction(a))));
        r.functional("cross_entropy", (in, a) -> F.crossEntropy(in.get("input"), in.get("target"), CrossEntropy.opts()
                .weight(in.get("weight")).ignoreIndex(a.getLong("ignore_index", -100))
                .labelSmoothing(a.getDouble("label_smoothing", 0.0)).reduction(reduction(a))));
        r.functional("ctc_loss", (in, a) -> F.ctcLoss(in.get("log_probs"), in.get("targets"),
                tensorOrList(in, a, "input_lengths"), tensorOrList(in, a, "target_lengths"),
                Ctc.opts().blank(a.getInt("blank", 0)).reduction(reduction(a)).zeroInfinity(a.getBool("zero_infinity", false))));
        r.functional("margin_ranking_loss", (in, a) -> F.marginRankingLoss(in.get("input1"), in.get("input2"), in.get("target"),
                a.getDouble("margin", 0), reduction(a)));
        r.functional("hinge_embedding_loss", (in, a) -> F.hingeEmbeddingLoss(in.get("input"), in.get("target"),
                a.getDouble("margin", 1.0), reduction(a)));
        r.functional("cosine_embedding_loss", (in, a) -> F.cosineEmbeddingLoss(in.get("input1"), in.get("input2"), in.get("target"),
                a.getDouble("margin", 0), reduction(a)));
        r.functional("soft_margin_loss", (in, a) -> F.softMarginLoss(in.get("input"), in.get("target"), reduction(a)));
        r.functional("multilabel_margin_loss", (in, a) -> F.multilabelMarginLoss(in.get("input"), in.get("target"), reduction(a)));
        r.functional("multilabel_soft_margin_loss", (in, a) ->
                F.multilabelSoftMarginLoss(in.get("input"), in.get("target"), in.get("weight"), reduction(a)));
        r.functional("multi_margin_loss", (in, a) -> F.multiMarginLoss(in.get("input"), in.get("target"), MultiMargin.opts()
                .p(a.getInt("p", 1)).margin(a.getDouble("margin", 1.0)).weight(in.get("weight")).reduction(reduction(a))));
        r.functional("triplet_margin_loss", (in, a) -> F.tripletMarginLoss(in.get("anchor"), in.get("positive"), in.get("negative"),
                TripletMargin.opts().margin(a.getDouble("margin", 1.0)).p(a.getDouble("p", 2)).eps(a.getDouble("eps", 1e-6))
                        .swap(a.getBool("swap", false)).reduction(reduction(a))));
        r.functional("triplet_margin_with_distance_loss", (in, a) -> {
            if (a.has("distance_function")) {
                throw new SkipCase("triplet_margin_with_distance_loss: a distance_function given in JSON cannot be mapped to a Java function");
            }
            return F.tripletMarginWithDistanceLoss(in.get("anchor"), in.get("positive"), in.get("negative"),
                    TripletMarginWithDistance.opts().margin(a.getDouble("margin", 1.0)).swap(a.getBool("swap", false)).reduction(reduction(a)));
        });
    }
}
