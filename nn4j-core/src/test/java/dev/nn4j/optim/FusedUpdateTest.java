package dev.nn4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SGD and Adam on float32 parameters (the fused vector kernels) against PyTorch's single-tensor update written as
 * Tensor ops in float32, step by step, and against the float64 path (the double-precision loop of {@link Vec}).
 */
class FusedUpdateTest {
    private static Tensor param(Generator g, int... shape) {
        return Tensor.randn(g, shape).requiresGrad_(true);
    }

    private static void assertClose(Tensor want, Tensor got, double tol, String what) {
        float[] w = want.contiguous().toFloatArray(), a = got.contiguous().toFloatArray();
        assertEquals(w.length, a.length, what);
        for (int i = 0; i < w.length; i++) {
            assertEquals(w[i], a[i], tol * (1 + Math.abs(w[i])), what + " at " + i);
        }
    }

    @Test
    void sgdMatchesPyTorchOpSequence() {
        for (boolean nesterov : new boolean[] {false, true}) {
            for (boolean maximize : new boolean[] {false, true}) {
                Generator g = new Generator(7);
                Tensor p = param(g, 37, 5), ref = p.detach().clone(), buf = null;
                double lr = 0.1, mom = 0.9, damp = nesterov ? 0 : 0.25, wd = 0.01;
                SGD opt = new SGD(List.of(p), SGD.options().lr(lr).momentum(mom).dampening(damp).weightDecay(wd)
                        .nesterov(nesterov).maximize(maximize));
                for (int step = 0; step < 4; step++) {
                    Tensor grad = Tensor.randn(g, 37, 5);
                    p.setGrad(grad);
                    opt.step();
                    Tensor d = maximize ? grad.neg() : grad;
                    d = d.add(ref.mul(wd));
                    buf = buf == null ? d.clone() : buf.mul(mom).add(d.mul(1 - damp));
                    d = nesterov ? d.add(buf.mul(mom)) : buf;
                    ref = ref.sub(d.mul(lr));
                    assertClose(ref, p.detach(), 1e-6, "nesterov=" + nesterov + " maximize=" + maximize + " step " + step);
                }
            }
        }
    }

    @Test
    void adamAndAdamWMatchPyTorchOpSequence() {
        for (boolean decoupled : new boolean[] {false, true}) {
            for (boolean amsgrad : new boolean[] {false, true}) {
                Generator g = new Generator(8);
                Tensor p = param(g, 3, 41), ref = p.detach().clone();
                double lr = 1e-2, b1 = 0.9, b2 = 0.99, eps = 1e-8, wd = 0.05;
                Optimizer opt = decoupled
                        ? new AdamW(List.of(p), AdamW.options().lr(lr).betas(b1, b2).eps(eps).weightDecay(wd).amsgrad(amsgrad))
                        : new Adam(List.of(p), Adam.options().lr(lr).betas(b1, b2).eps(eps).weightDecay(wd).amsgrad(amsgrad));
                Tensor m = Tensor.zeros(3, 41), v = Tensor.zeros(3, 41), vmax = Tensor.zeros(3, 41);
                for (int step = 1; step <= 5; step++) {
                    Tensor grad = Tensor.randn(g, 3, 41);
                    p.setGrad(grad);
                    opt.step();
                    Tensor gi = grad;
                    if (decoupled) ref = ref.mul(1 - lr * wd);
                    else gi = gi.add(ref.mul(wd));
                    m = m.mul(b1).add(gi.mul(1 - b1));
                    v = v.mul(b2).add(gi.mul(gi).mul(1 - b2));
                    Tensor vv = v;
                    if (amsgrad) vv = vmax = vmax.maximum(v);
                    double bc1 = 1 - Math.pow(b1, step), bc2 = 1 - Math.pow(b2, step);
                    Tensor denom = vv.sqrt().div(Math.sqrt(bc2)).add(eps);
                    ref = ref.sub(m.div(denom).mul(lr / bc1));
                    assertClose(ref, p.detach(), 2e-6, "decoupled=" + decoupled + " amsgrad=" + amsgrad + " step " + step);
                }
            }
        }
    }

    @Test
    void float32PathAgreesWithFloat64Path() {
        Generator g = new Generator(9);
        Tensor p32 = param(g, 1000), p64 = p32.detach().to(DType.FLOAT64).requiresGrad_(true);
        Adam a32 = new Adam(List.of(p32), 1e-3), a64 = new Adam(List.of(p64), 1e-3);
        for (int step = 0; step < 10; step++) {
            Tensor grad = Tensor.randn(g, 1000);
            p32.setGrad(grad);
            p64.setGrad(grad.to(DType.FLOAT64));
            a32.step();
            a64.step();
        }
        assertClose(p64.detach().to(DType.FLOAT32), p32.detach(), 1e-5, "adam float32 vs float64");
    }
}
