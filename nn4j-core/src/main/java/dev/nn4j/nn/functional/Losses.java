package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/**
 * Checks and small composites shared by the loss families ({@link RegressionLosses}, {@link ClassificationLosses},
 * {@link MarginLosses}, {@link EmbeddingLosses}, {@link CtcLossFunction}). Every message names the PyTorch op.
 */
final class Losses {
    private Losses() {}

    static Tensor reduce(String op, Tensor loss, Reduction reduction) {
        return requireReduction(op, reduction).apply(op, loss);
    }

    static Reduction requireReduction(String op, Reduction reduction) {
        if (reduction == null) throw new IllegalArgumentException(op + ": reduction must not be null (use Reduction.NONE, MEAN or SUM)");
        if (reduction == Reduction.BATCHMEAN) reduction.apply(op, null);   // throws: only kl_div takes batchmean
        return reduction;
    }

    static void requireFloat(String op, String arg, Tensor t) {
        if (t == null) throw new IllegalArgumentException(op + ": '" + arg + "' must not be null");
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected '" + arg + "' to be a floating point tensor, got " + t.dtype());
        }
    }

    static void requireLong(String op, String arg, Tensor t) {
        if (t == null) throw new IllegalArgumentException(op + ": '" + arg + "' must not be null");
        if (t.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": expected '" + arg + "' to hold class indices of dtype int64, got " + t.dtype());
        }
    }

    static void requireSameShape(String op, Tensor input, String targetArg, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": expected '" + targetArg + "' of the same shape as 'input' " + Shapes.str(input.shape())
                    + ", got " + Shapes.str(target.shape()));
        }
    }

    /** PyTorch's {@code broadcast_tensors} for a loss's (input, target) pair, failing with the loss's name. */
    static int[] broadcastShape(String op, Tensor input, Tensor target) {
        try {
            return Shapes.broadcast(op, input.shape(), target.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": the shapes of input " + Shapes.str(input.shape()) + " and target "
                    + Shapes.str(target.shape()) + " cannot be broadcast together", e);
        }
    }

    /**
     * Checks that every class index of {@code target} lies in {@code [0, numClasses)}, except {@code ignoreIndex}
     * entries (pass {@code Long.MIN_VALUE} for none).
     */
    static void checkClassRange(String op, Tensor target, int numClasses, long ignoreIndex) {
        long[] t = target.contiguous().toLongArray();
        for (long v : t) {
            if (v != ignoreIndex && (v < 0 || v >= numClasses)) {
                throw new IllegalArgumentException(op + ": target " + v + " is out of bounds: class indices must be in [0, "
                        + (numClasses - 1) + "]" + (ignoreIndex == Long.MIN_VALUE ? "" : " or equal ignore_index=" + ignoreIndex));
            }
        }
    }

    /** Log-softmax along {@code dim} (F.logSoftmax: the fused primitive of the activations). */
    static Tensor logSoftmax(Tensor x, int dim) {
        return F.logSoftmax(x, dim);
    }

    /**
     * {@code log(1 + exp(z))} without overflow, written as PyTorch writes it in BCE-with-logits:
     * {@code m + log(exp(-m) + exp(z - m))} with {@code m = max(z, 0)}. Its derivative in {@code m} is exactly
     * zero, so autograd gives {@code sigmoid(z)} everywhere, including {@code z = 0}.
     */
    static Tensor softplus(Tensor z) {
        Tensor m = z.clampMin(0);
        return m.neg().exp().add(z.sub(m).exp()).log().add(m);
    }

    /** {@code log(sigmoid(x)) = -softplus(-x)}, stable for large |x|. */
    static Tensor logSigmoid(Tensor x) {
        return softplus(x.neg()).neg();
    }

    static Tensor flatWeight(String op, Tensor weight, int numClasses) {
        if (weight == null) return null;
        if (weight.dim() != 1 || weight.numel() != numClasses) {
            throw new IllegalArgumentException(op + ": weight tensor should be defined either for all " + numClasses
                    + " classes or no classes but got weight tensor of shape: " + Shapes.str(weight.shape()));
        }
        requireFloat(op, "weight", weight);
        return weight;
    }
}
