package dev.nn4j.backend.cpu;

/**
 * Direct pooling kernels over {@code planes} contiguous (depth, height, width) planes, parallel over planes.
 * Windows come from {@link PoolWindow} (1-d and 2-d pooling use unit windows for the missing dims).
 * <p>
 * Max pooling follows PyTorch exactly: a NaN wins (the last NaN of a window), ties keep the first
 * maximum, and indices are flat positions inside the input plane ({@code (d * H + h) * W + w}).
 * The float64 methods are the same loops for float64 tensors.
 */
public final class PoolKernels {
    private PoolKernels() {}

    /** Max of each window into {@code out}, and its flat plane index into {@code idx}. */
    public static void maxForward(float[] x, int planes, int[] in, PoolWindow[] w, float[] out, long[] idx) {
        maxForward(x, 0, planes, in, w, out, idx, 0);
    }

    /** As {@link #maxForward(float[], int, int[], PoolWindow[], float[], long[])} from plane offsets {@code xOff} and {@code outOff}. */
    public static void maxForward(float[] x, int xOff, int planes, int[] in, PoolWindow[] w, float[] out, long[] idx, int outOff) {
        int inPlane = in[0] * in[1] * in[2], H = in[1], W = in[2];
        int OD = w[0].size(), OH = w[1].size(), OW = w[2].size(), outPlane = OD * OH * OW;
        Parallel.forRange(planes, grain(inPlane), (s, e) -> {
            for (int p = s; p < e; p++) {
                int xb = xOff + p * inPlane, o = outOff + p * outPlane;
                for (int od = 0; od < OD; od++) {
                    int sd = w[0].start()[od], cd = w[0].count()[od], ld = w[0].step();
                    for (int oh = 0; oh < OH; oh++) {
                        int sh = w[1].start()[oh], ch = w[1].count()[oh], lh = w[1].step();
                        for (int ow = 0; ow < OW; ow++, o++) {
                            int sw = w[2].start()[ow], cw = w[2].count()[ow], lw = w[2].step();
                            float best = Float.NEGATIVE_INFINITY;
                            int bi = (sd * H + sh) * W + sw;
                            for (int a = 0, id = sd; a < cd; a++, id += ld) {
                                for (int b = 0, ih = sh; b < ch; b++, ih += lh) {
                                    int row = (id * H + ih) * W;
                                    for (int c = 0, iw = sw; c < cw; c++, iw += lw) {
                                        float v = x[xb + row + iw];
                                        if (v > best || Float.isNaN(v)) {
                                            best = v;
                                            bi = row + iw;
                                        }
                                    }
                                }
                            }
                            out[o] = best;
                            idx[o] = bi;
                        }
                    }
                }
            }
        });
    }

    /** {@code gin[plane, idx] += gout}: the gradient of max pooling (and the forward of max unpooling). */
    public static void maxBackward(float[] gout, long[] idx, int planes, int inPlane, int outPlane, float[] gin) {
        java.util.Arrays.fill(gin, 0f);
        Parallel.forRange(planes, grain(outPlane), (s, e) -> {
            for (int p = s; p < e; p++) {
                int ib = p * inPlane;
                for (int o = p * outPlane, end = o + outPlane; o < end; o++) {
                    long i = idx[o];
                    if (i >= 0 && i < inPlane) gin[ib + (int) i] += gout[o];  // a window inside the padding has no input
                }
            }
        });
    }

    /** Window sums divided by the divisor product (or by {@code divisorOverride} when it is not 0). */
    public static void avgForward(float[] x, int planes, int[] in, PoolWindow[] w, int divisorOverride, float[] out) {
        int inPlane = in[0] * in[1] * in[2], H = in[1], W = in[2];
        int OD = w[0].size(), OH = w[1].size(), OW = w[2].size(), outPlane = OD * OH * OW;
        Parallel.forRange(planes, grain(inPlane), (s, e) -> {
            for (int p = s; p < e; p++) {
                int xb = p * inPlane, o = p * outPlane;
                for (int od = 0; od < OD; od++) {
                    int sd = w[0].start()[od], cd = w[0].count()[od], ld = w[0].step();
                    for (int oh = 0; oh < OH; oh++) {
                        int sh = w[1].start()[oh], ch = w[1].count()[oh], lh = w[1].step();
                        for (int ow = 0; ow < OW; ow++, o++) {
                            int sw = w[2].start()[ow], cw = w[2].count()[ow], lw = w[2].step();
                            float sum = 0f;
                            for (int a = 0, id = sd; a < cd; a++, id += ld) {
                                for (int b = 0, ih = sh; b < ch; b++, ih += lh) {
                                    int row = xb + (id * H + ih) * W;
                                    for (int c = 0, iw = sw; c < cw; c++, iw += lw) sum += x[row + iw];
                                }
                            }
                            out[o] = sum / divisor(w, od, oh, ow, divisorOverride);
                        }
                    }
                }
            }
        });
    }

