package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch-norm and layer-norm kernels, forward and backward, on contiguous data.
 *
 * <p>Batch norm sees the input as {@code (N, C, S)} (S = product of the spatial sizes) and reduces per channel
 * over N and S; layer norm sees it as {@code (R, D)} and reduces per row over D. Statistics are accumulated
 * in double. The float32 vector paths run along contiguous stretches (S, or D); the scalar twins
 * ({@code *Scalar}, generic over float and double buffers through {@link Buf}) are the float64 path and the
 * test oracle.
 */
public final class NormKernels {
    private static final VectorSpecies<Float> V = FloatVector.SPECIES_PREFERRED;

    private NormKernels() {}

    /** A float[] or double[] seen as doubles, so one scalar kernel serves both dtypes. */
    public interface Buf {
        double get(int i);

        void set(int i, double v);

        static Buf of(float[] a) {
            return new Buf() {
                public double get(int i) { return a[i]; }
                public void set(int i, double v) { a[i] = (float) v; }
            };
        }

        static Buf of(double[] a) {
            return new Buf() {
                public double get(int i) { return a[i]; }
                public void set(int i, double v) { a[i] = v; }
            };
        }
    }

    // ------------------------------------------------------------------ vector helpers (float32)

    private static double sum(float[] x, int off, int n) {
        int i = 0;
        double s = 0;
        if (n >= V.length()) {
            FloatVector acc = FloatVector.zero(V);
            int bound = V.loopBound(n);
            for (; i < bound; i += V.length()) acc = acc.add(FloatVector.fromArray(V, x, off + i));
            s = ElementwiseKernels.addLanes(acc);
        }
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    /** sum((x - mean)^2) */
    private static double sumSqDev(float[] x, int off, int n, float mean) {
        int i = 0;
        double s = 0;
        if (n >= V.length()) {
            FloatVector acc = FloatVector.zero(V), vm = FloatVector.broadcast(V, mean);
            int bound = V.loopBound(n);
            for (; i < bound; i += V.length()) {
                FloatVector d = FloatVector.fromArray(V, x, off + i).sub(vm);
                acc = d.fma(d, acc);
            }
            s = ElementwiseKernels.addLanes(acc);
        }
        for (; i < n; i++) {
            double d = x[off + i] - mean;
            s += d * d;
        }
        return s;
    }

    /** y = x * scale + shift */
    private static void affine(float[] x, int xo, float[] y, int yo, int n, float scale, float shift) {
        int i = 0;
        FloatVector vs = FloatVector.broadcast(V, scale), vb = FloatVector.broadcast(V, shift);
        int bound = V.loopBound(n);
        for (; i < bound; i += V.length()) FloatVector.fromArray(V, x, xo + i).fma(vs, vb).intoArray(y, yo + i);
        for (; i < n; i++) y[yo + i] = x[xo + i] * scale + shift;
    }

    // ------------------------------------------------------------------ batch norm

    /**
     * Per-channel batch statistics of an (N, C, S) input: writes mean[c] and biased var[c].
     */
    public static void batchStats(float[] x, int xo, int n, int c, int s, double[] mean, double[] var) {
        if (!ElementwiseKernels.USE_VECTOR_API || s < V.length()) {
            batchStatsScalar(Buf.of(x), xo, n, c, s, mean, var);
            return;
        }
        long m = (long) n * s;
        Parallel.forRange(c, Math.max(1, (int) (65536 / Math.max(1, m))), (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double acc = 0;
                for (int b = 0; b < n; b++) acc += sum(x, xo + (b * c + ch) * s, s);
                double mu = acc / m;
                double sq = 0;
                for (int b = 0; b < n; b++) sq += sumSqDev(x, xo + (b * c + ch) * s, s, (float) mu);
                mean[ch] = mu;
                var[ch] = sq / m;
            }
        });
    }

