package dev.nn4j.nn.functional;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;

/**
 * The optional arguments of {@code multiHeadAttentionForward} ({@code torch.nn.functional.multi_head_attention_forward},
 * PyTorch 1.13), also its primitive; {@link Output} is its result.
 *
 * <pre>{@code
 * Mha.Output r = F.multiHeadAttentionForward(q, k, v, 8, 2, inW, inB, null, null, false, 0.0, outW, outB,
 *         Mha.opts().training(false).keyPaddingMask(pad));
 * Tensor out = r.output();      // (L, N, E)
 * Tensor w = r.weights();       // (N, L, S), averaged over heads
 * }</pre>
 *
 * <p>Defaults are PyTorch's: {@code training = true}, {@code needWeights = true},
 * {@code useSeparateProjWeight = false}, {@code averageAttnWeights = true}, every tensor null.
 * Immutable; every setter returns a new object.
 */
public final class Mha implements Cloneable {
    boolean training = true;
    Tensor keyPaddingMask;
    boolean needWeights = true;
    Tensor attnMask;
    boolean useSeparateProjWeight;
    Tensor qProjWeight, kProjWeight, vProjWeight;
    Tensor staticK, staticV;
    boolean averageAttnWeights = true;
    Generator generator;

    private Mha() {}

    private Mha copy() {
        try {
            return (Mha) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** The attention output {@code (L, N, E)} (or {@code (L, E)} unbatched) and the attention weights, null unless requested. */
    public record Output(Tensor output, Tensor weights) {}

    /** New options with PyTorch's defaults. */
    public static Mha opts() {
        return new Mha();
    }

    /** Dropout runs only while training (default true). */
    public Mha training(boolean training) {
        var c = copy();
        c.training = training;
        return c;
    }

    /** (N, S) or (S): bool true = ignore that key; floating = added to the scores. */
    public Mha keyPaddingMask(Tensor keyPaddingMask) {
        var c = copy();
        c.keyPaddingMask = keyPaddingMask;
        return c;
    }

    /** Whether to return the attention weights (default true). */
    public Mha needWeights(boolean needWeights) {
        var c = copy();
        c.needWeights = needWeights;
        return c;
    }

    /** (L, S) or (N * numHeads, L, S): bool true = not allowed to attend; floating = added to the scores. */
    public Mha attnMask(Tensor attnMask) {
        var c = copy();
        c.attnMask = attnMask;
        return c;
    }

    /** Use {@code qProjWeight}, {@code kProjWeight}, {@code vProjWeight} instead of the packed {@code inProjWeight}. */
    public Mha useSeparateProjWeight(boolean useSeparateProjWeight) {
        var c = copy();
        c.useSeparateProjWeight = useSeparateProjWeight;
        return c;
    }

    /** Separate projections (E, E), (E, kdim), (E, vdim); used with {@link #useSeparateProjWeight}. */
    public Mha projWeights(Tensor qProjWeight, Tensor kProjWeight, Tensor vProjWeight) {
        var c = copy();
        c.qProjWeight = qProjWeight;
        c.kProjWeight = kProjWeight;
        c.vProjWeight = vProjWeight;
        return c;
    }

    /** Precomputed keys (N * numHeads, S, E / numHeads) used instead of projecting {@code key}. */
    public Mha staticK(Tensor staticK) {
        var c = copy();
        c.staticK = staticK;
        return c;
    }

    /** Precomputed values (N * numHeads, S, E / numHeads) used instead of projecting {@code value}. */
    public Mha staticV(Tensor staticV) {
        var c = copy();
        c.staticV = staticV;
        return c;
    }

    /** Average the returned weights over heads (default true) or return them per head. */
    public Mha averageAttnWeights(boolean averageAttnWeights) {
        var c = copy();
        c.averageAttnWeights = averageAttnWeights;
        return c;
    }

    /** The generator of the dropout mask (default: {@link Generator#getDefault()}). */
    public Mha generator(Generator generator) {
        var c = copy();
        c.generator = generator;
        return c;
    }

    /** Runs {@code multi_head_attention_forward} with these options; the arguments are PyTorch's required ones. */
    public Output apply(Tensor query, Tensor key, Tensor value, int embedDimToCheck, int numHeads, Tensor inProjWeight,
                        Tensor inProjBias, Tensor biasK, Tensor biasV, boolean addZeroAttn, double dropoutP,
                        Tensor outProjWeight, Tensor outProjBias) {
        return Attention.multiHeadAttentionForward(query, key, value, embedDimToCheck, numHeads, inProjWeight, inProjBias,
                biasK, biasV, addZeroAttn, dropoutP, outProjWeight, outProjBias, this);
    }
}
