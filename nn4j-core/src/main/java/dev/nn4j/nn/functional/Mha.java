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
 * Setters return {@code this}.
 */
public final class Mha {
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

    /** The attention output {@code (L, N, E)} (or {@code (L, E)} unbatched) and the attention weights, null unless requested. */
    public record Output(Tensor output, Tensor weights) {}

    /** New options with PyTorch's defaults. */
    public static Mha opts() {
        return new Mha();
    }

    /** Dropout runs only while training (default true). */
    public Mha training(boolean training) {
        this.training = training;
        return this;
    }

    /** (N, S) or (S): bool true = ignore that key; floating = added to the scores. */
    public Mha keyPaddingMask(Tensor keyPaddingMask) {
        this.keyPaddingMask = keyPaddingMask;
        return this;
    }

    /** Whether to return the attention weights (default true). */
    public Mha needWeights(boolean needWeights) {
        this.needWeights = needWeights;
        return this;
    }

    /** (L, S) or (N * numHeads, L, S): bool true = not allowed to attend; floating = added to the scores. */
    public Mha attnMask(Tensor attnMask) {
        this.attnMask = attnMask;
        return this;
    }

    /** Use {@code qProjWeight}, {@code kProjWeight}, {@code vProjWeight} instead of the packed {@code inProjWeight}. */
    public Mha useSeparateProjWeight(boolean useSeparateProjWeight) {
        this.useSeparateProjWeight = useSeparateProjWeight;
        return this;
    }

    /** Separate projections (E, E), (E, kdim), (E, vdim); used with {@link #useSeparateProjWeight}. */
    public Mha projWeights(Tensor qProjWeight, Tensor kProjWeight, Tensor vProjWeight) {
        this.qProjWeight = qProjWeight;
        this.kProjWeight = kProjWeight;
        this.vProjWeight = vProjWeight;
        return this;
    }

    /** Precomputed keys (N * numHeads, S, E / numHeads) used instead of projecting {@code key}. */
    public Mha staticK(Tensor staticK) {
        this.staticK = staticK;
        return this;
    }

    /** Precomputed values (N * numHeads, S, E / numHeads) used instead of projecting {@code value}. */
    public Mha staticV(Tensor staticV) {
        this.staticV = staticV;
        return this;
    }

    /** Average the returned weights over heads (default true) or return them per head. */
    public Mha averageAttnWeights(boolean averageAttnWeights) {
        this.averageAttnWeights = averageAttnWeights;
        return this;
    }

    /** The generator of the dropout mask (default: {@link Generator#getDefault()}). */
    public Mha generator(Generator generator) {
        this.generator = generator;
        return this;
    }

    /** Runs {@code multi_head_attention_forward} with these options; the arguments are PyTorch's required ones. */
    public Output apply(Tensor query, Tensor key, Tensor value, int embedDimToCheck, int numHeads, Tensor inProjWeight,
                        Tensor inProjBias, Tensor biasK, Tensor biasV, boolean addZeroAttn, double dropoutP,
                        Tensor outProjWeight, Tensor outProjBias) {
        return Attention.multiHeadAttentionForward(query, key, value, embedDimToCheck, numHeads, inProjWeight, inProjBias,
                biasK, biasV, addZeroAttn, dropoutP, outProjWeight, outProjBias, this);
    }
}