    public static void batchStatsScalar(Buf x, int xo, int n, int c, int s, double[] mean, double[] var) {
        long m = (long) n * s;
        Parallel.forRange(c, Math.max(1, (int) (65536 / Math.max(1, m))), (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double acc = 0;
                for (int b = 0; b < n; b++) {
                    int base = xo + (b * c + ch) * s;
                    for (int i = 0; i < s; i++) acc += x.get(base + i);
                }
                double mu = acc / m;
                double sq = 0;
                for (int b = 0; b < n; b++) {
                    int base = xo + (b * c + ch) * s;
                    for (int i = 0; i < s; i++) {
                        double d = x.get(base + i) - mu;
                        sq += d * d;
                    }
                }
                mean[ch] = mu;
                var[ch] = sq / m;
            }
        });
    }

    /** y[b, ch, :] = x[b, ch, :] * scale[ch] + shift[ch] for an (N, C, S) tensor. */
    public static void channelAffine(float[] x, int xo, float[] y, int yo, int n, int c, int s, double[] scale, double[] shift) {
        if (!ElementwiseKernels.USE_VECTOR_API || s < V.length()) {
            channelAffineScalar(Buf.of(x), xo, Buf.of(y), yo, n, c, s, scale, shift);
            return;
        }
        Parallel.forRange(n * c, Math.max(1, 16384 / s), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ch = r % c;
                affine(x, xo + r * s, y, yo + r * s, s, (float) scale[ch], (float) shift[ch]);
            }
        });
    }

    public static void channelAffineScalar(Buf x, int xo, Buf y, int yo, int n, int c, int s, double[] scale, double[] shift) {
        Parallel.forRange(n * c, Math.max(1, 16384 / Math.max(1, s)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ch = r % c;
                double a = scale[ch], b = shift[ch];
                for (int i = 0; i < s; i++) y.set(yo + r * s + i, x.get(xo + r * s + i) * a + b);
            }
        });
    }

    /**
     * Per-channel sums for the backward: sumG[c] = sum(g), sumGX[c] = sum(g * (x - mean[c])).
     */
    public static void batchGradSums(Buf g, int go, Buf x, int xo, int n, int c, int s, double[] mean,
                                     double[] sumG, double[] sumGX) {
        long m = (long) n * s;
        Parallel.forRange(c, Math.max(1, (int) (65536 / Math.max(1, m))), (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double sg = 0, sgx = 0, mu = mean[ch];
                for (int b = 0; b < n; b++) {
                    int base = (b * c + ch) * s;
                    for (int i = 0; i < s; i++) {
                        double gv = g.get(go + base + i);
                        sg += gv;
                        sgx += gv * (x.get(xo + base + i) - mu);
                    }
                }
                sumG[ch] = sg;
                sumGX[ch] = sgx;
            }
        });
    }

    /** float32 vector version of {@link #batchGradSums}. */
    public static void batchGradSums(float[] g, int go, float[] x, int xo, int n, int c, int s, double[] mean,
                                     double[] sumG, double[] sumGX) {
        if (!ElementwiseKernels.USE_VECTOR_API || s < V.length()) {
            batchGradSums(Buf.of(g), go, Buf.of(x), xo, n, c, s, mean, sumG, sumGX);
            return;
        }
        long m = (long) n * s;
        int L = V.length(), bound = V.loopBound(s);
        Parallel.forRange(c, Math.max(1, (int) (65536 / Math.max(1, m))), (c0, c1) -> {
            for (int ch = c0; ch < c1; ch++) {
                double sg = 0, sgx = 0;
                float mu = (float) mean[ch];
                FloatVector vm = FloatVector.broadcast(V, mu);
                for (int b = 0; b < n; b++) {
                    int base = (b * c + ch) * s;
                    FloatVector ag = FloatVector.zero(V), agx = FloatVector.zero(V);
                    int i = 0;
                    for (; i < bound; i += L) {
                        FloatVector vg = FloatVector.fromArray(V, g, go + base + i);
                        ag = ag.add(vg);
                        agx = vg.fma(FloatVector.fromArray(V, x, xo + base + i).sub(vm), agx);
                    }
                    sg += ElementwiseKernels.addLanes(ag);
                    sgx += ElementwiseKernels.addLanes(agx);
                    for (; i < s; i++) {
                        float gv = g[go + base + i];
                        sg += gv;
                        sgx += gv * (x[xo + base + i] - mu);
                    }
                }
                sumG[ch] = sg;
                sumGX[ch] = sgx;
            }
        });
    }

    /**
     * dx = g * a[c] + (x - mean[c]) * b[c] + k[c]: the batch-norm input gradient written as one per-channel
     * affine form of g and x (training: a = w*invstd, b = -w*invstd^3*sumGX/M, k = -w*invstd*sumG/M).
     */
    public static void batchGradInput(Buf g, int go, Buf x, int xo, Buf dx, int dxo, int n, int c, int s,
                                      double[] mean, double[] a, double[] b, double[] k) {
        Parallel.forRange(n * c, Math.max(1, 16384 / Math.max(1, s)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ch = r % c;
                double mu = mean[ch], av = a[ch], bv = b[ch], kv = k[ch];
                for (int i = 0; i < s; i++) {
                    int p = r * s + i;
                    dx.set(dxo + p, g.get(go + p) * av + (x.get(xo + p) - mu) * bv + kv);
                }
            }
        });
    }

    public static void batchGradInput(float[] g, int go, float[] x, int xo, float[] dx, int dxo, int n, int c, int s,
                                      double[] mean, double[] a, double[] b, double[] k) {
        if (!ElementwiseKernels.USE_VECTOR_API || s < V.length()) {
            batchGradInput(Buf.of(g), go, Buf.of(x), xo, Buf.of(dx), dxo, n, c, s, mean, a, b, k);
            return;
        }
        int L = V.length(), bound = V.loopBound(s);
        Parallel.forRange(n * c, Math.max(1, 16384 / s), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int ch = r % c;
                // g*a + x*b + (k - mean*b)
                float av = (float) a[ch], bv = (float) b[ch], kv = (float) (k[ch] - mean[ch] * b[ch]);
                FloatVector va = FloatVector.broadcast(V, av), vb = FloatVector.broadcast(V, bv), vk = FloatVector.broadcast(V, kv);
                int i = 0, base = r * s;
                for (; i < bound; i += L) {
                    FloatVector vg = FloatVector.fromArray(V, g, go + base + i), vx = FloatVector.fromArray(V, x, xo + base + i);
                    vg.fma(va, vx.fma(vb, vk)).intoArray(dx, dxo + base + i);
                }
                for (; i < s; i++) dx[dxo + base + i] = g[go + base + i] * av + x[xo + base + i] * bv + kv;
            }
        });
    }

    // ------------------------------------------------------------------ layer norm

    /**
     * Layer norm over rows of length d: y = (x - mean) * rstd * w + b (w, b may be null); writes mean and rstd per row.
     */
    public static void layerNorm(float[] x, int xo, float[] w, int wo, float[] b, int bo, float[] y, int yo,
                                 int rows, int d, double eps, double[] mean, double[] rstd) {
        if (!ElementwiseKernels.USE_VECTOR_API || d < V.length()) {
            layerNormScalar(Buf.of(x), xo, w == null ? null : Buf.of(w), wo, b == null ? null : Buf.of(b), bo, Buf.of(y), yo,
                    rows, d, eps, mean, rstd);
            return;
        }
        int L = V.length(), bound = V.loopBound(d);
        Parallel.forRange(rows, Math.max(1, 16384 / d), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int xb = xo + r * d, yb = yo + r * d;
                double mu = sum(x, xb, d) / d;
                double var = sumSqDev(x, xb, d, (float) mu) / d;
                double rs = 1 / Math.sqrt(var + eps);
                mean[r] = mu;
                rstd[r] = rs;
                float fs = (float) rs, fsh = (float) (-mu * rs);
                if (w == null && b == null) {
                    affine(x, xb, y, yb, d, fs, fsh);
                    continue;
                }
                FloatVector vs = FloatVector.broadcast(V, fs), vsh = FloatVector.broadcast(V, fsh);
                int i = 0;
                for (; i < bound; i += L) {
                    FloatVector xh = FloatVector.fromArray(V, x, xb + i).fma(vs, vsh);
                    if (w != null) xh = xh.mul(FloatVector.fromArray(V, w, wo + i));
                    if (b != null) xh = xh.add(FloatVector.fromArray(V, b, bo + i));
                    xh.intoArray(y, yb + i);
                }
                for (; i < d; i++) {
                    float v = x[xb + i] * fs + fsh;
                    if (w != null) v *= w[wo + i];
                    if (b != null) v += b[bo + i];
                    y[yb + i] = v;
                }
            }
        });
    }

    public static void layerNormScalar(Buf x, int xo, Buf w, int wo, Buf b, int bo, Buf y, int yo,
                                       int rows, int d, double eps, double[] mean, double[] rstd) {
        Parallel.forRange(rows, Math.max(1, 16384 / Math.max(1, d)), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                int xb = xo + r * d, yb = yo + r * d;
                double acc = 0;
                for (int i = 0; i < d; i++) acc += x.get(xb + i);
                double mu = acc / d, sq = 0;
                for (int i = 0; i < d; i++) {
                    double t = x.get(xb + i) - mu;
                    sq += t * t;
                }
                double rs = 1 / Math.sqrt(sq / d + eps);
                mean[r] = mu;
                rstd[r] = rs;
                for (int i = 0; i < d; i++) {
                    double v = (x.get(xb + i) - mu) * rs;
                    if (w != null) v *= w.get(wo + i);
                    if (b != null) v += b.get(bo + i);
                    y.set(yb + i, v);
                }
            }
        });
    }

    /**
     * Layer-norm backward. dx (may be null) = rstd * (gw - mean(gw) - xhat * mean(gw * xhat)) with gw = g * w;
     * dw[i] += sum_r g * xhat, db[i] += sum_r g (either may be null). Accumulates dw/db in double.
     */
    public static void layerNormBackward(Buf g, int go, Buf x, int xo, Buf w, int wo, double[] mean, double[] rstd,
                                         Buf dx, int dxo, double[] dw, double[] db, int rows, int d) {
        Object lock = new Object();
        Parallel.forRange(rows, Math.max(1, 16384 / Math.max(1, d)), (r0, r1) -> {
            double[] pw = dw == null ? null : new double[d], pb = db == null ? null : new double[d];
            for (int r = r0; r < r1; r++) {
                int xb = xo + r * d, gb = go + r * d;
                double mu = mean[r], rs = rstd[r];
                double sumGw = 0, sumGwX = 0;
                for (int i = 0; i < d; i++) {
                    double gv = g.get(gb + i), xh = (x.get(xb + i) - mu) * rs;
                    double gw = w == null ? gv : gv * w.get(wo + i);
                    sumGw += gw;
                    sumGwX += gw * xh;
                    if (pw != null) pw[i] += gv * xh;
                    if (pb != null) pb[i] += gv;
                }
                if (dx != null) {
                    double a = sumGw / d, c = sumGwX / d;
                    for (int i = 0; i < d; i++) {
                        double gv = g.get(gb + i), xh = (x.get(xb + i) - mu) * rs;
                        double gw = w == null ? gv : gv * w.get(wo + i);
                        dx.set(dxo + r * d + i, rs * (gw - a - xh * c));
                    }
                }
            }
            synchronized (lock) {
                for (int i = 0; pw != null && i < d; i++) dw[i] += pw[i];
                for (int i = 0; pb != null && i < d; i++) db[i] += pb[i];
            }
        });
    }

    /** float32 vector version of {@link #layerNormBackward(Buf, int, Buf, int, Buf, int, double[], double[], Buf, int, double[], double[], int, int)}. */
    public static void layerNormBackward(float[] g, int go, float[] x, int xo, float[] w, int wo, double[] mean, double[] rstd,
                                         float[] dx, int dxo, double[] dw, double[] db, int rows, int d) {
        if (!ElementwiseKernels.USE_VECTOR_API || d < V.length()) {
            layerNormBackward(Buf.of(g), go, Buf.of(x), xo, w == null ? null : Buf.of(w), wo, mean, rstd,
                    dx == null ? null : Buf.of(dx), dxo, dw, db, rows, d);
            return;
        }
        Object lock = new Object();
        int L = V.length(), bound = V.loopBound(d);
        Parallel.forRange(rows, Math.max(1, 16384 / d), (r0, r1) -> {
            float[] pw = dw == null ? null : new float[d], pb = db == null ? null : new float[d];
            for (int r = r0; r < r1; r++) {
                int xb = xo + r * d, gb = go + r * d;
                float mu = (float) mean[r], rs = (float) rstd[r];
                FloatVector vmu = FloatVector.broadcast(V, mu), vrs = FloatVector.broadcast(V, rs);
                FloatVector accGw = FloatVector.zero(V), accGwX = FloatVector.zero(V);
                int i = 0;
                for (; i < bound; i += L) {
                    FloatVector vg = FloatVector.fromArray(V, g, gb + i);
                    FloatVector xh = FloatVector.fromArray(V, x, xb + i).sub(vmu).mul(vrs);
                    FloatVector gw = w == null ? vg : vg.mul(FloatVector.fromArray(V, w, wo + i));
                    accGw = accGw.add(gw);
                    accGwX = gw.fma(xh, accGwX);
                    if (pw != null) vg.fma(xh, FloatVector.fromArray(V, pw, i)).intoArray(pw, i);
                    if (pb != null) vg.add(FloatVector.fromArray(V, pb, i)).intoArray(pb, i);
                }
                double sumGw = ElementwiseKernels.addLanes(accGw), sumGwX = ElementwiseKernels.addLanes(accGwX);
                for (; i < d; i++) {
                    float gv = g[gb + i], xh = (x[xb + i] - mu) * rs;
                    float gw = w == null ? gv : gv * w[wo + i];
                    sumGw += gw;
                    sumGwX += gw * xh;
                    if (pw != null) pw[i] += gv * xh;
                    if (pb != null) pb[i] += gv;
                }
                if (dx == null) continue;
                FloatVector va = FloatVector.broadcast(V, (float) (sumGw / d)), vc = FloatVector.broadcast(V, (float) (sumGwX / d));
                int db0 = dxo + r * d;
                for (i = 0; i < bound; i += L) {
                    FloatVector vg = FloatVector.fromArray(V, g, gb + i);
                    FloatVector xh = FloatVector.fromArray(V, x, xb + i).sub(vmu).mul(vrs);
                    FloatVector gw = w == null ? vg : vg.mul(FloatVector.fromArray(V, w, wo + i));
                    gw.sub(va).sub(xh.mul(vc)).mul(vrs).intoArray(dx, db0 + i);
                }
                float a = (float) (sumGw / d), c = (float) (sumGwX / d);
                for (; i < d; i++) {
                    float gv = g[gb + i], xh = (x[xb + i] - mu) * rs;
                    float gw = w == null ? gv : gv * w[wo + i];
                    dx[db0 + i] = rs * (gw - a - xh * c);
                }
            }
            synchronized (lock) {
                for (int i = 0; pw != null && i < d; i++) dw[i] += pw[i];
                for (int i = 0; pb != null && i < d; i++) db[i] += pb[i];
            }
        });
    }
}
