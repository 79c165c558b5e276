package dev.nn4j.cli.conformance;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Conformance mappings of the normalization functions, every PyTorch argument with its default.
 * {@code batch_norm}/{@code instance_norm} get their running statistics as case inputs; like the reference
 * runner they run on clones (the functional cases compare outputs and gradients, the module cases the updates).
 */
final class NormCases {
    private NormCases() {}

    private static Tensor cloneOrNull(Tensor t) {
        return t == null ? null : t.detach().clone();
    }

    static void register(Registry r) {
        r.functional("batch_norm", (in, a) -> F.batchNorm(ActivationCases.input(in), cloneOrNull(in.get("running_mean")),
                cloneOrNull(in.get("running_var")), in.get("weight"), in.get("bias"), a.getBool("training", false),
                a.getDouble("momentum", 0.1), a.getDouble("eps", 1e-5)));
        r.functional("instance_norm", (in, a) -> F.instanceNorm(ActivationCases.input(in), cloneOrNull(in.get("running_mean")),
                cloneOrNull(in.get("running_var")), in.get("weight"), in.get("bias"), a.getBool("use_input_stats", true),
                a.getDouble("momentum", 0.1), a.getDouble("eps", 1e-5)));
        r.functional("layer_norm", (in, a) -> F.layerNorm(ActivationCases.input(in), normalizedShape(a), in.get("weight"),
                in.get("bias"), a.getDouble("eps", 1e-5)));
        r.functional("group_norm", (in, a) -> F.groupNorm(ActivationCases.input(in), requiredInt(a, "num_groups"), in.get("weight"),
                in.get("bias"), a.getDouble("eps", 1e-5)));
        r.functional("local_response_norm", (in, a) -> F.localResponseNorm(ActivationCases.input(in), requiredInt(a, "size"),
                a.getDouble("alpha", 1e-4), a.getDouble("beta", 0.75), a.getDouble("k", 1.0)));
        r.functional("rms_norm", (in, a) -> F.rmsNorm(ActivationCases.input(in), normalizedShape(a), in.get("weight"),
                a.getDoubleOrNull("eps")));
        r.functional("normalize", (in, a) -> F.normalize(ActivationCases.input(in), a.getDouble("p", 2.0), a.getInt("dim", 1),
                a.getDouble("eps", 1e-12)));
    }

    static int[] normalizedShape(Args a) {
        int[] s = a.getInts("normalized_shape", 1, null);
        if (s == null) throw new CaseFormatException("missing required argument 'normalized_shape'");
        return s;
    }

    static int requiredInt(Args a, String key) {
        if (!a.has(key)) throw new CaseFormatException("missing required argument '" + key + "'");
        return a.getInt(key, 0);
    }
}
