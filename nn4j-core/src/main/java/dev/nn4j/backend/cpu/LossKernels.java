package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fused cross-entropy over a contiguous row-major {@code (n, c)} logits matrix with class-index targets:
 * the forward computes each row's log-sum-exp (the loss is then {@code lse - x[t]}), the backward writes
 * {@code scale[r] * (softmax(x[r]) - onehot(t[r]))} from the saved log-sum-exp. The float32 vector paths have
 * scalar twins that accumulate in double and serve as oracle; float64 runs the scalar code.
 */
public final class LossKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private LossKernels() {}

    private static int grain(int c) {
        return Math.max(1, (1 << 14) / Math.max(1, c));
    }

    // ------------------------------------------------------------------ row log-sum-exp

    /** {@code lse[r] = log(sum_j exp(x[r, j]))} for every row {@code r < n}. */
    public static void rowLogSumExp(float[] x, int xo, int n, int c, float[] lse) {
        if (!ElementwiseKernels.USE_VECTOR_API) {
            rowLogSumExpScalar(x, xo, n, c, lse);
            return;
        }
        Parallel.forRange(n, grain(c), (s, e) -> {
            for (int r = s; r < e; r++) lse[r] = logSumExpVector(x, xo + r * c, c);
        });
    }

    public static void rowLogSumExpScalar(float[] x, int xo, int n, int c, float[] lse) {
        for (int r = 0; r < n; r++) lse[r] = (float) logSumExpScalar(x, xo + r * c, c);
    }

    public static void rowLogSumExp(double[] x, int xo, int n, int c, double[] lse) {
        Parallel.forRange(n, grain(c), (s, e) -> {
            for (int r = s; r < e; r++) {
                int o = xo + r * c;
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) m = Math.max(m, x[o + j]);
                double shift = Double.isInfinite(m) ? 0 : m;
                double sum = 0;
                for (int j = 0; j < c; j++) sum += Math.exp(x[o + j] - shift);
                lse[r] = shift + Math.log(sum);
            }
        });
    }

    private static float logSumExpVector(float[] x, int o, int c) {
        int L = S.length(), bound = S.loopBound(c), j;
        FloatVector vmax = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (j = 0; j < bound; j += L) vmax = vmax.max(FloatVector.fromArray(S, x, o + j));
        float m = Math.max(vmax.reduceLanes(VectorOperators.MAX), maxScalar(x, o + j, c - j));
        // a row of -inf (or +inf) would give inf - inf: shift by 0 instead, as the composite does
        if (Float.isInfinite(m) || Float.isNaN(m)) return (float) logSumExpScalar(x, o, c);
        FloatVector vm = FloatVector.broadcast(S, m), vsum = FloatVector.zero(S);
        for (j = 0; j < bound; j += L) {
            vsum = vsum.add(VectorMath.exp(FloatVector.fromArray(S, x, o + j).sub(vm)));
        }
        double sum = ElementwiseKernels.addLanes(vsum) + sumExpScalar(x, o + j, c - j, m);
        return (float) (m + Math.log(sum));
    }

    private static float maxScalar(float[] x, int o, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) m = Math.max(m, x[o + j]);
        return m;
    }

    private static double sumExpScalar(float[] x, int o, int n, double shift) {
        double sum = 0;
        for (int j = 0; j < n; j++) sum += Math.exp(x[o + j] - shift);
        return sum;
    }

    private static double logSumExpScalar(float[] x, int o, int c) {
        float m = maxScalar(x, o, c);
        double shift = Float.isInfinite(m) ? 0 : m;
        return shift + Math.log(sumExpScalar(x, o, c, shift));
    }

    // ------------------------------------------------------------------ backward: scale * (softmax - onehot)

    /**
     * {@code g[r, j] = scale[r] * (exp(x[r, j] - lse[r]) - (j == t[r] ? 1 : 0))}; rows with {@code scale[r] == 0}
     * (ignored targets) are zero. {@code t[r]} must lie in {@code [0, c)} wherever {@code scale[r] != 0}.
     */
    public static void softmaxMinusOneHot(float[] x, int xo, int n, int c, float[] lse, long[] t, float[] scale, float[] g) {
        if (!ElementwiseKernels.USE_VECTOR_API) {
            softmaxMinusOneHotScalar(x, xo, n, c, lse, t, scale, g);
            return;
        }
        Parallel.forRange(n, grain(c), (s, e) -> {
            int L = S.length(), bound = S.loopBound(c);
            for (int r = s; r < e; r++) {
                int o = xo + r * c, go = r * c;
                float sc = scale[r];
                if (sc == 0) {
                    java.util.Arrays.fill(g, go, go + c, 0f);
                    continue;
                }
                FloatVector vl = FloatVector.broadcast(S, lse[r]);
                int j;
                for (j = 0; j < bound; j += L) {
                    VectorMath.exp(FloatVector.fromArray(S, x, o + j).sub(vl)).mul(sc).intoArray(g, go + j);
                }
                softmaxRowScalar(x, o + j, c - j, lse[r], sc, g, go + j);
                g[go + (int) t[r]] -= sc;
            }
        });
    }

    public static void softmaxMinusOneHotScalar(float[] x, int xo, int n, int c, float[] lse, long[] t, float[] scale, float[] g) {
        for (int r = 0; r < n; r++) {
            int go = r * c;
            float sc = scale[r];
            if (sc == 0) {
                java.util.Arrays.fill(g, go, go + c, 0f);
                continue;
            }
            softmaxRowScalar(x, xo + r * c, c, lse[r], sc, g, go);
            g[go + (int) t[r]] -= sc;
        }
    }

    private static void softmaxRowScalar(float[] x, int o, int n, float lse, float sc, float[] g, int go) {
        for (int j = 0; j < n; j++) g[go + j] = (float) (sc * Math.exp(x[o + j] - lse));
    }

    public static void softmaxMinusOneHot(double[] x, int xo, int n, int c, double[] lse, long[] t, double[] scale, double[] g) {
        Parallel.forRange(n, grain(c), (s, e) -> {
            for (int r = s; r < e; r++) {
                int o = xo + r * c, go = r * c;
                double sc = scale[r];
                if (sc == 0) {
                    java.util.Arrays.fill(g, go, go + c, 0.0);
                    continue;
                }
                for (int j = 0; j < c; j++) g[go + j] = sc * Math.exp(x[o + j] - lse[r]);
                g[go + (int) t[r]] -= sc;
            }
        });
    }
}
