package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 kernels for elementwise chains that would otherwise take several passes and temporaries
 * (relu's backward as {@code g * (y > 0)} is a compare, a cast and a multiply). Contiguous operands only;
 * callers take the composite path otherwise. Each vector kernel has a scalar twin; long rows are split over
 * {@link Parallel} threads.
 */
public final class FusedKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int GRAIN = 1 << 15;

    private FusedKernels() {}

    /** Dropout's mask from uniform draws, in place: {@code u = u >= p ? scale : 0} over {@code [from, from + len)}. */
    public static void keepScale(float[] u, int from, int len, float p, float scale) {
        if (ElementwiseKernels.USE_VECTOR_API) keepScaleVector(u, from, len, p, scale);
        else keepScaleScalar(u, from, len, p, scale);
    }

    static void keepScaleScalar(float[] u, int from, int len, float p, float scale) {
        for (int i = from; i < from + len; i++) u[i] = u[i] >= p ? scale : 0f;
    }

    static void keepScaleVector(float[] u, int from, int len, float p, float scale) {
        FloatVector s = FloatVector.broadcast(F, scale), zero = FloatVector.zero(F);
        int i = 0;
        for (int bound = F.loopBound(len); i < bound; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, u, from + i);
            zero.blend(s, v.compare(VectorOperators.GE, p)).intoArray(u, from + i);
        }
        keepScaleScalar(u, from + i, len - i, p, scale);
    }

    /** {@code a[off, off + n) = max(a, 0)} in place (NaN stays NaN), for an output no one else has seen yet. */
    public static void reluInPlace(float[] a, int off, int n) {
        Parallel.forRange(n, GRAIN, (s, e) -> {
            if (ElementwiseKernels.USE_VECTOR_API) reluInPlaceVector(a, off + s, e - s);
            else reluInPlaceScalar(a, off + s, e - s);
        });
    }

    static void reluInPlaceScalar(float[] a, int off, int n) {
        for (int i = off; i < off + n; i++) a[i] = Math.max(a[i], 0f);
    }

    static void reluInPlaceVector(float[] a, int off, int n) {
        int i = 0;
        for (int bound = F.loopBound(n); i < bound; i += F.length()) {
            FloatVector.fromArray(F, a, off + i).max(0f).intoArray(a, off + i);
        }
        reluInPlaceScalar(a, off + i, n - i);
    }

    /** PyTorch's {@code threshold_backward(g, y, 0)}: {@code out = y <= 0 ? 0 : g} (NaN in y passes g). */
    public static void reluBackward(int n, float[] g, int go, float[] y, int yo, float[] out, int oo) {
        Parallel.forRange(n, GRAIN, (s, e) -> {
            if (ElementwiseKernels.USE_VECTOR_API) reluBackwardVector(s, e, g, go, y, yo, out, oo);
            else reluBackwardScalar(s, e, g, go, y, yo, out, oo);
        });
    }

    static void reluBackwardScalar(int from, int to, float[] g, int go, float[] y, int yo, float[] out, int oo) {
        for (int i = from; i < to; i++) out[oo + i] = y[yo + i] <= 0f ? 0f : g[go + i];
    }

    static void reluBackwardVector(int from, int to, float[] g, int go, float[] y, int yo, float[] out, int oo) {
        int i = from;
        int bound = from + F.loopBound(to - from);
        for (; i < bound; i += F.length()) {
            FloatVector yv = FloatVector.fromArray(F, y, yo + i);
            FloatVector.fromArray(F, g, go + i).blend(0f, yv.compare(VectorOperators.LE, 0f)).intoArray(out, oo + i);
        }
        reluBackwardScalar(i, to, g, go, y, yo, out, oo);
    }
}
