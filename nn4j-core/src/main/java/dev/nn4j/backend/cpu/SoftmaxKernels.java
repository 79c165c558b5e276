package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Softmax and log-softmax over the middle axis of a contiguous {@code (outer, n, inner)} block, forward and
 * backward. Each row (one {@code outer} index, one {@code inner} index) is read and written by one task;
 * with {@code inner == 1} the row is contiguous and the vector path runs along it, otherwise the vector path
 * runs across {@code inner} (n rows at once). The scalar twins accumulate in double and are the oracle.
 */
public final class SoftmaxKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private SoftmaxKernels() {}

    private static int grain(int n, int inner) {
        return Math.max(1, (1 << 15) / Math.max(1, n * inner));
    }

    // ------------------------------------------------------------------ forward

    public static void forward(float[] x, int xo, float[] y, int yo, int outer, int n, int inner, boolean log) {
        if (!ElementwiseKernels.USE_VECTOR_API) {
            forwardScalar(x, xo, y, yo, outer, n, inner, log);
            return;
        }
        Parallel.forRange(outer, grain(n, inner), (s, e) -> {
            for (int o = s; o < e; o++) {
                int base = o * n * inner;
                if (inner == 1) rowVector(x, xo + base, y, yo + base, n, log);
                else blockVector(x, xo + base, y, yo + base, n, inner, log);
            }
        });
    }

    private static void rowVector(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        int L = S.length(), bound = S.loopBound(n), i;
        float max = ElementwiseKernels.max(x, xo, n);
        if (max == Float.NEGATIVE_INFINITY || Float.isNaN(max)) {
            rowScalar(x, xo, y, yo, n, log);
            return;
        }
        FloatVector vmax = FloatVector.broadcast(S, max), vsum = FloatVector.zero(S);
        float sum = 0;
        if (log) {
            for (i = 0; i < bound; i += L) {
                vsum = vsum.add(VectorMath.exp(FloatVector.fromArray(S, x, xo + i).sub(vmax)));
            }
            sum = ElementwiseKernels.addLanes(vsum);
            for (; i < n; i++) sum += VectorMath.exp(x[xo + i] - max);
            float shift = max + (float) Math.log(sum);
            FloatVector vshift = FloatVector.broadcast(S, shift);
            for (i = 0; i < bound; i += L) FloatVector.fromArray(S, x, xo + i).sub(vshift).intoArray(y, yo + i);
            for (; i < n; i++) y[yo + i] = x[xo + i] - shift;
        } else {
            for (i = 0; i < bound; i += L) {
                FloatVector e = VectorMath.exp(FloatVector.fromArray(S, x, xo + i).sub(vmax));
                e.intoArray(y, yo + i);
                vsum = vsum.add(e);
            }
            sum = ElementwiseKernels.addLanes(vsum);
            for (; i < n; i++) {
                float e = VectorMath.exp(x[xo + i] - max);
                y[yo + i] = e;
                sum += e;
            }
            float inv = 1f / sum;
            FloatVector vinv = FloatVector.broadcast(S, inv);
            for (i = 0; i < bound; i += L) FloatVector.fromArray(S, y, yo + i).mul(vinv).intoArray(y, yo + i);
            for (; i < n; i++) y[yo + i] *= inv;
        }
    }

    /** n rows of length inner, vectorised across inner: max, sum of exp, then normalise. */
    private static void blockVector(float[] x, int xo, float[] y, int yo, int n, int inner, boolean log) {
        int L = S.length(), bound = S.loopBound(inner), j;
        for (j = 0; j < bound; j += L) {
            FloatVector vmax = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
            for (int k = 0; k < n; k++) vmax = vmax.max(FloatVector.fromArray(S, x, xo + k * inner + j));
            if (vmax.compare(VectorOperators.EQ, Float.NEGATIVE_INFINITY).anyTrue()
                    || vmax.test(VectorOperators.IS_NAN).anyTrue()) {
                columnsScalar(x, xo, y, yo, n, inner, j, j + L, log);
                continue;
            }
            FloatVector vsum = FloatVector.zero(S);
            for (int k = 0; k < n; k++) {
                int p = k * inner + j;
                FloatVector e = VectorMath.exp(FloatVector.fromArray(S, x, xo + p).sub(vmax));
                if (!log) e.intoArray(y, yo + p);
                vsum = vsum.add(e);
            }
            if (log) {
                FloatVector shift = vmax.add(VectorMath.log(vsum));
                for (int k = 0; k < n; k++) {
                    int p = k * inner + j;
                    FloatVector.fromArray(S, x, xo + p).sub(shift).intoArray(y, yo + p);
                }
            } else {
                FloatVector inv = FloatVector.broadcast(S, 1f).div(vsum);
                for (int k = 0; k < n; k++) {
                    int p = k * inner + j;
                    FloatVector.fromArray(S, y, yo + p).mul(inv).intoArray(y, yo + p);
                }
            }
        }
        columnsScalar(x, xo, y, yo, n, inner, j, inner, log);
    }

    public static void forwardScalar(float[] x, int xo, float[] y, int yo, int outer, int n, int inner, boolean log) {
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            columnsScalar(x, xo + base, y, yo + base, n, inner, 0, inner, log);
        }
    }

    private static void rowScalar(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        columnsScalar(x, xo, y, yo, n, 1, 0, 1, log);
    }

    /** Columns [j0, j1) of an (n, inner) block; a row whose max is -inf gives NaN, as in PyTorch. */
    private static void columnsScalar(float[] x, int xo, float[] y, int yo, int n, int inner, int j0, int j1, boolean log) {
        for (int j = j0; j < j1; j++) {
            double max = Double.NEGATIVE_INFINITY;
            boolean nan = false;
            for (int k = 0; k < n; k++) {
                float v = x[xo + k * inner + j];
                if (Float.isNaN(v)) nan = true;
                else if (v > max) max = v;
            }
            if (nan) max = Double.NaN;
            double sum = 0;
            for (int k = 0; k < n; k++) sum += Math.exp(x[xo + k * inner + j] - max);
            if (log) {
                double shift = max + Math.log(sum);
                for (int k = 0; k < n; k++) y[yo + k * inner + j] = (float) (x[xo + k * inner + j] - shift);
            } else {
                for (int k = 0; k < n; k++) y[yo + k * inner + j] = (float) (Math.exp(x[xo + k * inner + j] - max) / sum);
            }
        }
    }

    public static void forward(double[] x, int xo, double[] y, int yo, int outer, int n, int inner, boolean log) {
        Parallel.forRange(outer, grain(n, inner), (s, e) -> {
            for (int o = s; o < e; o++) {
                int base = o * n * inner;
                for (int j = 0; j < inner; j++) {
                    int xb = xo + base + j, yb = yo + base + j;
                    double max = Double.NEGATIVE_INFINITY;
                    boolean nan = false;
                    for (int k = 0; k < n; k++) {
                        double v = x[xb + k * inner];
                        if (Double.isNaN(v)) nan = true;
                        else if (v > max) max = v;
                    }
                    if (nan) max = Double.NaN;
                    double sum = 0;
                    for (int k = 0; k < n; k++) sum += Math.exp(x[xb + k * inner] - max);
                    double shift = max + Math.log(sum);
                    for (int k = 0; k < n; k++) {
                        y[yb + k * inner] = log ? x[xb + k * inner] - shift : Math.exp(x[xb + k * inner] - max) / sum;
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------ backward

    /**
     * softmax: gx = y * (g - sum(g * y)); log-softmax: gx = g - exp(y) * sum(g), sums along the softmax axis.
     */
    public static void backward(float[] g, int go, float[] y, int yo, float[] gx, int gxo, int outer, int n, int inner, boolean log) {
        if (!ElementwiseKernels.USE_VECTOR_API) {
            backwardScalar(g, go, y, yo, gx, gxo, outer, n, inner, log);
            return;
        }
        Parallel.forRange(outer, grain(n, inner), (s, e) -> {
            for (int o = s; o < e; o++) {
                int base = o * n * inner;
                if (inner == 1) rowBackwardVector(g, go + base, y, yo + base, gx, gxo + base, n, log);
                else blockBackwardVector(g, go + base, y, yo + base, gx, gxo + base, n, inner, log);
            }
        });
    }

    private static void rowBackwardVector(float[] g, int go, float[] y, int yo, float[] gx, int gxo, int n, boolean log) {
        int L = S.length(), bound = S.loopBound(n), i;
        FloatVector acc = FloatVector.zero(S);
        float dot = 0;
        if (log) {
            for (i = 0; i < bound; i += L) acc = acc.add(FloatVector.fromArray(S, g, go + i));
            dot = ElementwiseKernels.addLanes(acc);
            for (; i < n; i++) dot += g[go + i];
            FloatVector vd = FloatVector.broadcast(S, dot);
            for (i = 0; i < bound; i += L) {
                FloatVector ey = VectorMath.exp(FloatVector.fromArray(S, y, yo + i));
                FloatVector.fromArray(S, g, go + i).sub(ey.mul(vd)).intoArray(gx, gxo + i);
            }
            for (; i < n; i++) gx[gxo + i] = g[go + i] - VectorMath.exp(y[yo + i]) * dot;
        } else {
            for (i = 0; i < bound; i += L) {
                acc = FloatVector.fromArray(S, g, go + i).fma(FloatVector.fromArray(S, y, yo + i), acc);
            }
            dot = ElementwiseKernels.addLanes(acc);
            for (; i < n; i++) dot += g[go + i] * y[yo + i];
            FloatVector vd = FloatVector.broadcast(S, dot);
            for (i = 0; i < bound; i += L) {
                FloatVector vy = FloatVector.fromArray(S, y, yo + i);
                FloatVector.fromArray(S, g, go + i).sub(vd).mul(vy).intoArray(gx, gxo + i);
            }
            for (; i < n; i++) gx[gxo + i] = (g[go + i] - dot) * y[yo + i];
        }
    }

    private static void blockBackwardVector(float[] g, int go, float[] y, int yo, float[] gx, int gxo, int n, int inner, boolean log) {
        int L = S.length(), bound = S.loopBound(inner), j;
        for (j = 0; j < bound; j += L) {
            FloatVector acc = FloatVector.zero(S);
            for (int k = 0; k < n; k++) {
                int p = k * inner + j;
                FloatVector vg = FloatVector.fromArray(S, g, go + p);
                acc = log ? acc.add(vg) : vg.fma(FloatVector.fromArray(S, y, yo + p), acc);
            }
            for (int k = 0; k < n; k++) {
                int p = k * inner + j;
                FloatVector vg = FloatVector.fromArray(S, g, go + p), vy = FloatVector.fromArray(S, y, yo + p);
                FloatVector r = log ? vg.sub(VectorMath.exp(vy).mul(acc)) : vg.sub(acc).mul(vy);
                r.intoArray(gx, gxo + p);
            }
        }
        backwardColumnsScalar(g, go, y, yo, gx, gxo, n, inner, j, inner, log);
    }

    public static void backwardScalar(float[] g, int go, float[] y, int yo, float[] gx, int gxo, int outer, int n, int inner, boolean log) {
        for (int o = 0; o < outer; o++) {
            int base = o * n * inner;
            backwardColumnsScalar(g, go + base, y, yo + base, gx, gxo + base, n, inner, 0, inner, log);
        }
    }

    private static void backwardColumnsScalar(float[] g, int go, float[] y, int yo, float[] gx, int gxo,
                                              int n, int inner, int j0, int j1, boolean log) {
        for (int j = j0; j < j1; j++) {
            double dot = 0;
            for (int k = 0; k < n; k++) {
                int p = k * inner + j;
                dot += log ? g[go + p] : (double) g[go + p] * y[yo + p];
            }
            for (int k = 0; k < n; k++) {
                int p = k * inner + j;
                gx[gxo + p] = (float) (log ? g[go + p] - Math.exp(y[yo + p]) * dot : (g[go + p] - dot) * y[yo + p]);
            }
        }
    }

    public static void backward(double[] g, int go, double[] y, int yo, double[] gx, int gxo, int outer, int n, int inner, boolean log) {
        Parallel.forRange(outer, grain(n, inner), (s, e) -> {
            for (int o = s; o < e; o++) {
                int base = o * n * inner;
                for (int j = 0; j < inner; j++) {
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        int p = base + k * inner + j;
                        dot += log ? g[go + p] : g[go + p] * y[yo + p];
                    }
                    for (int k = 0; k < n; k++) {
                        int p = base + k * inner + j;
                        gx[gxo + p] = log ? g[go + p] - Math.exp(y[yo + p]) * dot : (g[go + p] - dot) * y[yo + p];
                    }
                }
            }
        });
    }
}
