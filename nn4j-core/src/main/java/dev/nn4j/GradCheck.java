package dev.nn4j;

import dev.nn4j.internal.Shapes;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Compares autograd's gradients with central finite differences, as {@code torch.autograd.gradcheck}.
 * Inputs should be float64: float32 differences are too coarse for a tight check.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Throws an {@link AssertionError} naming the input and element where the gradients disagree. */
    public static void check(Function<Tensor[], Tensor> fn, Tensor... inputs) {
        check(fn, 1e-6, 1e-5, 1e-3, inputs);
    }

    public static void check(Function<Tensor[], Tensor> fn, double eps, double atol, double rtol, Tensor... inputs) {
        Tensor out = fn.apply(inputs);
        Generator gen = new Generator(1234);
        // a random projection of the output makes every output element count
        Tensor proj = Tensor.randn(DType.FLOAT64, gen, out.shape()).to(out.dtype);
        for (Tensor in : inputs) if (in != null && in.requiresGrad) in.setGrad(null);
        out.mul(proj).sum().backward();
        for (int k = 0; k < inputs.length; k++) {
            Tensor in = inputs[k];
            if (in == null || !in.requiresGrad) continue;
            double[] analytic = in.grad == null ? new double[in.numel()] : in.grad.toDoubleArray();
            int n = in.numel();
            int[] shape = in.shape();
            for (int i = 0; i < n; i++) {
                int[] idx = unravel(i, shape);
                double orig = in.get(idx);
                double plus, minus;
                try (var g = Autograd.noGrad()) {
                    in.set(orig + eps, idx);
                    plus = fn.apply(inputs).mul(proj).sum().item();
                    in.set(orig - eps, idx);
                    minus = fn.apply(inputs).mul(proj).sum().item();
                    in.set(orig, idx);
                }
                double numeric = (plus - minus) / (2 * eps);
                if (Math.abs(numeric - analytic[i]) > atol + rtol * Math.abs(numeric)) {
                    throw new AssertionError("GradCheck: input " + k + " of shape " + Shapes.str(shape) + ", element "
                            + Arrays.toString(idx) + ": analytic " + analytic[i] + " vs numeric " + numeric);
                }
            }
        }
    }

    private static int[] unravel(int i, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = i % shape[d];
            i /= shape[d];
        }
        return idx;
    }
}
