package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.Losses.reduce;
import static dev.nn4j.nn.functional.Losses.requireFloat;
import static dev.nn4j.nn.functional.Losses.requireLong;
import static dev.nn4j.nn.functional.Losses.requireReduction;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/** Losses over class scores: nll_loss, cross_entropy, binary cross-entropy (on probabilities and on logits), kl_div. */
final class ClassificationLosses {
    private ClassificationLosses() {}

    // ------------------------------------------------------------------ nll_loss

    /** Checks nll_loss's shapes ({@code (C)} with {@code ()}, {@code (N, C)} with {@code (N)}, or K-dim) and target range. */
    private static void checkNll(String op, Tensor input, Tensor target, Tensor weight, long ignoreIndex) {
        requireFloat(op, "input", input);
        requireLong(op, "target", target);
        int[] in = input.shape(), ts = target.shape();
        if (in.length < 1) throw new IllegalArgumentException(op + ": expected input with 1 or more dimensions (got 0)");
        if (in.length == 1) {
            if (ts.length != 0) {
                throw new IllegalArgumentException(op + ": an unbatched input of shape " + Shapes.str(in)
                        + " (C) expects a 0-D target, got target of shape " + Shapes.str(ts));
            }
        } else {
            if (ts.length == 0 || in[0] != ts[0]) {
                throw new IllegalArgumentException(op + ": expected input batch_size (" + in[0] + ") to match target batch_size ("
                        + (ts.length == 0 ? "a 0-D target" : ts[0]) + "); input " + Shapes.str(in) + ", target " + Shapes.str(ts));
            }
            int[] want = new int[in.length - 1];
            want[0] = in[0];
            System.arraycopy(in, 2, want, 1, in.length - 2);
            if (!Arrays.equals(want, ts)) {
                throw new IllegalArgumentException(op + ": expected target of shape " + Shapes.str(want) + " for input of shape "
                        + Shapes.str(in) + " (N, C, d1, ..., dK), got " + Shapes.str(ts));
            }
        }
        int classes = in.length == 1 ? in[0] : in[1];
        Losses.flatWeight(op, weight, classes);
        if (weight != null && weight.requiresGrad() && dev.nn4j.Autograd.isGradEnabled()) {
            // PyTorch's nll_loss has no derivative for its class weights
            throw new IllegalArgumentException(op + ": the function 'nll_loss_forward' is not differentiable with respect to "
                    + "argument 'weight'. This input cannot have requires_grad True.");
        }
        Losses.checkClassRange(op, target, classes, ignoreIndex);
    }

    /** {@code input} as {@code (M, C)} rows, class dim last. */
    private static Tensor rows(Tensor input) {
        if (input.dim() == 1) return input.unsqueeze(0);
        if (input.dim() == 2) return input;
        return input.movedim(1, -1).reshape(-1, input.size(1));
    }

    static Tensor nllLoss(Tensor input, Tensor target, Nll o) {
        return nllLoss("nll_loss", input, target, o.weight(), o.ignoreIndex(), o.reduction());
    }

    static Tensor nllLoss(String op, Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        requireReduction(op, reduction);
        checkNll(op, input, target, weight, ignoreIndex);
        Tensor x = rows(input);
        Tensor t = target.reshape(-1);
        Tensor ignored = t.eq(ignoreIndex);
        Tensor safe = t.maskedFill(ignored, 0);
        Tensor picked = x.gather(1, safe.unsqueeze(1)).squeeze(1);
        Tensor w = weight == null ? Tensor.ones(x.dtype(), t.numel()) : weight.detach().to(x.dtype()).indexSelect(0, safe);
        w = w.maskedFill(ignored, 0.0);
        Tensor loss = picked.mul(w).neg();
        return switch (reduction) {
            case NONE -> loss.reshape(target.shape());
            case SUM -> loss.sum();
            default -> loss.sum().div(w.sum());
        };
    }

    // ------------------------------------------------------------------ cross_entropy

