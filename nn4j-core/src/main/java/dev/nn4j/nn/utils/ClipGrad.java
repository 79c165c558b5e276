package dev.nn4j.nn.utils;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping, as {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. Both work
 * on the {@code .grad} of the given parameters, in place; parameters without a gradient are skipped.
 *
 * <pre>{@code
 * loss.backward();
 * ClipGrad.clipGradNorm_(model.parameters(), 1.0);
 * optimizer.step();
 * }</pre>
 */
public final class ClipGrad {
    private ClipGrad() {}

    /**
     * Scales the gradients so that their joint {@code normType}-norm (the norm of the per-tensor norms;
     * {@code Double.POSITIVE_INFINITY} for the max-abs norm) is at most {@code maxNorm}: each gradient is
     * multiplied by {@code min(1, maxNorm / (total + 1e-6))}. Returns the total norm before clipping (a
     * 0-dim tensor; 0 when no parameter has a gradient). With {@code errorIfNonfinite}, a NaN or infinite
     * total norm throws instead.
     */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType, boolean errorIfNonfinite) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) if (p.grad() != null) grads.add(p.grad());
        if (grads.isEmpty()) return Tensor.scalar(0);
        try (var g = Autograd.noGrad()) {
            Tensor total;
            if (normType == Double.POSITIVE_INFINITY) {
                List<Tensor> maxes = new ArrayList<>();
                for (Tensor gr : grads) maxes.add(gr.detach().abs().max());
                total = maxes.size() == 1 ? maxes.get(0) : Tensor.stack(maxes, 0).max();
            } else {
                List<Tensor> norms = new ArrayList<>();
                for (Tensor gr : grads) norms.add(gr.detach().norm(normType, null, false));
                total = Tensor.stack(norms, 0).norm(normType, null, false);
            }
            if (errorIfNonfinite && !Double.isFinite(total.item())) {
                throw new IllegalStateException("clipGradNorm_: the total norm of order " + normType
                        + " for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale "
                        + "the gradients by the non-finite norm anyway, set errorIfNonfinite=false");
            }
            double coef = Math.min(1.0, maxNorm / (total.item() + 1e-6));
            for (Tensor gr : grads) gr.mul_(coef);
            return total;
        }
    }

    /** {@link #clipGradNorm_(Iterable, double, double, boolean)} with the 2-norm, not failing on non-finite norms. */
    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm) {
        return clipGradNorm_(parameters, maxNorm, 2.0, false);
    }

    public static Tensor clipGradNorm_(Iterable<Tensor> parameters, double maxNorm, double normType) {
        return clipGradNorm_(parameters, maxNorm, normType, false);
    }

    /** Clamps every gradient element into {@code [-clipValue, clipValue]}. */
    public static void clipGradValue_(Iterable<Tensor> parameters, double clipValue) {
        try (var g = Autograd.noGrad()) {
            for (Tensor p : parameters) if (p.grad() != null) p.grad().clamp_(-clipValue, clipValue);
        }
    }
}
