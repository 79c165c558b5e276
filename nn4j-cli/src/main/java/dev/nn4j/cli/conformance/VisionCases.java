package dev.nn4j.cli.conformance;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.GridSample;
import dev.nn4j.nn.functional.Interpolate;
import dev.nn4j.nn.functional.Mha;
import dev.nn4j.nn.functional.Sdpa;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conformance mappings of the vision functions (pad, interpolate and its upsample aliases, grid_sample,
 * affine_grid, pixel/channel shuffles) and attention (scaled_dot_product_attention,
 * multi_head_attention_forward). Every PyTorch argument is read with PyTorch's default.
 */
final class VisionCases {
    private VisionCases() {}

    static void register(Registry r) {
        r.functional("pad", (in, a) -> F.pad(in.get("input"), a.getInts("pad", new int[0]), a.getString("mode", "constant"),
                a.getDoubleOrNull("value")));
        r.functional("interpolate", (in, a) -> interpolateOpts(a, a.getString("mode", "nearest"), nullableBool(a, "align_corners"))
                .recomputeScaleFactor(nullableBool(a, "recompute_scale_factor"))
                .antialias(a.getBool("antialias", false))
                .apply(in.get("input")));
        r.functional("upsample", (in, a) -> interpolateOpts(a, a.getString("mode", "nearest"), nullableBool(a, "align_corners"))
                .apply(in.get("input")));
        r.functional("upsample_nearest", (in, a) -> interpolateOpts(a, "nearest", null).apply(in.get("input")));
        r.functional("upsample_bilinear", (in, a) -> interpolateOpts(a, "bilinear", true).apply(in.get("input")));
        r.functional("grid_sample", (in, a) -> GridSample.opts()
                .mode(a.getString("mode", "bilinear"))
                .paddingMode(a.getString("padding_mode", "zeros"))
                .alignCorners(a.getBool("align_corners", false))
                .apply(in.get("input"), in.get("grid")));
        r.functional("affine_grid", (in, a) -> F.affineGrid(in.get("theta"), a.getInts("size", null), a.getBool("align_corners", false)));
        r.functional("pixel_shuffle", (in, a) -> F.pixelShuffle(in.get("input"), a.getInt("upscale_factor", 1)));
        r.functional("pixel_unshuffle", (in, a) -> F.pixelUnshuffle(in.get("input"), a.getInt("downscale_factor", 1)));
        r.functional("channel_shuffle", (in, a) -> F.channelShuffle(in.get("input"), a.getInt("groups", 1)));
        r.functional("native_channel_shuffle", (in, a) -> F.channelShuffle(in.get("input"), a.getInt("groups", 1)));
        r.functional("scaled_dot_product_attention", (in, a) -> Sdpa.opts()
                .attnMask(in.get("attn_mask"))
                .dropoutP(a.getDouble("dropout_p", 0))
                .isCausal(a.getBool("is_causal", false))
                .scale(a.getDoubleOrNull("scale"))
                .enableGqa(a.getBool("enable_gqa", false))
                .apply(in.get("query"), in.get("key"), in.get("value")));
        r.functional("multi_head_attention_forward", VisionCases::multiHeadAttentionForward);
    }

    private static Interpolate interpolateOpts(Args a, String mode, Boolean alignCorners) {
        return Interpolate.opts()
                .size(a.has("size") ? a.getInts("size", null) : null)
                .scaleFactor(a.has("scale_factor") ? a.getDoubles("scale_factor", null) : null)
                .mode(mode)
                .alignCorners(alignCorners);
    }

    private static Boolean nullableBool(Args a, String key) {
        return a.has(key) ? a.getBool(key, false) : null;
    }

    private static Object multiHeadAttentionForward(Map<String, Tensor> in, Args a) {
        Mha opts = Mha.opts()
                .training(a.getBool("training", true))
                .keyPaddingMask(in.get("key_padding_mask"))
                .needWeights(a.getBool("need_weights", true))
                .attnMask(in.get("attn_mask"))
                .useSeparateProjWeight(a.getBool("use_separate_proj_weight", false))
                .projWeights(in.get("q_proj_weight"), in.get("k_proj_weight"), in.get("v_proj_weight"))
                .staticK(in.get("static_k"))
                .staticV(in.get("static_v"))
                .averageAttnWeights(a.getBool("average_attn_weights", true));
        Tensor query = in.get("query");
        // PyTorch's self-attention fast path keys on identity; a case stores equal tensors separately, which is equivalent
        Mha.Output o = opts.apply(query, in.get("key"), in.get("value"), a.getInt("embed_dim_to_check", query.size(-1)),
                a.getInt("num_heads", 1), in.get("in_proj_weight"), in.get("in_proj_bias"), in.get("bias_k"), in.get("bias_v"),
                a.getBool("add_zero_attn", false), a.getDouble("dropout_p", 0), in.get("out_proj_weight"), in.get("out_proj_bias"));
        List<Tensor> outs = new ArrayList<>();
        outs.add(o.output());
        if (o.weights() != null) outs.add(o.weights());
        return outs;
    }
}
