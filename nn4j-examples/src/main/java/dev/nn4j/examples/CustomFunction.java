package dev.nn4j.examples;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.GradCheck;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * A custom autograd {@link Function}: Swish with a learnable β, {@code y = x · σ(β·x)}, with its own backward.
 *
 * <p>Written as a composite ({@code x.mul(x.mul(beta).sigmoid())}) it would need no backward at all: autograd
 * differentiates every Tensor op. A {@code Function} pays where the hand-written backward is cheaper or more stable
 * than the recorded graph: here forward saves only {@code x} and {@code β} (the composite keeps three intermediate
 * tensors alive until backward) and backward computes both gradients from one σ:
 * <pre>
 *   s = σ(β·x)    ∂y/∂x = s + β·x·s·(1 − s)    ∂y/∂β = x²·s·(1 − s)   (summed over the dims β was broadcast along)
 * </pre>
 * {@link GradCheck} compares that backward with finite differences in float64: the test every custom op needs.
 */
public final class CustomFunction {
    private CustomFunction() {}

    /** Swish with a learnable β broadcast against x (a scalar, or one β per feature). */
    public static final class Swish extends Function {
        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor x = in[0], beta = in[1];
            ctx.saveForBackward(x, beta);
            return x.mul(x.mul(beta).sigmoid());
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor grad) {
            Tensor x = ctx.saved(0), beta = ctx.saved(1);
            Tensor s = x.mul(beta).sigmoid();
            Tensor ds = s.mul(s.rsub(1));                                     // σ'(z) = s (1 - s)
            Tensor gx = ctx.needsInputGrad(0) ? grad.mul(s.add(beta.mul(x).mul(ds))) : null;
            Tensor gb = ctx.needsInputGrad(1) ? grad.mul(x.square().mul(ds)).sumToSize(beta.shape()) : null;
            return new Tensor[] {gx, gb};
        }
    }

    /** {@code swish(x, beta)}: records one autograd node whose backward is {@link Swish#backward}. */
    public static Tensor swish(Tensor x, Tensor beta) {
        return new Swish().apply(x, beta);
    }

    /** The same function as a composite of Tensor ops: autograd derives its backward (the reference). */
    public static Tensor swishComposite(Tensor x, Tensor beta) {
        return x.mul(x.mul(beta).sigmoid());
    }

    /** Outputs and gradients of the Function and the composite on the same float32 inputs. */
    public record Result(Tensor out, Tensor outReference, Tensor gradX, Tensor gradXReference, Tensor gradBeta,
                         Tensor gradBetaReference, String gradFn) {}

    /** Runs the Function and its composite twin on (N, C) inputs with one β per feature. */
    public static Result compare(int n, int c, long seed) {
        Generator g = new Generator(seed);
        Tensor x0 = Tensor.randn(g, n, c).mul(3), beta0 = Tensor.rand(g, c).add(0.5);
        Tensor x = x0.clone().requiresGrad_(), beta = beta0.clone().requiresGrad_();
        Tensor y = swish(x, beta);
        y.sum().backward();
        Tensor xr = x0.clone().requiresGrad_(), betar = beta0.clone().requiresGrad_();
        Tensor yr = swishComposite(xr, betar);
        yr.sum().backward();
        return new Result(y.detach(), yr.detach(), x.grad(), xr.grad(), beta.grad(), betar.grad(), y.gradFn().name());
    }

    /** Checks the backward against central finite differences in float64; throws AssertionError if they differ. */
    public static void gradCheck(long seed) {
        Generator g = new Generator(seed);
        Tensor x = Tensor.randn(DType.FLOAT64, g, 5, 3).requiresGrad_();
        Tensor beta = Tensor.rand(DType.FLOAT64, g, 3).add(0.5).requiresGrad_();
        GradCheck.check(in -> swish(in[0], in[1]), x, beta);
        Tensor scalarBeta = Tensor.of(1.7).requiresGrad_();                 // β broadcast over every element
        GradCheck.check(in -> swish(in[0], in[1]), x, scalarBeta);
    }

    public static void main(String[] args) {
        Result r = compare(4, 3, 0);
        System.out.println("y = swish(x, beta), grad_fn " + r.gradFn());
        System.out.println("max |y - composite|         = " + r.out().sub(r.outReference()).abs().max().item());
        System.out.println("max |dx - composite dx|     = " + r.gradX().sub(r.gradXReference()).abs().max().item());
        System.out.println("dbeta (Function)  = " + Arrays.toString(r.gradBeta().toFloatArray()));
        System.out.println("dbeta (composite) = " + Arrays.toString(r.gradBetaReference().toFloatArray()));
        gradCheck(0);
        System.out.println("GradCheck (float64, finite differences): passed");
    }
}