    static Tensor crossEntropy(Tensor input, Tensor target, CrossEntropy o) {
        String op = "cross_entropy";
        requireFloat(op, "input", input);
        if (target == null) throw new IllegalArgumentException(op + ": 'target' must not be null");
        requireReduction(op, o.reduction());
        double ls = o.labelSmoothing();
        if (!(ls >= 0 && ls <= 1)) throw new IllegalArgumentException(op + ": label_smoothing must be between 0.0 and 1.0. Got: " + ls);
        if (input.dim() == 0) throw new IllegalArgumentException(op + ": expected input with 1 or more dimensions (got 0)");
        if (Arrays.equals(input.shape(), target.shape())) return crossEntropyProbs(input, target, o);
        if (target.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected 'target' to hold class indices of dtype int64, got " + target.dtype()
                    + " of shape " + Shapes.str(target.shape()) + " (a floating point target holds class probabilities and must have the input's shape "
                    + Shapes.str(input.shape()) + ")");
        }
        if (ls > 0) return crossEntropyLabelSmoothing(input, target, o);
        // class indices without smoothing: the fused kernel, on (M, C) rows for unbatched and K-dim inputs too
        checkNll(op, input, target, o.weight(), o.ignoreIndex());
        Tensor w = o.weight() == null ? null : o.weight().detach().to(input.dtype());
        Tensor loss = new CrossEntropyFunction(target.reshape(-1), w, o.ignoreIndex(), o.reduction()).apply(rows(input));
        return o.reduction() == Reduction.NONE ? loss.reshape(target.shape()) : loss;
    }

    /** Reference twin of {@link CrossEntropyFunction} (tests): nll_loss(log_softmax(input, classDim), target). */
    static Tensor crossEntropyComposite(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        int classDim = input.dim() == 1 ? 0 : 1;
        checkNll("cross_entropy", input, target, weight, ignoreIndex);
        return nllLoss("cross_entropy", Losses.logSoftmax(input, classDim), target, weight, ignoreIndex, reduction);
    }

    /** Weight viewed as {@code (1, C, 1, ..., 1)} so that it broadcasts along the class dim. */
    /** The class weights shaped to broadcast along {@code classDim} of {@code like} (differentiable, as PyTorch's composite). */
    private static Tensor classWeight(Tensor weight, Tensor like, int classDim) {
        int[] shape = new int[like.dim()];
        Arrays.fill(shape, 1);
        shape[classDim] = weight.numel();
        return weight.to(like.dtype()).reshape(shape);
    }

    private static Tensor crossEntropyLabelSmoothing(Tensor input, Tensor target, CrossEntropy o) {
        String op = "cross_entropy";
        int classDim = input.dim() == 1 ? 0 : 1;
        int c = input.size(classDim);
        checkNll(op, input, target, o.weight(), o.ignoreIndex());
        Tensor lsm = Losses.logSoftmax(input, classDim);
        Tensor nll = nllLoss(op, lsm, target, o.weight(), o.ignoreIndex(), o.reduction());
        Tensor ignored = target.eq(o.ignoreIndex());
        Tensor smooth = (o.weight() == null ? lsm : lsm.mul(classWeight(o.weight(), lsm, classDim))).sum(classDim).neg();
        smooth = smooth.maskedFill(ignored, 0.0);
        Tensor ret = switch (o.reduction()) {
            case NONE -> smooth;
            case SUM -> smooth.sum();
            default -> {
                Tensor denom;
                if (o.weight() == null) {
                    denom = ignored.logicalNot().sum().to(smooth.dtype());
                } else {
                    Tensor safe = target.maskedFill(ignored, 0).reshape(-1);
                    denom = o.weight().detach().to(smooth.dtype()).indexSelect(0, safe).maskedFill(ignored.reshape(-1), 0.0).sum();
                }
                yield smooth.sum().div(denom);
            }
        };
        double ls = o.labelSmoothing();
        return nll.mul(1 - ls).add(ret.mul(ls / c));
    }

    private static Tensor crossEntropyProbs(Tensor input, Tensor target, CrossEntropy o) {
        String op = "cross_entropy";
        if (!target.isFloatingPoint()) {
            throw new IllegalArgumentException(op + ": expected floating point type for target with class probabilities, got "
                    + target.dtype() + " (a target of the input's shape " + Shapes.str(input.shape()) + " holds probabilities)");
        }
        if (o.ignoreIndex() >= 0) {
            throw new IllegalArgumentException(op + ": ignore_index is not supported for floating point target (got ignore_index="
                    + o.ignoreIndex() + ")");
        }
        int classDim = input.dim() == 1 ? 0 : 1;
        int c = input.size(classDim);
        Losses.flatWeight(op, o.weight(), c);
        Tensor lsm = Losses.logSoftmax(input, classDim);
        double ls = o.labelSmoothing();
        Tensor t = ls > 0 ? target.mul(1 - ls).add(ls / c) : target;
        Tensor prod = lsm.mul(t);
        if (o.weight() != null) prod = prod.mul(classWeight(o.weight(), lsm, classDim));
        return switch (o.reduction()) {
            case NONE -> prod.sum(classDim).neg();
            case SUM -> prod.sum().neg();
            default -> input.numel() == 0 ? prod.sum().mul(Double.NaN) : prod.sum().neg().div((double) (input.numel() / c));
        };
    }

    // ------------------------------------------------------------------ binary cross-entropy

    static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        String op = "binary_cross_entropy";
        requireReduction(op, reduction);
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": using a target size " + Shapes.str(target.shape())
                    + " that is different to the input size " + Shapes.str(input.shape()) + " is not supported; please ensure they have the same size");
        }
        if (weight != null) {
            requireFloat(op, "weight", weight);
            int[] b;
            try {
                b = Shapes.broadcast(op, target.shape(), weight.shape());
            } catch (IllegalArgumentException e) {
                b = null;
            }
            if (!Arrays.equals(b, target.shape())) {
                throw new IllegalArgumentException(op + ": weight of shape " + Shapes.str(weight.shape())
                        + " cannot be broadcast to the target's shape " + Shapes.str(target.shape()));
            }
        }
        double[] v = input.detach().toDoubleArray();
        for (double x : v) {
            if (!(x >= 0 && x <= 1)) {
                throw new IllegalArgumentException(op + ": all elements of input should be between 0 and 1, got " + x
                        + " (apply sigmoid first, or use binary_cross_entropy_with_logits)");
            }
        }
        Tensor loss = new BinaryCrossEntropyFunction().apply(input, target);
        if (weight != null) loss = loss.mul(weight.detach());
        return reduce(op, loss, reduction);
    }

    static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, BinaryCrossEntropyWithLogits o) {
        String op = "binary_cross_entropy_with_logits";
        requireReduction(op, o.reduction());
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new IllegalArgumentException(op + ": target size " + Shapes.str(target.shape()) + " must be the same as input size "
                    + Shapes.str(input.shape()));
        }
        // PyTorch's formula: (1 - t) x + lw (log(exp(-m) + exp(-x - m)) + m), m = max(-x, 0), lw = 1 + (pos_weight - 1) t
        Tensor m = input.neg().clampMin(0);
        Tensor softplusNeg = m.neg().exp().add(input.neg().sub(m).exp()).log().add(m);
        if (o.posWeight() != null) {
            requireFloat(op, "pos_weight", o.posWeight());
            Losses.broadcastShape(op, input, o.posWeight());
            softplusNeg = softplusNeg.mul(o.posWeight().sub(1.0).mul(target).add(1.0));
        }
        Tensor loss = target.rsub(1).mul(input).add(softplusNeg);
        if (o.weight() != null) {
            requireFloat(op, "weight", o.weight());
            Losses.broadcastShape(op, input, o.weight());
            loss = loss.mul(o.weight());
        }
        return reduce(op, loss, o.reduction());
    }

    // ------------------------------------------------------------------ kl_div

    static Tensor klDiv(Tensor input, Tensor target, Reduction reduction, boolean logTarget) {
        String op = "kl_div";
        if (reduction == null) throw new IllegalArgumentException(op + ": reduction must not be null");
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        Losses.broadcastShape(op, input, target);
        Tensor out;
        if (logTarget) {
            out = target.exp().mul(target.sub(input));
        } else {
            // xlogy(t, t) - t * x, with 0 * log(0) = 0; log of 1 where t == 0 keeps the gradient finite there
            Tensor safe = Tensor.where(target.eq(0), Tensor.onesLike(target), target);
            out = target.mul(safe.log()).sub(target.mul(input));
        }
        if (reduction == Reduction.BATCHMEAN) {
            Tensor s = out.sum();
            return input.dim() == 0 ? s : s.div((double) input.size(0));
        }
        return reduce(op, out, reduction);
    }
}
