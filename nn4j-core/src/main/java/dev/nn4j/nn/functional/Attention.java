package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/**
 * Attention behind {@link F}: scaled dot-product attention (PyTorch 2.x semantics) and
 * {@code multi_head_attention_forward} (PyTorch 1.13), both composites of matmul, masking and softmax.
 */
final class Attention {
    private Attention() {}

    static Tensor scaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor attnMask, double dropoutP, boolean isCausal,
                                            Double scale, boolean enableGqa, Generator generator) {
        String op = "scaled_dot_product_attention";
        if (q == null || k == null || v == null) throw new IllegalArgumentException(op + ": query, key and value must not be null");
        if (q.dim() < 2 || k.dim() < 2 || v.dim() < 2) {
            throw new IllegalArgumentException(op + ": expected query, key and value of at least 2 dimensions (..., L|S, E), got "
                    + Shapes.str(q.shape()) + ", " + Shapes.str(k.shape()) + ", " + Shapes.str(v.shape()));
        }
        if (!q.isFloatingPoint() || q.dtype() != k.dtype() || q.dtype() != v.dtype()) {
            throw new IllegalArgumentException(op + ": expected query, key and value to have the same floating point dtype, got "
                    + q.dtype() + ", " + k.dtype() + ", " + v.dtype());
        }
        if (q.size(-1) != k.size(-1)) {
            throw new IllegalArgumentException(op + ": query and key must have the same embedding size E, got query "
                    + Shapes.str(q.shape()) + " and key " + Shapes.str(k.shape()));
        }
        if (k.size(-2) != v.size(-2)) {
            throw new IllegalArgumentException(op + ": key and value must have the same sequence length S, got key "
                    + Shapes.str(k.shape()) + " and value " + Shapes.str(v.shape()));
        }
        if (!(dropoutP >= 0 && dropoutP <= 1)) {
            throw new IllegalArgumentException(op + ": dropout_p has to be between 0 and 1, but got " + dropoutP);
        }
        if (enableGqa) {
            if (q.dim() < 3 || k.dim() < 3 || v.dim() < 3) {
                throw new IllegalArgumentException(op + ": enable_gqa needs a heads dimension (..., H, L, E) on query, key and value");
            }
            int hq = q.size(-3), hk = k.size(-3), hv = v.size(-3);
            if (hq % hk != 0 || hq % hv != 0) {
                throw new IllegalArgumentException(op + ": with enable_gqa the number of query heads (" + hq
                        + ") must be a multiple of the key heads (" + hk + ") and value heads (" + hv + ")");
            }
            if (hk != hq) k = k.repeatInterleave(hq / hk, -3);
            if (hv != hq) v = v.repeatInterleave(hq / hv, -3);
        }
        int[] qb = java.util.Arrays.copyOf(q.shape(), q.dim() - 2), kb = java.util.Arrays.copyOf(k.shape(), k.dim() - 2);
        int[] vb = java.util.Arrays.copyOf(v.shape(), v.dim() - 2);
        try {
            Shapes.broadcast(op, Shapes.broadcast(op, qb, kb), vb);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": the batch dimensions of query " + Shapes.str(q.shape()) + ", key " + Shapes.str(k.shape())
                    + " and value " + Shapes.str(v.shape()) + " are not broadcastable (all but the last two dimensions)");
        }
        int l = q.size(-2), s = k.size(-2);
        double sf = scale != null ? scale : 1 / Math.sqrt(q.size(-1));
        Tensor scores = q.matmul(k.mT()).mul(sf);
        if (isCausal) {
            // the reference's semantics: the causal mask and an explicit attn_mask both apply (PyTorch 2.x rejects the pair)
            Tensor allowed = Tensor.ones(DType.BOOL, l, s).tril();
            scores = scores.maskedFill(allowed.logicalNot(), Double.NEGATIVE_INFINITY);
        }
        if (attnMask != null) {
            requireBroadcastable(op, "attn_mask", attnMask, scores);
            if (attnMask.dtype() == DType.BOOL) {
                scores = scores.maskedFill(attnMask.logicalNot(), Double.NEGATIVE_INFINITY);
            } else if (attnMask.isFloatingPoint()) {
                scores = scores.add(attnMask);
            } else {
                throw new IllegalArgumentException(op + ": expected attn_mask of dtype bool or floating point, got " + attnMask.dtype());
            }
        }
        Tensor p = F.softmax(scores, -1);
        if (dropoutP > 0) p = F.dropout(p, dropoutP, true, false, generator);
        return p.matmul(v);
    }

    private static void requireBroadcastable(String op, String name, Tensor mask, Tensor scores) {
        int[] b;
        try {
            b = Shapes.broadcast(op, mask.shape(), scores.shape());
        } catch (IllegalArgumentException e) {
            b = null;
        }
        if (b == null || !Arrays.equals(b, scores.shape())) {
            throw new IllegalArgumentException(op + ": " + name + " of shape " + Shapes.str(mask.shape())
                    + " is not broadcastable to the attention scores of shape " + Shapes.str(scores.shape()) + " (..., L, S)");
        }
    }

    static Mha.Output multiHeadAttentionForward(Tensor query, Tensor key, Tensor value, int embedDimToCheck, int numHeads,
                                                Tensor inProjWeight, Tensor inProjBias, Tensor biasK, Tensor biasV,
                                                boolean addZeroAttn, double dropoutP, Tensor outProjWeight, Tensor outProjBias,
                                                Mha o) {
        String op = "multi_head_attention_forward";
        Tensor keyPaddingMask = o.keyPaddingMask, attnMask = o.attnMask;
        boolean batched = shapeCheck(op, query, key, value, keyPaddingMask, attnMask, numHeads);
        if (!batched) {
            query = query.unsqueeze(1);
            key = key.unsqueeze(1);
            value = value.unsqueeze(1);
            if (keyPaddingMask != null) keyPaddingMask = keyPaddingMask.unsqueeze(0);
        }
        int tgtLen = query.size(0), bsz = query.size(1), embedDim = query.size(2);
        int srcLen = key.size(0);
        if (keyPaddingMask != null && keyPaddingMask.dtype() != DType.BOOL && !keyPaddingMask.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": only bool and floating types of key_padding_mask are supported, got "
                    + keyPaddingMask.dtype());
        }
        if (embedDim != embedDimToCheck) {
            throw new IllegalArgumentException(op + ": was expecting embedding dimension of " + embedDimToCheck + ", but got " + embedDim
                    + " (query of shape " + Shapes.str(query.shape()) + ")");
        }
        if (numHeads <= 0 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException(op + ": embed_dim " + embedDim + " not divisible by num_heads " + numHeads);
        }
        int headDim = embedDim / numHeads;
        if (outProjWeight == null || outProjWeight.dim() != 2 || outProjWeight.size(1) != embedDim) {
            throw new IllegalArgumentException(op + ": expected out_proj_weight of shape (E_out, " + embedDim + "), got "
                    + (outProjWeight == null ? "null" : Shapes.str(outProjWeight.shape())));
        }
        if (o.useSeparateProjWeight) {
            if (key.size(0) != value.size(0) || key.size(1) != value.size(1)) {
                throw new IllegalArgumentException(op + ": key's sequence and batch dims " + Shapes.str(Arrays.copyOf(key.shape(), 2))
                        + " do not match value's " + Shapes.str(Arrays.copyOf(value.shape(), 2)));
            }
        } else if (!Arrays.equals(key.shape(), value.shape())) {
            throw new IllegalArgumentException(op + ": key shape " + Shapes.str(key.shape()) + " does not match value shape "
                    + Shapes.str(value.shape()));
        }

        // in-projection
        Tensor q, k, v;
        if (!o.useSeparateProjWeight) {
            if (inProjWeight == null) throw new IllegalArgumentException(op + ": use_separate_proj_weight is False but in_proj_weight is null");
            Tensor[] qkv = inProjectionPacked(query, key, value, inProjWeight, inProjBias);
            q = qkv[0];
            k = qkv[1];
            v = qkv[2];
        } else {
            if (o.qProjWeight == null || o.kProjWeight == null || o.vProjWeight == null) {
                throw new IllegalArgumentException(op + ": use_separate_proj_weight is True but q_proj_weight, k_proj_weight or v_proj_weight is null");
            }
            Tensor[] b = inProjBias == null ? new Tensor[3] : inProjBias.chunk(3, 0);
            requireShape(op, "q_proj_weight", o.qProjWeight, embedDim, embedDim);
            requireShape(op, "k_proj_weight", o.kProjWeight, embedDim, key.size(-1));
            requireShape(op, "v_proj_weight", o.vProjWeight, embedDim, value.size(-1));
            q = F.linear(query, o.qProjWeight, b[0]);
            k = F.linear(key, o.kProjWeight, b[1]);
            v = F.linear(value, o.vProjWeight, b[2]);
        }

        // prep attention mask: (1 | bsz*heads, L, S)
        if (attnMask != null) {
            if (attnMask.dtype() != DType.BOOL && !attnMask.isFloatingPoint()) {
                throw new IllegalArgumentException(op + ": only float and bool types are supported for attn_mask, not " + attnMask.dtype());
            }
            if (attnMask.dim() == 2) {
                if (attnMask.size(0) != tgtLen || attnMask.size(1) != srcLen) {
                    throw new IllegalArgumentException(op + ": the shape of the 2D attn_mask is " + Shapes.str(attnMask.shape())
                            + ", but should be " + Shapes.str(new int[] {tgtLen, srcLen}) + ".");
                }
                attnMask = attnMask.unsqueeze(0);
            } else if (attnMask.dim() == 3) {
                if (attnMask.size(0) != bsz * numHeads || attnMask.size(1) != tgtLen || attnMask.size(2) != srcLen) {
                    throw new IllegalArgumentException(op + ": the shape of the 3D attn_mask is " + Shapes.str(attnMask.shape())
                            + ", but should be " + Shapes.str(new int[] {bsz * numHeads, tgtLen, srcLen}) + ".");
                }
            } else {
                throw new IllegalArgumentException(op + ": attn_mask's dimension " + attnMask.dim() + " is not supported");
            }
        }

        // add bias along the batch dimension (currently second)
        if (biasK != null && biasV != null) {
            if (o.staticK != null) throw new IllegalArgumentException(op + ": bias cannot be added to static key.");
            if (o.staticV != null) throw new IllegalArgumentException(op + ": bias cannot be added to static value.");
            k = Tensor.cat(0, k, biasK.repeat(1, bsz, 1));
            v = Tensor.cat(0, v, biasV.repeat(1, bsz, 1));
            if (attnMask != null) attnMask = Pad.pad(attnMask, new int[] {0, 1}, "constant", null);
            if (keyPaddingMask != null) keyPaddingMask = Pad.pad(keyPaddingMask, new int[] {0, 1}, "constant", null);
        } else if (biasK != null || biasV != null) {
            throw new IllegalArgumentException(op + ": bias_k and bias_v must be given together");
        }

        // reshape q, k, v for multi-head attention and make them batch first: (bsz*heads, len, headDim)
        q = q.contiguous().view(tgtLen, bsz * numHeads, headDim).transpose(0, 1);
        if (o.staticK == null) {
            k = k.contiguous().view(k.size(0), bsz * numHeads, headDim).transpose(0, 1);
        } else {
            requireStatic(op, "static_k", o.staticK, bsz * numHeads, headDim);
            k = o.staticK;
        }
        if (o.staticV == null) {
            v = v.contiguous().view(v.size(0), bsz * numHeads, headDim).transpose(0, 1);
        } else {
            requireStatic(op, "static_v", o.staticV, bsz * numHeads, headDim);
            v = o.staticV;
        }

        // add zero attention along the batch dimension (now first)
        if (addZeroAttn) {
            k = Tensor.cat(1, k, Tensor.zeros(k.dtype(), bsz * numHeads, 1, headDim));
            v = Tensor.cat(1, v, Tensor.zeros(v.dtype(), bsz * numHeads, 1, headDim));
            if (attnMask != null) attnMask = Pad.pad(attnMask, new int[] {0, 1}, "constant", null);
            if (keyPaddingMask != null) keyPaddingMask = Pad.pad(keyPaddingMask, new int[] {0, 1}, "constant", null);
        }
        srcLen = k.size(1);

        // merge key padding and attention masks
        if (keyPaddingMask != null) {
            if (keyPaddingMask.dim() != 2 || keyPaddingMask.size(0) != bsz || keyPaddingMask.size(1) != srcLen) {
                throw new IllegalArgumentException(op + ": expecting key_padding_mask shape of " + Shapes.str(new int[] {bsz, srcLen})
                        + ", but got " + Shapes.str(keyPaddingMask.shape()));
            }
            keyPaddingMask = keyPaddingMask.view(bsz, 1, 1, srcLen).expand(bsz, numHeads, 1, srcLen).reshape(bsz * numHeads, 1, srcLen);
            if (attnMask == null) {
                attnMask = keyPaddingMask;
            } else if (attnMask.dtype() == DType.BOOL) {
                attnMask = attnMask.logicalOr(keyPaddingMask);
            } else {
                if (keyPaddingMask.dtype() != DType.BOOL) {
                    throw new IllegalArgumentException(op + ": a floating key_padding_mask cannot be merged into a floating attn_mask "
                            + "(masked_fill only supports boolean masks)");
                }
                // PyTorch's out-of-place masked_fill broadcasts mask and input together: (1, L, S) with (B*H, 1, S)
                attnMask = Tensor.where(keyPaddingMask, Double.NEGATIVE_INFINITY, attnMask);
            }
        }
        // convert mask to float
        if (attnMask != null && attnMask.dtype() == DType.BOOL) {
            attnMask = Tensor.zeros(q.dtype(), attnMask.shape()).maskedFill(attnMask, Double.NEGATIVE_INFINITY);
        }
        if (!o.training) dropoutP = 0;

        int e = q.size(2);
        Tensor qScaled = q.div(Math.sqrt(e));
        Tensor weights = qScaled.bmm(k.transpose(-2, -1));
        if (attnMask != null) weights = attnMask.add(weights);
        weights = F.softmax(weights, -1);
        if (dropoutP > 0) weights = F.dropout(weights, dropoutP, true, false, o.generator == null ? Generator.getDefault() : o.generator);
        Tensor out = weights.bmm(v);
        out = out.transpose(0, 1).contiguous().view(tgtLen * bsz, embedDim);
        out = F.linear(out, outProjWeight, outProjBias);
        out = out.view(tgtLen, bsz, out.size(1));
        if (!o.needWeights) return new Mha.Output(batched ? out : out.squeeze(1), null);
        weights = weights.view(bsz, numHeads, tgtLen, srcLen);
        if (o.averageAttnWeights) weights = weights.sum(1).div((double) numHeads);
        if (!batched) {
            out = out.squeeze(1);
            weights = weights.squeeze(0);
        }
        return new Mha.Output(out, weights);
    }

    /** PyTorch's {@code _in_projection_packed}: one GEMM when query, key and value are the same tensor. */
    private static Tensor[] inProjectionPacked(Tensor q, Tensor k, Tensor v, Tensor w, Tensor b) {
        int e = q.size(-1);
        if (w.dim() != 2 || w.size(0) != 3 * e || w.size(1) != e) {
            throw new IllegalArgumentException("multi_head_attention_forward: expected in_proj_weight of shape "
                    + Shapes.str(new int[] {3 * e, e}) + ", got " + Shapes.str(w.shape()));
        }
        if (b != null && (b.dim() != 1 || b.size(0) != 3 * e)) {
            throw new IllegalArgumentException("multi_head_attention_forward: expected in_proj_bias of shape "
                    + Shapes.str(new int[] {3 * e}) + ", got " + Shapes.str(b.shape()));
        }
        if (k == v) {
            if (q == k) return F.linear(q, w, b).chunk(3, -1);
            Tensor[] ws = w.split(new int[] {e, 2 * e}, 0);
            Tensor[] bs = b == null ? new Tensor[2] : b.split(new int[] {e, 2 * e}, 0);
            Tensor[] kv = F.linear(k, ws[1], bs[1]).chunk(2, -1);
            return new Tensor[] {F.linear(q, ws[0], bs[0]), kv[0], kv[1]};
        }
        Tensor[] ws = w.chunk(3, 0);
        Tensor[] bs = b == null ? new Tensor[3] : b.chunk(3, 0);
        return new Tensor[] {F.linear(q, ws[0], bs[0]), F.linear(k, ws[1], bs[1]), F.linear(v, ws[2], bs[2])};
    }

    /** PyTorch's {@code _mha_shape_check}: returns whether the input is batched (3-D) rather than unbatched (2-D). */
    private static boolean shapeCheck(String op, Tensor query, Tensor key, Tensor value, Tensor keyPaddingMask, Tensor attnMask,
                                      int numHeads) {
        if (query == null || key == null || value == null) throw new IllegalArgumentException(op + ": query, key and value must not be null");
        if (query.dim() == 3) {
            if (key.dim() != 3 || value.dim() != 3) {
                throw new IllegalArgumentException(op + ": for batched (3-D) query, expected key and value to be 3-D but found "
                        + key.dim() + "-D and " + value.dim() + "-D tensors respectively");
            }
            if (keyPaddingMask != null && keyPaddingMask.dim() != 2) {
                throw new IllegalArgumentException(op + ": for batched (3-D) query, expected key_padding_mask to be null or 2-D but found "
                        + keyPaddingMask.dim() + "-D tensor instead");
            }
            if (attnMask != null && attnMask.dim() != 2 && attnMask.dim() != 3) {
                throw new IllegalArgumentException(op + ": for batched (3-D) query, expected attn_mask to be null, 2-D or 3-D but found "
                        + attnMask.dim() + "-D tensor instead");
            }
            return true;
        }
        if (query.dim() == 2) {
            if (key.dim() != 2 || value.dim() != 2) {
                throw new IllegalArgumentException(op + ": for unbatched (2-D) query, expected key and value to be 2-D but found "
                        + key.dim() + "-D and " + value.dim() + "-D tensors respectively");
            }
            if (keyPaddingMask != null && keyPaddingMask.dim() != 1) {
                throw new IllegalArgumentException(op + ": for unbatched (2-D) query, expected key_padding_mask to be null or 1-D but found "
                        + keyPaddingMask.dim() + "-D tensor instead");
            }
            if (attnMask != null) {
                if (attnMask.dim() != 2 && attnMask.dim() != 3) {
                    throw new IllegalArgumentException(op + ": for unbatched (2-D) query, expected attn_mask to be null, 2-D or 3-D but found "
                            + attnMask.dim() + "-D tensor instead");
                }
                if (attnMask.dim() == 3) {
                    int[] want = {numHeads, query.size(0), key.size(0)};
                    if (!Arrays.equals(attnMask.shape(), want)) {
                        throw new IllegalArgumentException(op + ": expected attn_mask shape to be " + Shapes.str(want) + " but got "
                                + Shapes.str(attnMask.shape()));
                    }
                }
            }
            return false;
        }
        throw new IllegalArgumentException(op + ": query should be unbatched 2D or batched 3D tensor but received "
                + query.dim() + "-D query tensor of shape " + Shapes.str(query.shape()));
    }

    private static void requireShape(String op, String name, Tensor t, int... shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException(op + ": expecting " + name + " of shape " + Shapes.str(shape) + ", but got "
                    + Shapes.str(t.shape()));
        }
    }

    private static void requireStatic(String op, String name, Tensor t, int batchHeads, int headDim) {
        if (t.dim() != 3 || t.size(0) != batchHeads || t.size(2) != headDim) {
            throw new IllegalArgumentException(op + ": expecting " + name + " of shape (" + batchHeads + ", S, " + headDim + "), but got "
                    + Shapes.str(t.shape()));
        }
    }
}
