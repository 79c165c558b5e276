package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused float32 optimizer updates: one pass over parameter, gradient and state instead of one pass per tensor op.
 * The arithmetic follows PyTorch's single-tensor float32 updates op by op ({@code add_(x, alpha)} is an fma, as in
 * ATen's vectorized add), so results match PyTorch's to the last bit or so. Each vector kernel has a scalar twin
 * with the same operations in the same order; the kernels split long tensors over {@link Parallel} threads.
 */
public final class OptimKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int GRAIN = 1 << 15;

    private OptimKernels() {}

    /**
     * SGD hyper-parameters as float, the way PyTorch casts Python scalars for a float32 tensor ({@code oneMinusDampening}
     * is {@code (float) (1 - dampening)}, computed in double as in Python).
     */
    public record Sgd(float lr, float momentum, float oneMinusDampening, float weightDecay, boolean nesterov, boolean maximize) {
        public static Sgd of(double lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize) {
            return new Sgd((float) lr, (float) momentum, (float) (1 - dampening), (float) weightDecay, nesterov, maximize);
        }
    }

    /**
     * {@code d = (maximize ? -g : g) + wd * p; buf = first ? d : momentum * buf + (1 - dampening) * d;
     * p -= lr * (nesterov ? d + momentum * buf : buf)}; without momentum ({@code buf == null}) {@code p -= lr * d}.
     */
    public static void sgd(Sgd h, int n, float[] p, int po, float[] g, int go, float[] buf, int bo, boolean first) {
        Parallel.forRange(n, GRAIN, (s, e) -> {
            if (ElementwiseKernels.USE_VECTOR_API) sgdVector(h, s, e, p, po, g, go, buf, bo, first);
            else sgdScalar(h, s, e, p, po, g, go, buf, bo, first);
        });
    }

    static void sgdScalar(Sgd h, int from, int to, float[] p, int po, float[] g, int go, float[] buf, int bo, boolean first) {
        float oneMinusDamp = h.oneMinusDampening(), negLr = -h.lr();
        for (int i = from; i < to; i++) {
            float pi = p[po + i];
            float d = h.maximize() ? -g[go + i] : g[go + i];
            if (h.weightDecay() != 0f) d = Math.fma(pi, h.weightDecay(), d);
            if (buf != null) {
                float b = first ? d : Math.fma(d, oneMinusDamp, buf[bo + i] * h.momentum());
                buf[bo + i] = b;
                d = h.nesterov() ? Math.fma(b, h.momentum(), d) : b;
            }
            p[po + i] = Math.fma(d, negLr, pi);
        }
    }

    static void sgdVector(Sgd h, int from, int to, float[] p, int po, float[] g, int go, float[] buf, int bo, boolean first) {
        FloatVector wd = FloatVector.broadcast(F, h.weightDecay()), mom = FloatVector.broadcast(F, h.momentum());
        FloatVector oneMinusDamp = FloatVector.broadcast(F, h.oneMinusDampening()), negLr = FloatVector.broadcast(F, -h.lr());
        int i = from;
        int bound = from + F.loopBound(to - from);
        for (; i < bound; i += F.length()) {
            FloatVector pi = FloatVector.fromArray(F, p, po + i);
            FloatVector d = FloatVector.fromArray(F, g, go + i);
            if (h.maximize()) d = d.neg();
            if (h.weightDecay() != 0f) d = pi.fma(wd, d);
            if (buf != null) {
                FloatVector b = first ? d : d.fma(oneMinusDamp, FloatVector.fromArray(F, buf, bo + i).mul(mom));
                b.intoArray(buf, bo + i);
                d = h.nesterov() ? b.fma(mom, d) : b;
            }
            d.fma(negLr, pi).intoArray(p, po + i);
        }
        sgdScalar(h, i, to, p, po, g, go, buf, bo, first);
    }

    /**
     * Adam/AdamW hyper-parameters of one step, computed in double and cast to float as PyTorch does:
     * {@code stepSize = lr / (1 - b1^t)}, {@code bc2Sqrt = sqrt(1 - b2^t)}, {@code decay = 1 - lr * wd} for AdamW
     * (1 for Adam), {@code weightDecay} the L2 term added to the gradient for Adam (0 for AdamW).
     */
    public record AdamStep(float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float eps, float weightDecay,
                           float decay, float stepSize, float bc2Sqrt, boolean maximize) {
        public static AdamStep of(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                                  boolean maximize, double step) {
            double bc1 = 1 - Math.pow(beta1, step), bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
            return new AdamStep((float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2), (float) eps,
                    decoupled ? 0f : (float) weightDecay, decoupled ? (float) (1 - lr * weightDecay) : 1f,
                    (float) (lr / bc1), (float) bc2Sqrt, maximize);
        }
    }

    /**
     * {@code p *= decay; g += wd * p; m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g*g; vmax = max(vmax, v);
     * p -= stepSize * m / (sqrt(vmax or v) / bc2Sqrt + eps)}; {@code vmax == null} without AMSGrad. The order of
     * operations is that of PyTorch's {@code mul_, add_, mul_, addcmul_, sqrt, div, add_, addcdiv_}.
     */
    public static void adam(AdamStep h, int n, float[] p, int po, float[] g, int go, float[] m, int mo, float[] v, int vo,
                            float[] vmax, int xo) {
        Parallel.forRange(n, GRAIN, (s, e) -> {
            if (ElementwiseKernels.USE_VECTOR_API) adamVector(h, s, e, p, po, g, go, m, mo, v, vo, vmax, xo);
            else adamScalar(h, s, e, p, po, g, go, m, mo, v, vo, vmax, xo);
        });
    }

    static void adamScalar(AdamStep h, int from, int to, float[] p, int po, float[] g, int go, float[] m, int mo,
                           float[] v, int vo, float[] vmax, int xo) {
        float a1 = h.oneMinusBeta1(), a2 = h.oneMinusBeta2(), negStep = -h.stepSize();
        for (int i = from; i < to; i++) {
            float pi = p[po + i];
            if (h.decay() != 1f) pi = pi * h.decay();
            float gi = h.maximize() ? -g[go + i] : g[go + i];
            if (h.weightDecay() != 0f) gi = Math.fma(pi, h.weightDecay(), gi);
            float mi = Math.fma(gi, a1, m[mo + i] * h.beta1());
            float vi = v[vo + i] * h.beta2() + a2 * gi * gi;
            m[mo + i] = mi;
            v[vo + i] = vi;
            if (vmax != null) {
                vi = Math.max(vmax[xo + i], vi);
                vmax[xo + i] = vi;
            }
            float denom = (float) Math.sqrt(vi) / h.bc2Sqrt() + h.eps();
            p[po + i] = pi + negStep * mi / denom;
        }
    }

    static void adamVector(AdamStep h, int from, int to, float[] p, int po, float[] g, int go, float[] m, int mo,
                           float[] v, int vo, float[] vmax, int xo) {
        FloatVector a1 = FloatVector.broadcast(F, h.oneMinusBeta1()), wd = FloatVector.broadcast(F, h.weightDecay());
        float a2 = h.oneMinusBeta2(), negStep = -h.stepSize();
        int i = from;
        int bound = from + F.loopBound(to - from);
        for (; i < bound; i += F.length()) {
            FloatVector pi = FloatVector.fromArray(F, p, po + i);
            if (h.decay() != 1f) pi = pi.mul(h.decay());
            FloatVector gi = FloatVector.fromArray(F, g, go + i);
            if (h.maximize()) gi = gi.neg();
            if (h.weightDecay() != 0f) gi = pi.fma(wd, gi);
            FloatVector mi = gi.fma(a1, FloatVector.fromArray(F, m, mo + i).mul(h.beta1()));
            FloatVector vi = FloatVector.fromArray(F, v, vo + i).mul(h.beta2()).add(gi.mul(a2).mul(gi));
            mi.intoArray(m, mo + i);
            vi.intoArray(v, vo + i);
            if (vmax != null) {
                vi = FloatVector.fromArray(F, vmax, xo + i).max(vi);
                vi.intoArray(vmax, xo + i);
            }
            FloatVector denom = vi.sqrt().div(h.bc2Sqrt()).add(h.eps());
            pi.add(mi.mul(negStep).div(denom)).intoArray(p, po + i);
        }
        adamScalar(h, i, to, p, po, g, go, m, mo, v, vo, vmax, xo);
    }
}
