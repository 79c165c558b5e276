package dev.nn4j.reliability;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.functional.GridSample;
import dev.nn4j.nn.functional.Interpolate;
import dev.nn4j.nn.functional.Sdpa;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Bad calls of padding, resampling, pixel shuffles, grids and attention. Complements VisionTest and AttentionTest. */
class VisionAttentionBadCallsTest {
    private static Tensor z(int... shape) {
        return Tensor.zeros(shape);
    }

    @TestFactory
    List<DynamicTest> vision() {
        BadCalls t = new BadCalls();
        Tensor x = z(1, 2, 4, 4);
        t.iae("pad odd length", () -> F.pad(x, new int[] {1, 1, 1}), "pad", "divisible by 2", "[1, 1, 1]");
        t.iae("pad too long", () -> F.pad(z(4), new int[] {1, 1, 1, 1}), "pad", "too large");
        t.iae("pad mode", () -> F.pad(x, new int[] {1, 1}, "mirror"), "pad", "'mirror'");
        t.iae("pad reflect too wide", () -> F.pad(x, new int[] {4, 4}, "reflect"), "pad", "reflect");
        t.iae("pad replicate of an empty dim", () -> F.pad(z(1, 2, 0, 4), new int[] {1, 1, 1, 1}, "replicate"), "pad", "replicate", "dimension 2",
                "(1, 2, 0, 4)");
        t.iae("pad null input", () -> F.pad(null, new int[] {1, 1}), "pad", "null");
        t.iae("pad null amounts", () -> F.pad(x, null), "pad", "null");
        t.iae("interpolate negative size", () -> F.interpolate(x, new int[] {-2, 4}, "nearest"), "interpolate", "-2");
        t.iae("interpolate zero size", () -> F.interpolate(x, new int[] {0, 4}, "bilinear"), "interpolate", "0");
        t.iae("interpolate negative scale", () -> F.interpolate(x, -2.0, "nearest"), "interpolate", "scale_factor", "-2");
        t.iae("interpolate NaN scale", () -> F.interpolate(x, Double.NaN, "nearest"), "interpolate", "scale_factor", "NaN");
        t.iae("interpolate infinite scale", () -> F.interpolate(x, Double.POSITIVE_INFINITY, "nearest"), "interpolate", "scale_factor", "Infinity");
        t.iae("interpolate null input", () -> F.interpolate(null, 2.0, "nearest"), "interpolate", "null");
        t.iae("interpolate mode", () -> F.interpolate(x, 2.0, "lanczos"), "interpolate", "'lanczos'");
        t.iae("interpolate size count", () -> Interpolate.opts().size(2, 2, 2).apply(x), "interpolate", "spatial dimensions");
        t.iae("gridSample batch", () -> F.gridSample(x, z(2, 3, 3, 2)), "grid_sample", "batch size");
        t.iae("gridSample dtype", () -> F.gridSample(x, Tensor.zeros(DType.FLOAT64, 1, 3, 3, 2)), "grid_sample", "float64");
        t.iae("gridSample int input", () -> F.gridSample(Tensor.zeros(DType.INT64, 1, 1, 2, 2), z(1, 3, 3, 2)), "grid_sample", "int64");
        t.iae("gridSample mode", () -> GridSample.opts().mode("cubic").apply(x, z(1, 3, 3, 2)), "grid_sample", "'cubic'");
        t.iae("affineGrid batch", () -> F.affineGrid(z(2, 2, 3), new int[] {1, 1, 4, 4}), "affine_grid", "batch size 1");
        t.iae("affineGrid size", () -> F.affineGrid(z(1, 2, 3), new int[] {1, 1, -4, 4}), "affine_grid", "-4");
        t.iae("pixelShuffle factor 0", () -> F.pixelShuffle(z(1, 4, 2, 2), 0), "pixel_shuffle", "upscale_factor", "0");
        t.iae("pixelShuffle channels", () -> F.pixelShuffle(z(1, 3, 2, 2), 2), "pixel_shuffle", "divisible", "3");
        t.iae("pixelUnshuffle factor", () -> F.pixelUnshuffle(z(1, 1, 4, 4), -1), "pixel_unshuffle", "-1");
        t.iae("pixelUnshuffle 2-D", () -> F.pixelUnshuffle(z(4, 4), 2), "pixel_unshuffle", "at least 3 dimensions", "(4, 4)");
        t.iae("channelShuffle groups", () -> F.channelShuffle(z(1, 6, 2), 4), "channel_shuffle", "divisible", "6");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> attention() {
        BadCalls t = new BadCalls();
        Tensor q = z(2, 3, 4), k = z(2, 5, 4), v = z(2, 5, 6);
        t.iae("sdpa key size", () -> F.scaledDotProductAttention(q, z(2, 5, 3), v), "scaled_dot_product_attention", "E");
        t.iae("sdpa value length", () -> F.scaledDotProductAttention(q, k, z(2, 4, 6)), "scaled_dot_product_attention", "S");
        t.iae("sdpa batch", () -> F.scaledDotProductAttention(q, z(3, 5, 4), z(3, 5, 6)), "scaled_dot_product_attention", "batch dimensions", "(2, 3, 4)", "(3, 5, 4)");
        t.iae("sdpa 1-D query", () -> F.scaledDotProductAttention(z(4), k, v), "scaled_dot_product_attention", "(4,)");
        t.iae("sdpa dropout p", () -> Sdpa.opts().dropoutP(1.5).apply(q, k, v), "scaled_dot_product_attention", "dropout_p", "1.5");
        t.iae("sdpa mask shape", () -> Sdpa.opts().attnMask(z(4, 4)).apply(q, k, v), "scaled_dot_product_attention", "(4, 4)");
        t.iae("sdpa int mask", () -> Sdpa.opts().attnMask(Tensor.zeros(DType.INT64, 3, 5)).apply(q, k, v),
                "scaled_dot_product_attention", "attn_mask", "int64");
        t.iae("sdpa int query", () -> F.scaledDotProductAttention(Tensor.zeros(DType.INT64, 2, 3, 4), k, v),
                "scaled_dot_product_attention", "int64");
        t.iae("sdpa null key", () -> F.scaledDotProductAttention(q, null, v), "scaled_dot_product_attention", "null");
        Tensor x = z(3, 2, 4);
        Tensor[] w = {z(12, 4), z(12), z(4, 4), z(4)};
        t.iae("mha heads 0", () -> F.multiHeadAttentionForward(x, x, x, 4, 0, w[0], w[1], null, null, false, 0, w[2], w[3]),
                "multi_head_attention_forward", "num_heads", "0");
        t.iae("mha in_proj shape", () -> F.multiHeadAttentionForward(x, x, x, 4, 2, z(8, 4), w[1], null, null, false, 0, w[2], w[3]),
                "multi_head_attention_forward", "in_proj_weight", "(8, 4)");
        t.iae("mha out_proj shape", () -> F.multiHeadAttentionForward(x, x, x, 4, 2, w[0], w[1], null, null, false, 0, z(4, 3), w[3]),
                "multi_head_attention_forward", "out_proj_weight", "(4, 3)");
        t.iae("mha dropout", () -> F.multiHeadAttentionForward(x, x, x, 4, 2, w[0], w[1], null, null, false, 2, w[2], w[3]),
                "dropout", "2");
        t.iae("mha query 4-D", () -> F.multiHeadAttentionForward(z(1, 3, 2, 4), x, x, 4, 2, w[0], w[1], null, null, false, 0, w[2], w[3]),
                "multi_head_attention_forward", "(1, 3, 2, 4)");
        return t.tests();
    }
}
