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
        for (int r = 0; r < oh; r++) segmentScalar(x, xb, w, 2 * r * w, ow, y, yb + r * ow, idx);
    }

    /** n outputs of one output row, the first window at plane index i0. */
    private static void segmentScalar(float[] x, int xb, int w, int i0, int n, float[] y, int o, int[] idx) {
        for (int c = 0; c < n; c++, o++, i0 += 2) {
            float best = x[xb + i0];
            int bi = i0;
            for (int k = 1; k < 4; k++) {
                int i = i0 + (k >> 1) * w + (k & 1);
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

    /**
     * Row by row, L outputs at a time. A row's last partial chunk is computed as a full one when its extra lanes
     * land in this plane's later outputs (which overwrite them) and read inside the array; the plane's very last
     * chunk goes to the scalar twin.
     */
    static void planeVector(float[] x, int xb, int w, int oh, int ow, float[] y, int yb, int[] idx) {
        int yEnd = yb + oh * ow;
        for (int r = 0, o = yb; r < oh; r++) {
            int i0 = 2 * r * w;
            for (int c = 0; c < ow; c += L) {
                int n = Math.min(L, ow - c);
                if (n == L || (o + L <= yEnd && xb + i0 + 2 * c + w + 2 * L <= x.length)) {
                    chunk(x, xb + i0 + 2 * c, w, i0 + 2 * c, y, o, idx);
                } else {
                    segmentScalar(x, xb, w, i0 + 2 * c, n, y, o, idx);
                }
                o += n;
            }
        }
    }

    /** L outputs of one output row from input offset s (plane index i0 of its first window). */
    private static void chunk(float[] x, int s, int w, int i0, float[] y, int o, int[] idx) {
        FloatVector a0 = FloatVector.fromArray(FS, x, s), a1 = FloatVector.fromArray(FS, x, s + L);
        FloatVector b0 = FloatVector.fromArray(FS, x, s + w), b1 = FloatVector.fromArray(FS, x, s + w + L);
        FloatVector v00 = EVEN.selectFrom(a0, a1), v01 = ODD.selectFrom(a0, a1);
        FloatVector v10 = EVEN.selectFrom(b0, b1), v11 = ODD.selectFrom(b0, b1);
        VectorMask<Float> m01 = wins(v01, v00);
        FloatVector best = v00.blend(v01, m01);
        VectorMask<Float> m10 = wins(v10, best);
        best = best.blend(v10, m10);
        VectorMask<Float> m11 = wins(v11, best);
        best.blend(v11, m11).intoArray(y, o);
        if (idx != null) argmax(i0, w, m01, m10, m11).intoArray(idx, o);
    }

    /** Where candidate v replaces the best so far: greater, or NaN (NaN != NaN). */
    private static VectorMask<Float> wins(FloatVector v, FloatVector best) {
        return v.compare(VectorOperators.GT, best).or(v.compare(VectorOperators.NE, v));
    }

    private static IntVector argmax(int i0, int w, VectorMask<Float> m01, VectorMask<Float> m10, VectorMask<Float> m11) {
        IntVector i00 = TWICE_LANE.add(i0), i10 = i00.add(w);
        IntVector bi = i00.blend(i00.add(1), m01.cast(IS));
        bi = bi.blend(i10, m10.cast(IS));
        return bi.blend(i10.add(1), m11.cast(IS));
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
