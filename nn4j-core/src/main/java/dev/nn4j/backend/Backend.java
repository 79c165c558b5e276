package dev.nn4j.backend;

import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.CpuBackend;

/**
 * The kernels nn4j's ops run on. The op layer above prepares shapes and dtypes, allocates outputs and
 * records autograd; a backend only computes. Inputs may be arbitrary strided views (broadcast
 * inputs carry stride 0); outputs are freshly allocated and contiguous unless a method says otherwise.
 */
public interface Backend {

    /** {@code out = op(x)}; {@code x} has out's shape, any strides and dtype. */
    void unary(UnaryOp op, Tensor x, Tensor out);

    /** {@code out = op(a, b)}; {@code a} and {@code b} are already expanded to out's shape. */
    void binary(BinaryOp op, Tensor a, Tensor b, Tensor out);

    /** Copies {@code src} (expanded to dst's shape) into {@code dst}, which may be any strided view; converts dtype. */
    void copy(Tensor src, Tensor dst);

    /**
     * Reduces each row of a contiguous tensor {@code x} seen as (numel/rowLen, rowLen) into one element of
     * the contiguous {@code out}. ARGMAX/ARGMIN write int64 indices, ALL/ANY booleans.
     */
    void reduce(ReduceOp op, Tensor x, int rowLen, Tensor out);

    /** {@code out = a @ b} for 2-D {@code a} (m, k) and {@code b} (k, n) of any strides; out is contiguous (m, n). */
    void matmul(Tensor a, Tensor b, Tensor out);

    /** Cumulative sum along the last axis of a contiguous tensor seen as rows of {@code rowLen}. */
    void cumsum(Tensor x, int rowLen, Tensor out);

    /** {@code out = cond ? a : b}; all three already expanded to out's shape, a and b of out's dtype. */
    void where(Tensor cond, Tensor a, Tensor b, Tensor out);

    static Backend current() {
        return CpuBackend.INSTANCE;
    }
}
