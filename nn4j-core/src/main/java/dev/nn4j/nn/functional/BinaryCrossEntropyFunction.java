package dev.nn4j.nn.functional;

import dev.nn4j.Function;
import dev.nn4j.Tensor;

/**
 * Elementwise binary cross-entropy on probabilities, with PyTorch's numerics: each log is clamped at -100
 * (so {@code x = 0} or {@code 1} gives a finite loss), and the input gradient is
 * {@code g * (x - t) / max(x * (1 - x), 1e-12)} rather than the derivative of the clamped logs (which would
 * be zero where the clamp is active). The target gradient is {@code -g * logit(x)}.
 */
final class BinaryCrossEntropyFunction extends Function {
    /** PyTorch's EPSILON reaches the clamp as a float: 1e-12f, not 1e-12 (visible in float64 gradients). */
    private static final double EPSILON = 1e-12f;

    @Override
    protected String name() {
        return "BinaryCrossEntropyBackward0";
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor x = inputs[0], t = inputs[1];
        ctx.saveForBackward(x, t);
        Tensor logX = x.log().clampMin(-100);
        Tensor log1mX = x.neg().log1p().clampMin(-100);
        // (t - 1) * log(1 - x) - t * log(x)
        return t.sub(1.0).mul(log1mX).sub(t.mul(logX));
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor g) {
        Tensor x = ctx.saved(0), t = ctx.saved(1);
        Tensor gx = null, gt = null;
        if (ctx.needsInputGrad(0)) {
            gx = g.mul(x.sub(t)).div(x.rsub(1).mul(x).clampMin(EPSILON));
        }
        if (ctx.needsInputGrad(1)) {
            gt = g.mul(x.log().sub(x.neg().log1p())).neg();
        }
        return new Tensor[] {gx, gt};
    }
}
