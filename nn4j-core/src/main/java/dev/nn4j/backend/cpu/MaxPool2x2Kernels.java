package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * 2x2 max pooling with stride 2 (no padding, no dilation, floor mode) over contiguous (H, W) float32 planes: the
 * pooling of nearly every CNN, as a vector kernel instead of {@link PoolKernels}' generic window walk. Same
 * semantics as the generic kernel: windows are scanned (0,0), (0,1), (1,0), (1,1); a later value wins when it is
 * greater or NaN, so ties keep the first maximum and the last NaN wins; indices are flat positions in the input
 * plane. {@code idx} may be null when no gradient or indices are needed.
 */
public final class MaxPool2x2Kernels {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> IS = VectorSpecies.of(int.class, FS.vectorShape());
    private static final int L = FS.length();
    /** Lane l of the even / odd half of a pair of vectors (a, b): element 2l resp. 2l + 1 of their concatenation. */
    private static final FloatVector EVEN, ODD;
    private static final IntVector TWICE_LANE;

    static {
        float[] even = new float[L], odd = new float[L];
        int[] twice = new int[L];
        for (int l = 0; l < L; l++) {
            even[l] = 2 * l;
            odd[l] = 2 * l + 1;
            twice[l] = 2 * l;
        }
        EVEN = FloatVector.fromArray(FS, even, 0);
        ODD = FloatVector.fromArray(FS, odd, 0);
        TWICE_LANE = IntVector.fromArray(IS, twice, 0);
    }

    private MaxPool2x2Kernels() {}

    /** y[p, oh, ow] = max of x[p, 2oh..2oh+1, 2ow..2ow+1] for {@code planes} planes of H x W; OH = H / 2, OW = W / 2. */
    public static void forward(float[] x, int planes, int h, int w, float[] y, int[] idx) {
        int oh = h / 2, ow = w / 2, inPlane = h * w, outPlane = oh * ow;
        Parallel.forRange(planes, Math.max(1, (1 << 14) / Math.max(1, inPlane)), (s, e) -> {
            for (int p = s; p < e; p++) {
                if (ElementwiseKernels.USE_VECTOR_API && L >= 4) {
                    planeVector(x, p * inPlane, w, oh, ow, y, p * outPlane, idx);
                } else {
                    planeScalar(x, p * inPlane, w, oh, ow, y, p * outPlane, idx);
                }
            }
        });
    }

    static void planeScalar(float[] x, int xb, int w, int oh, int ow, float[] y, int yb, int[] idx) {
        for (int r = 0, o = yb; r < oh; r++) {
            for (int c = 0; c < ow; c++, o++) {
                int i0 = 2 * r * w + 2 * c;
                float best = x[xb + i0];
                int bi = i0;
                int[] cand = {i0 + 1, i0 + w, i0 + w + 1};
                for (int i : cand) {
                    float v = x[xb + i];
                    if (v > best || Float.isNaN(v)) {
                        best = v;
                        bi = i;
                    }
                }
                y[o] = best;
                if (idx != null) idx[o] = bi;
            }
        }
    }

    static void planeVector(float[] x, int xb, int w, int oh, int ow, float[] y, int yb, int[] idx) {
        for (int r = 0, o = yb; r < oh; r++) {
            int row0 = 2 * r * w;
            for (int c = 0; c < ow; c += L) {
                int n = Math.min(L, ow - c);
                int s0 = xb + row0 + 2 * c, s1 = s0 + w;
                FloatVector a0, a1, b0, b1;
                VectorMask<Float> outMask;
                if (n == L) {
                    a0 = FloatVector.fromArray(FS, x, s0);
                    a1 = FloatVector.fromArray(FS, x, s0 + L);
                    b0 = FloatVector.fromArray(FS, x, s1);
                    b1 = FloatVector.fromArray(FS, x, s1 + L);
                    outMask = null;
                } else {
                    VectorMask<Float> m0 = FS.indexInRange(0, 2 * n), m1 = FS.indexInRange(L, 2 * n);
                    a0 = FloatVector.fromArray(FS, x, s0, m0);
                    a1 = FloatVector.fromArray(FS, x, s0 + L, m1);
                    b0 = FloatVector.fromArray(FS, x, s1, m0);
                    b1 = FloatVector.fromArray(FS, x, s1 + L, m1);
                    outMask = FS.indexInRange(0, n);
                }
                FloatVector best = EVEN.selectFrom(a0, a1);
                FloatVector v01 = ODD.selectFrom(a0, a1), v10 = EVEN.selectFrom(b0, b1), v11 = ODD.selectFrom(b0, b1);
                VectorMask<Float> m01 = v01.compare(VectorOperators.GT, best).or(v01.test(VectorOperators.IS_NAN));
                best = best.blend(v01, m01);
                VectorMask<Float> m10 = v10.compare(VectorOperators.GT, best).or(v10.test(VectorOperators.IS_NAN));
                best = best.blend(v10, m10);
                VectorMask<Float> m11 = v11.compare(VectorOperators.GT, best).or(v11.test(VectorOperators.IS_NAN));
                best = best.blend(v11, m11);
                if (outMask == null) best.intoArray(y, o);
                else best.intoArray(y, o, outMask);
                if (idx != null) {
                    IntVector bi = TWICE_LANE.add(row0 + 2 * c);
                    bi = bi.blend(bi.add(1), m01.cast(IS));
                    IntVector i10 = TWICE_LANE.add(row0 + w + 2 * c);
                    bi = bi.blend(i10, m10.cast(IS));
                    bi = bi.blend(i10.add(1), m11.cast(IS));
                    if (outMask == null) bi.intoArray(idx, o);
                    else bi.intoArray(idx, o, outMask.cast(IS));
                }
                o += n;
            }
        }
    }

    /** gin = 0, then {@code gin[p, idx[p, o]] += gout[p, o]} (each input is the argmax of at most one window). */
    public static void backward(float[] gout, int[] idx, int planes, int inPlane, int outPlane, float[] gin) {
        Parallel.forRange(planes, Math.max(1, (1 << 14) / Math.max(1, inPlane)), (s, e) -> {
            java.util.Arrays.fill(gin, s * inPlane, e * inPlane, 0f);
            for (int p = s; p < e; p++) {
                int ib = p * inPlane;
                for (int o = p * outPlane, end = o + outPlane; o < end; o++) gin[ib + idx[o]] += gout[o];
            }
        });
    }
}
