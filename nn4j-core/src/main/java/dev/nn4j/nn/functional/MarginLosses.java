package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.Losses.reduce;
import static dev.nn4j.nn.functional.Losses.requireFloat;
import static dev.nn4j.nn.functional.Losses.requireLong;
import static dev.nn4j.nn.functional.Losses.requireReduction;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;

/** Margin-based classification losses: soft margin, multi-class margin, multi-label margin and soft margin. */
final class MarginLosses {
    private MarginLosses() {}

    static Tensor softMarginLoss(Tensor input, Tensor target, Reduction reduction) {
        String op = "soft_margin_loss";
        requireReduction(op, reduction);
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        Losses.broadcastShape(op, input, target);
        return reduce(op, Losses.softplus(input.mul(target).neg()), reduction);
    }

    static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        String op = "multilabel_soft_margin_loss";
        requireReduction(op, reduction);
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        if (input.dim() == 0) throw new IllegalArgumentException(op + ": expected input of shape (C) or (N, C), got a 0-D tensor");
        Losses.broadcastShape(op, input, target);
        Tensor loss = target.mul(Losses.logSigmoid(input)).add(target.rsub(1).mul(Losses.logSigmoid(input.neg()))).neg();
        if (weight != null) {
            requireFloat(op, "weight", weight);
            Losses.broadcastShape(op, loss, weight);
            loss = loss.mul(weight);
        }
        int classDim = input.dim() - 1;
        loss = loss.sum(classDim).div((double) input.size(classDim));
        return reduce(op, loss, reduction);
    }

    /** (frames, dim) of a multi-class input: {@code ()}/{@code (C)} is one frame, {@code (N, C)} N frames. */
    private static int[] frames(String op, Tensor input) {
        int nd = input.dim();
        if (nd <= 1 && input.numel() > 0) return new int[] {1, nd == 0 ? 1 : input.size(0)};
        if (nd == 2 && input.size(1) > 0) return new int[] {input.size(0), input.size(1)};
        throw new IllegalArgumentException(op + ": expected a non-empty vector (C) or matrix (N, C) with optional 0-dim batch size, but got input of shape "
                + Shapes.str(input.shape()));
    }

    static Tensor multiMarginLoss(Tensor input, Tensor target, MultiMargin o) {
        String op = "multi_margin_loss";
        requireReduction(op, o.reduction());
        if (o.p() != 1 && o.p() != 2) throw new IllegalArgumentException(op + ": only p == 1 and p == 2 supported, got p=" + o.p());
        requireFloat(op, "input", input);
        requireLong(op, "target", target);
        int[] fd = frames(op, input);
        int n = fd[0], c = fd[1];
        if (target.dim() > 1 || target.numel() != n) {
            throw new IllegalArgumentException(op + ": inconsistent target size, expected " + n + " target(s) for input of shape "
                    + Shapes.str(input.shape()) + " but got target of shape " + Shapes.str(target.shape()));
        }
        Tensor weight = o.weight();
        if (weight != null) {
            requireFloat(op, "weight", weight);
            if (weight.dim() != 1) throw new IllegalArgumentException(op + ": weight must be one-dimensional, got shape " + Shapes.str(weight.shape()));
            if (weight.numel() != c) {
                throw new IllegalArgumentException(op + ": inconsistent weight size, expected " + c + " but got " + Shapes.str(weight.shape()));
            }
        }
        Losses.checkClassRange(op, target, c, Long.MIN_VALUE);
        Tensor x = input.reshape(n, c);
        Tensor t = target.reshape(n, 1);
        Tensor xy = x.gather(1, t);
        Tensor notTarget = Tensor.arange(c).reshape(1, c).ne(t);
        // z > 0 only (relu), as PyTorch: a zero margin violation contributes no gradient
        Tensor h = xy.rsub(o.margin()).add(x).relu();
        if (o.p() == 2) h = h.square();
        h = h.mul(notTarget.to(h.dtype()));
        if (weight != null) h = h.mul(weight.detach().to(h.dtype()).indexSelect(0, t.reshape(n)).reshape(n, 1));
        Tensor loss = h.sum(1).div((double) c);
        if (target.dim() == 0) loss = loss.reshape();
        return reduce(op, loss, o.reduction());
    }

    static Tensor multilabelMarginLoss(Tensor input, Tensor target, Reduction reduction) {
        String op = "multilabel_margin_loss";
        requireReduction(op, reduction);
        requireFloat(op, "input", input);
        requireLong(op, "target", target);
        int nd = input.dim();
        if (!(nd == 0 || nd == 1 && input.size(0) > 0 || nd == 2 && input.size(1) > 0)) {
            throw new IllegalArgumentException(op + ": expected a non-empty vector (C) or matrix (N, C) with optional 0-dim batch size, but got input of shape "
                    + Shapes.str(input.shape()));
        }
        int n = nd <= 1 ? 1 : input.size(0), c = nd == 0 ? 1 : input.size(nd - 1);
        boolean ok = nd <= 1 ? target.dim() <= 1 && target.numel() == c : target.dim() == 2 && target.size(0) == n && target.size(1) == c;
        if (!ok) {
            throw new IllegalArgumentException(op + ": inconsistent target size: " + Shapes.str(target.shape()) + " for input of size: "
                    + Shapes.str(input.shape()) + " (the target must have the input's shape)");
        }
        // the targets of each row are its entries before the first -1; a duplicate counts twice, as in PyTorch
        long[] tv = target.contiguous().toLongArray();
        int k = 0;
        int[] count = new int[n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < c; j++) {
                long v = tv[r * c + j];
                if (v < -1 || v >= c) {
                    throw new IllegalArgumentException(op + ": target " + v + " is out of bounds: class indices must be in [0, " + (c - 1)
                            + "], with -1 ending a row's targets");
                }
                if (v == -1) break;
                count[r]++;
            }
            k = Math.max(k, count[r]);
        }
        int kk = Math.max(k, 1);
        long[] idx = new long[n * kk];
        boolean[] valid = new boolean[idx.length];
        boolean[] isTarget = new boolean[n * c];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < count[r]; j++) {
                idx[r * kk + j] = tv[r * c + j];
                valid[r * kk + j] = true;
                isTarget[r * c + (int) tv[r * c + j]] = true;
            }
        }
        Tensor x = input.reshape(n, c);
        Tensor xj = x.gather(1, Tensor.fromArray(idx, n, kk)).unsqueeze(2);                    // (n, k, 1)
        Tensor pairMask = Tensor.fromArray(valid, n, kk).unsqueeze(2)
                .logicalAnd(Tensor.fromArray(isTarget, n, c).logicalNot().unsqueeze(1));       // (n, k, c)
        Tensor h = xj.rsub(1.0).add(x.unsqueeze(1)).relu().mul(pairMask.to(x.dtype()));
        Tensor loss = h.sum(new int[] {1, 2}, false).div((double) c);
        if (target.dim() <= 1) loss = loss.reshape();
        return reduce(op, loss, reduction);
    }
}
