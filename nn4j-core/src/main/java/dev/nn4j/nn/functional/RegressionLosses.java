package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.Losses.broadcastShape;
import static dev.nn4j.nn.functional.Losses.reduce;
import static dev.nn4j.nn.functional.Losses.requireFloat;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/** Losses between real-valued predictions and targets: L1, MSE, Huber, smooth L1, Poisson and Gaussian NLL. */
final class RegressionLosses {
    private RegressionLosses() {}

    /** input - target after PyTorch's broadcast_tensors (a size mismatch only warns in PyTorch). */
    private static Tensor diff(String op, Tensor input, Tensor target) {
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        broadcastShape(op, input, target);
        return input.sub(target);
    }

    static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return reduce("l1_loss", diff("l1_loss", input, target).abs(), reduction);
    }

    static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return reduce("mse_loss", diff("mse_loss", input, target).square(), reduction);
    }

    static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (!(delta > 0)) throw new IllegalArgumentException("huber_loss does not support non-positive values for delta, got " + delta);
        Tensor d = diff("huber_loss", input, target);
        Tensor ad = d.abs();
        Tensor quadratic = d.square().mul(0.5);
        Tensor linear = ad.sub(0.5 * delta).mul(delta);
        return reduce("huber_loss", Tensor.where(ad.lt(delta), quadratic, linear), reduction);
    }

    static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        if (beta < 0) throw new IllegalArgumentException("smooth_l1_loss does not support negative values for beta, got " + beta);
        Tensor d = diff("smooth_l1_loss", input, target);
        Tensor ad = d.abs();
        if (beta == 0) return reduce("smooth_l1_loss", ad, reduction);
        Tensor quadratic = d.square().mul(0.5 / beta);
        Tensor linear = ad.sub(0.5 * beta);
        return reduce("smooth_l1_loss", Tensor.where(ad.lt(beta), quadratic, linear), reduction);
    }

    static Tensor poissonNllLoss(Tensor input, Tensor target, PoissonNll o) {
        String op = "poisson_nll_loss";
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        broadcastShape(op, input, target);
        Tensor loss = o.logInput()
                ? input.exp().sub(target.mul(input))
                : input.sub(target.mul(input.add(o.eps()).log()));
        if (o.full()) {
            // Stirling's approximation of log(target!), counted only where target > 1
            Tensor stirling = target.mul(target.log()).sub(target).add(target.mul(2 * Math.PI).log().mul(0.5));
            loss = loss.add(stirling.maskedFill(target.le(1), 0.0));
        }
        return reduce(op, loss, o.reduction());
    }

    static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, GaussianNll o) {
        String op = "gaussian_nll_loss";
        requireFloat(op, "input", input);
        requireFloat(op, "target", target);
        requireFloat(op, "var", var);
        int[] in = input.shape(), vs = var.shape();
        if (!Arrays.equals(vs, in)) {
            int[] inHead = in.length == 0 ? in : Arrays.copyOf(in, in.length - 1);
            int[] varHead = vs.length == 0 ? vs : Arrays.copyOf(vs, vs.length - 1);
            if (in.length > 0 && Arrays.equals(inHead, vs)) {
                var = var.unsqueeze(-1);   // homoscedastic: one variance per sample
            } else if (!(in.length > 0 && vs.length > 0 && Arrays.equals(inHead, varHead) && vs[vs.length - 1] == 1)) {
                throw new IllegalArgumentException(op + ": var is of incorrect size: expected " + Shapes.str(in)
                        + ", the input's shape without its last dimension, or that with a last dimension of size 1; got " + Shapes.str(vs));
            }
        }
        Losses.requireReduction(op, o.reduction());
        if (var.lt(0).any().item() != 0) throw new IllegalArgumentException(op + ": var has negative entry/entries");
        // PyTorch clamps a clone of var under no_grad: the values are clamped, the gradient passes unchanged
        Tensor clamped;
        try (var g = Autograd.noGrad()) {
            clamped = var.detach().clampMin(o.eps()).sub(var.detach());
        }
        Tensor v = var.add(clamped);
        Tensor loss = v.log().add(input.sub(target).square().div(v)).mul(0.5);
        if (o.full()) loss = loss.add(0.5 * Math.log(2 * Math.PI));
        return reduce(op, loss, o.reduction());
    }
}
