package dev.nn4j.nn.functional;

import dev.nn4j.Generator;
import dev.nn4j.Tensor;

/**
 * Options of {@code scaledDotProductAttention} ({@code torch.nn.functional.scaled_dot_product_attention},
 * PyTorch 2.x), also its primitive.
 *
 * <pre>{@code
 * var causal = Sdpa.opts().isCausal(true);
 * Tensor out = causal.apply(q, k, v);    // q (N, ..., L, E), k (N, ..., S, E), v (N, ..., S, Ev) -> (N, ..., L, Ev)
 * }</pre>
 *
 * <p>Defaults are PyTorch's: no mask, {@code dropoutP = 0}, {@code isCausal = false}, {@code scale = null}
 * (1 / sqrt(E)), {@code enableGqa = false}. Setters return {@code this}.
 */
public final class Sdpa {
    private Tensor attnMask;
    private double dropoutP;
    private boolean isCausal;
    private Double scale;
    private boolean enableGqa;
    private Generator generator;

    private Sdpa() {}

    /** New options with PyTorch's defaults. */
    public static Sdpa opts() {
        return new Sdpa();
    }

    /**
     * A mask broadcastable to (N, ..., L, S): bool (true = the position <em>takes part</em>) or floating
     * (added to the scores, e.g. -inf to exclude).
     */
    public Sdpa attnMask(Tensor attnMask) {
        this.attnMask = attnMask;
        return this;
    }

    /** Dropout probability on the attention weights (always applied when > 0, as in PyTorch). */
    public Sdpa dropoutP(double dropoutP) {
        this.dropoutP = dropoutP;
        return this;
    }

    /** Lower-triangular (causal) mask: query i attends keys j &lt;= i (top-left aligned when L != S). */
    public Sdpa isCausal(boolean isCausal) {
        this.isCausal = isCausal;
        return this;
    }

    /** Score scale; null (default) = 1 / sqrt(E). */
    public Sdpa scale(Double scale) {
        this.scale = scale;
        return this;
    }

    /** Grouped-query attention: key/value heads (dim -3) are repeated to match the query heads. */
    public Sdpa enableGqa(boolean enableGqa) {
        this.enableGqa = enableGqa;
        return this;
    }

    /** The generator of the dropout mask (default: {@link Generator#getDefault()}). */
    public Sdpa generator(Generator generator) {
        this.generator = generator;
        return this;
    }

    /** Attention of {@code query} over {@code key}/{@code value} with these options. */
    public Tensor apply(Tensor query, Tensor key, Tensor value) {
        return Attention.scaledDotProductAttention(query, key, value, attnMask, dropoutP, isCausal, scale, enableGqa,
                generator == null ? Generator.getDefault() : generator);
    }
}
