package dev.nn4j.cli.conformance;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import java.util.Map;

/**
 * Conformance mappings of the linear, dropout, sparse and distance functions, every PyTorch argument with its
 * default. Random ops (dropout with {@code training=True} and {@code 0 < p < 1}) draw from the default generator;
 * conformance files only hold their deterministic forms.
 */
final class LayerCases {
    private LayerCases() {}

    private interface Dropper {
        Tensor apply(Tensor x, double p, boolean training, boolean inplace);
    }

    private static void dropout(Registry r, String op, Dropper d, boolean trainingDefault) {
        r.functional(op, (in, a) -> d.apply(ActivationCases.input(in), a.getDouble("p", 0.5), a.getBool("training", trainingDefault),
                a.getBool("inplace", false)));
    }

    private static Tensor first(Map<String, Tensor> in, String... names) {
        for (String n : names) if (in.containsKey(n)) return in.get(n);
        throw new CaseFormatException("expected an input tensor named " + String.join(" or ", names) + ", got " + in.keySet());
    }

    static void register(Registry r) {
        r.functional("linear", (in, a) -> F.linear(ActivationCases.input(in), in.get("weight"), in.get("bias")));
        r.functional("bilinear", (in, a) -> F.bilinear(first(in, "input1"), first(in, "input2"), in.get("weight"), in.get("bias")));

        dropout(r, "dropout", F::dropout, true);
        dropout(r, "dropout1d", F::dropout1d, true);
        dropout(r, "dropout2d", F::dropout2d, true);
        dropout(r, "dropout3d", F::dropout3d, true);
        dropout(r, "alpha_dropout", F::alphaDropout, false);
        dropout(r, "feature_alpha_dropout", F::featureAlphaDropout, false);

        r.functional("embedding", (in, a) -> F.embedding(ActivationCases.input(in), in.get("weight"), a.getIntOrNull("padding_idx"),
                a.getDoubleOrNull("max_norm"), a.getDouble("norm_type", 2.0), a.getBool("scale_grad_by_freq", false),
                a.getBool("sparse", false)));
        r.functional("embedding_bag", (in, a) -> F.embeddingBag(ActivationCases.input(in), in.get("weight"), in.get("offsets"),
                a.getDoubleOrNull("max_norm"), a.getDouble("norm_type", 2.0), a.getBool("scale_grad_by_freq", false),
                a.getString("mode", "mean"), a.getBool("sparse", false), in.get("per_sample_weights"),
                a.getBool("include_last_offset", false), a.getIntOrNull("padding_idx")));
        r.functional("one_hot", (in, a) -> F.oneHot(first(in, "input", "tensor"), a.getInt("num_classes", -1)));

        r.functional("pairwise_distance", (in, a) -> F.pairwiseDistance(first(in, "x1"), first(in, "x2"), a.getDouble("p", 2.0),
                a.getDouble("eps", 1e-6), a.getBool("keepdim", false)));
        r.functional("cosine_similarity", (in, a) -> F.cosineSimilarity(first(in, "x1"), first(in, "x2"), a.getInt("dim", 1),
                a.getDouble("eps", 1e-8)));
        r.functional("pdist", (in, a) -> F.pdist(ActivationCases.input(in), a.getDouble("p", 2.0)));
    }
}
