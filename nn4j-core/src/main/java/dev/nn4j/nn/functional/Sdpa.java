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
 * (1 / sqrt(E)), {@code enableGqa = false}. Immutable; every setter returns a new object.
 */
public final class Sdpa implements Cloneable {
    private Tensor attnMask;
    private double dropoutP;
    private boolean isCausal;
    private Double scale;
    private boolean enableGqa;
    private Generator generator;

    private Sdpa() {}

    private Sdpa copy() {
        try {
            return (Sdpa) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** New options with PyTorch's defaults. */
    public static Sdpa opts() {
        return new Sdpa();
    }

    /**
     * A mask broadcastable to (N, ..., L, S): bool (true = the position <em>takes part</em>) or floating
     * (added to the scores, e.g. -inf to exclude).
     */
    public Sdpa attnMask(Tensor attnMask) {
        var c = copy();
        c.attnMask = attnMask;
        return c;
    }

    /** Dropout probability on the attention weights (always applied when > 0, as in PyTorch). */
    public Sdpa dropoutP(double dropoutP) {
        var c = copy();
        c.dropoutP = dropoutP;
        return c;
    }

    /** Lower-triangular (causal) mask: query i attends keys j &lt;= i (top-left aligned when L != S). */
    public Sdpa isCausal(boolean isCausal) {
        var c = copy();
        c.isCausal = isCausal;
        return c;
    }

    /** Score scale; null (default) = 1 / sqrt(E). */
    public Sdpa scale(Double scale) {
        var c = copy();
        c.scale = scale;
        return c;
    }

    /** Grouped-query attention: key/value heads (dim -3) are repeated to match the query heads. */
    public Sdpa enableGqa(boolean enableGqa) {
        var c = copy();
        c.enableGqa = enableGqa;
        return c;
    }

    /** The generator of the dropout mask (default: {@link Generator#getDefault()}). */
    public Sdpa generator(Generator generator) {
        var c = copy();
        c.generator = generator;
        return c;
    }

    /** Attention of {@code query} over {@code key}/{@code value} with these options. */
    public Tensor apply(Tensor query, Tensor key, Tensor value) {
        return Attention.scaledDotProductAttention(query, key, value, attnMask, dropoutP, isCausal, scale, enableGqa,
                generator == null ? Generator.getDefault() : generator);
    }
}
