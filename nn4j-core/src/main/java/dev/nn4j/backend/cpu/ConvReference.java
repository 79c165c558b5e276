package dev.nn4j.backend.cpu;

/**
 * Scalar twin of {@link ConvKernels}: the convolution sums written out as direct loops in float64.
 * It is the test oracle of the GEMM kernels, the fallback when {@link Gemm#USE_VECTOR_API} is false, and
 * the path float64 tensors take (GradCheck runs in float64 on small shapes).
 */
public final class ConvReference {
    private ConvReference() {}

    /** {@code y[n, o, p] = bias[o] + sum_{c, t} w[o, c, t] * x[n, g*Cg + c, p*s - pad + t*d]}. */
    public static double[] forward(double[] x, double[] w, double[] bias, ConvGeometry g) {
        double[] y = new double[g.batch() * g.outChannels() * g.outPlane()];
        visit(g, (n, o, yi, ci, xi, wi) -> {
            if (xi >= 0) y[yi] += w[wi] * x[xi];
        });
        if (bias != null) {
            int plane = g.outPlane();
            for (int i = 0; i < y.length; i++) y[i] += bias[(i / plane) % g.outChannels()];
        }
        return y;
    }

    /** {@code dx = d(sum y * dy)/dx}. */
    public static double[] backwardInput(double[] dy, double[] w, ConvGeometry g) {
        double[] dx = new double[g.batch() * g.inChannels() * g.inPlane()];
        visit(g, (n, o, yi, ci, xi, wi) -> {
            if (xi >= 0) dx[xi] += w[wi] * dy[yi];
        });
        return dx;
    }

    /** {@code dw = d(sum y * dy)/dw}. */
    public static double[] backwardWeight(double[] x, double[] dy, ConvGeometry g) {
        double[] dw = new double[g.outChannels() * g.colRows()];
        visit(g, (n, o, yi, ci, xi, wi) -> {
            if (xi >= 0) dw[wi] += x[xi] * dy[yi];
        });
        return dw;
    }

    /** One multiply of the conv sum: output index yi, weight index wi, input index xi (-1 inside the padding). */
    @FunctionalInterface
    private interface Tap {
        void at(int n, int o, int yi, int ci, int xi, int wi);
    }

    private static void visit(ConvGeometry g, Tap tap) {
        int[] k = g.kernel(), in = g.in(), out = g.out(), st = g.stride(), pad = g.padding(), dil = g.dilation();
        int cinG = g.inGroup(), coutG = g.outGroup();
        for (int n = 0; n < g.batch(); n++) {
            for (int o = 0; o < g.outChannels(); o++) {
                int gr = o / coutG;
                for (int od = 0; od < out[0]; od++) {
                    for (int oh = 0; oh < out[1]; oh++) {
                        for (int ow = 0; ow < out[2]; ow++) {
                            int yi = (((n * g.outChannels() + o) * out[0] + od) * out[1] + oh) * out[2] + ow;
                            for (int c = 0; c < cinG; c++) {
                                int ci = gr * cinG + c;
                                for (int kd = 0; kd < k[0]; kd++) {
                                    int id = od * st[0] - pad[0] + kd * dil[0];
                                    for (int kh = 0; kh < k[1]; kh++) {
                                        int ih = oh * st[1] - pad[1] + kh * dil[1];
                                        for (int kw = 0; kw < k[2]; kw++) {
                                            int iw = ow * st[2] - pad[2] + kw * dil[2];
                                            int wi = (((o * cinG + c) * k[0] + kd) * k[1] + kh) * k[2] + kw;
                                            boolean inside = id >= 0 && id < in[0] && ih >= 0 && ih < in[1] && iw >= 0 && iw < in[2];
                                            int xi = inside ? (((n * g.inChannels() + ci) * in[0] + id) * in[1] + ih) * in[2] + iw : -1;
                                            tap.at(n, o, yi, ci, xi, wi);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