    /** The adjoint of {@link #avgForward}: every input of a window receives {@code gout / divisor}. */
    public static void avgBackward(float[] gout, int planes, int[] in, PoolWindow[] w, int divisorOverride, float[] gin) {
        java.util.Arrays.fill(gin, 0f);
        int inPlane = in[0] * in[1] * in[2], H = in[1], W = in[2];
        int OD = w[0].size(), OH = w[1].size(), OW = w[2].size(), outPlane = OD * OH * OW;
        Parallel.forRange(planes, grain(inPlane), (s, e) -> {
            for (int p = s; p < e; p++) {
                int xb = p * inPlane, o = p * outPlane;
                for (int od = 0; od < OD; od++) {
                    int sd = w[0].start()[od], cd = w[0].count()[od], ld = w[0].step();
                    for (int oh = 0; oh < OH; oh++) {
                        int sh = w[1].start()[oh], ch = w[1].count()[oh], lh = w[1].step();
                        for (int ow = 0; ow < OW; ow++, o++) {
                            int sw = w[2].start()[ow], cw = w[2].count()[ow], lw = w[2].step();
                            float g = gout[o] / divisor(w, od, oh, ow, divisorOverride);
                            for (int a = 0, id = sd; a < cd; a++, id += ld) {
                                for (int b = 0, ih = sh; b < ch; b++, ih += lh) {
                                    int row = xb + (id * H + ih) * W;
                                    for (int c = 0, iw = sw; c < cw; c++, iw += lw) gin[row + iw] += g;
                                }
                            }
                        }
                    }
                }
            }
        });
    }

    // ---- float64 -----------------------------------------------------------------------------------------

    public static void maxForward(double[] x, int planes, int[] in, PoolWindow[] w, double[] out, long[] idx) {
        maxForward(x, 0, planes, in, w, out, idx, 0);
    }

    public static void maxForward(double[] x, int xOff, int planes, int[] in, PoolWindow[] w, double[] out, long[] idx, int outOff) {
        int inPlane = in[0] * in[1] * in[2], H = in[1], W = in[2];
        int OD = w[0].size(), OH = w[1].size(), OW = w[2].size(), outPlane = OD * OH * OW;
        for (int p = 0; p < planes; p++) {
            int xb = xOff + p * inPlane, o = outOff + p * outPlane;
            for (int od = 0; od < OD; od++) {
                int sd = w[0].start()[od], cd = w[0].count()[od], ld = w[0].step();
                for (int oh = 0; oh < OH; oh++) {
                    int sh = w[1].start()[oh], ch = w[1].count()[oh], lh = w[1].step();
                    for (int ow = 0; ow < OW; ow++, o++) {
                        int sw = w[2].start()[ow], cw = w[2].count()[ow], lw = w[2].step();
                        double best = Double.NEGATIVE_INFINITY;
                        int bi = (sd * H + sh) * W + sw;
                        for (int a = 0, id = sd; a < cd; a++, id += ld) {
                            for (int b = 0, ih = sh; b < ch; b++, ih += lh) {
                                int row = (id * H + ih) * W;
                                for (int c = 0, iw = sw; c < cw; c++, iw += lw) {
                                    double v = x[xb + row + iw];
                                    if (v > best || Double.isNaN(v)) {
                                        best = v;
                                        bi = row + iw;
                                    }
                                }
                            }
                        }
                        out[o] = best;
                        idx[o] = bi;
                    }
                }
            }
        }
    }

    public static void maxBackward(double[] gout, long[] idx, int planes, int inPlane, int outPlane, double[] gin) {
        java.util.Arrays.fill(gin, 0.0);
        for (int p = 0; p < planes; p++) {
            int ib = p * inPlane;
            for (int o = p * outPlane, end = o + outPlane; o < end; o++) {
                long i = idx[o];
                if (i >= 0 && i < inPlane) gin[ib + (int) i] += gout[o];
            }
        }
    }

    public static void avgForward(double[] x, int planes, int[] in, PoolWindow[] w, int divisorOverride, double[] out) {
        avg(x, planes, in, w, divisorOverride, out, false);
    }

    public static void avgBackward(double[] gout, int planes, int[] in, PoolWindow[] w, int divisorOverride, double[] gin) {
        java.util.Arrays.fill(gin, 0.0);
        avg(gin, planes, in, w, divisorOverride, gout, true);
    }

    /** Forward ({@code out = window means of x}) or, when {@code adjoint}, backward ({@code x += spread of out}). */
    private static void avg(double[] x, int planes, int[] in, PoolWindow[] w, int divisorOverride, double[] out, boolean adjoint) {
        int inPlane = in[0] * in[1] * in[2], H = in[1], W = in[2];
        int OD = w[0].size(), OH = w[1].size(), OW = w[2].size(), outPlane = OD * OH * OW;
        for (int p = 0; p < planes; p++) {
            int xb = p * inPlane, o = p * outPlane;
            for (int od = 0; od < OD; od++) {
                for (int oh = 0; oh < OH; oh++) {
                    for (int ow = 0; ow < OW; ow++, o++) {
                        double div = divisor(w, od, oh, ow, divisorOverride), sum = 0;
                        for (int a = 0, id = w[0].start()[od]; a < w[0].count()[od]; a++, id += w[0].step()) {
                            for (int b = 0, ih = w[1].start()[oh]; b < w[1].count()[oh]; b++, ih += w[1].step()) {
                                for (int c = 0, iw = w[2].start()[ow]; c < w[2].count()[ow]; c++, iw += w[2].step()) {
                                    int i = xb + (id * H + ih) * W + iw;
                                    if (adjoint) x[i] += out[o] / div;
                                    else sum += x[i];
                                }
                            }
                        }
                        if (!adjoint) out[o] = sum / div;
                    }
                }
            }
        }
    }

    private static int divisor(PoolWindow[] w, int od, int oh, int ow, int divisorOverride) {
        return divisorOverride != 0 ? divisorOverride : w[0].divisor()[od] * w[1].divisor()[oh] * w[2].divisor()[ow];
    }

    private static int grain(int workPerPlane) {
        return Math.max(1, (1 << 14) / Math.max(1, workPerPlane));
    }
}
