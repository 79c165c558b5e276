package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * In-register transposes of 16 x 16 float blocks for 16-lane vectors: four butterfly stages that swap the
 * off-diagonal 8x8, 4x4, 2x2 and 1x1 sub-blocks of row pairs with two-vector permutes, so a block costs 16 loads,
 * 64 permutes and 16 stores instead of 256 scalar moves. {@link #transposeScalar} is the twin.
 */
final class Transpose16 {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    /** Whether the vector form applies (16 lanes). */
    static final boolean AVAILABLE = FS.length() == 16;
    private static final FloatVector LO0, HI0, LO1, HI1, LO2, HI2, LO3, HI3;

    static {
        FloatVector[] lo = new FloatVector[4], hi = new FloatVector[4];
        for (int t = 0; t < 4; t++) {
            int s = 8 >> t;
            float[] l = new float[FS.length()], h = new float[FS.length()];
            for (int i = 0; i < l.length; i++) {
                // lane i of (x, y) pairs: rows whose bit s is clear take x's lane and y's lane i - s; set bits the rest
                l[i] = (i & s) == 0 ? i : 16 + i - s;
                h[i] = (i & s) == 0 ? i + s : 16 + i;
            }
            lo[t] = AVAILABLE ? FloatVector.fromArray(FS, l, 0) : null;
            hi[t] = AVAILABLE ? FloatVector.fromArray(FS, h, 0) : null;
        }
        LO0 = lo[0];
        HI0 = hi[0];
        LO1 = lo[1];
        HI1 = hi[1];
        LO2 = lo[2];
        HI2 = hi[2];
        LO3 = lo[3];
        HI3 = hi[3];
    }

    private Transpose16() {}

    /** dst[dOff + i * ds + j] = src[sOff + j * ss + i] for i, j < 16. */
    static void transposeScalar(float[] src, int sOff, int ss, float[] dst, int dOff, int ds) {
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) dst[dOff + i * ds + j] = src[sOff + j * ss + i];
        }
    }

    /** As {@link #transposeScalar}, in registers (requires {@link #AVAILABLE}). */
    static void transpose(float[] src, int sOff, int ss, float[] dst, int dOff, int ds) {
        FloatVector v0 = FloatVector.fromArray(FS, src, sOff), v1 = FloatVector.fromArray(FS, src, sOff + ss);
        FloatVector v2 = FloatVector.fromArray(FS, src, sOff + 2 * ss), v3 = FloatVector.fromArray(FS, src, sOff + 3 * ss);
        FloatVector v4 = FloatVector.fromArray(FS, src, sOff + 4 * ss), v5 = FloatVector.fromArray(FS, src, sOff + 5 * ss);
        FloatVector v6 = FloatVector.fromArray(FS, src, sOff + 6 * ss), v7 = FloatVector.fromArray(FS, src, sOff + 7 * ss);
        FloatVector v8 = FloatVector.fromArray(FS, src, sOff + 8 * ss), v9 = FloatVector.fromArray(FS, src, sOff + 9 * ss);
        FloatVector v10 = FloatVector.fromArray(FS, src, sOff + 10 * ss), v11 = FloatVector.fromArray(FS, src, sOff + 11 * ss);
        FloatVector v12 = FloatVector.fromArray(FS, src, sOff + 12 * ss), v13 = FloatVector.fromArray(FS, src, sOff + 13 * ss);
        FloatVector v14 = FloatVector.fromArray(FS, src, sOff + 14 * ss), v15 = FloatVector.fromArray(FS, src, sOff + 15 * ss);
        FloatVector lo = LO0, hi = HI0, x;
        x = lo.selectFrom(v0, v8); v8 = hi.selectFrom(v0, v8); v0 = x;
        x = lo.selectFrom(v1, v9); v9 = hi.selectFrom(v1, v9); v1 = x;
        x = lo.selectFrom(v2, v10); v10 = hi.selectFrom(v2, v10); v2 = x;
        x = lo.selectFrom(v3, v11); v11 = hi.selectFrom(v3, v11); v3 = x;
        x = lo.selectFrom(v4, v12); v12 = hi.selectFrom(v4, v12); v4 = x;
        x = lo.selectFrom(v5, v13); v13 = hi.selectFrom(v5, v13); v5 = x;
        x = lo.selectFrom(v6, v14); v14 = hi.selectFrom(v6, v14); v6 = x;
        x = lo.selectFrom(v7, v15); v15 = hi.selectFrom(v7, v15); v7 = x;
        lo = LO1;
        hi = HI1;
        x = lo.selectFrom(v0, v4); v4 = hi.selectFrom(v0, v4); v0 = x;
        x = lo.selectFrom(v1, v5); v5 = hi.selectFrom(v1, v5); v1 = x;
        x = lo.selectFrom(v2, v6); v6 = hi.selectFrom(v2, v6); v2 = x;
        x = lo.selectFrom(v3, v7); v7 = hi.selectFrom(v3, v7); v3 = x;
        x = lo.selectFrom(v8, v12); v12 = hi.selectFrom(v8, v12); v8 = x;
        x = lo.selectFrom(v9, v13); v13 = hi.selectFrom(v9, v13); v9 = x;
        x = lo.selectFrom(v10, v14); v14 = hi.selectFrom(v10, v14); v10 = x;
        x = lo.selectFrom(v11, v15); v15 = hi.selectFrom(v11, v15); v11 = x;
        lo = LO2;
        hi = HI2;
        x = lo.selectFrom(v0, v2); v2 = hi.selectFrom(v0, v2); v0 = x;
        x = lo.selectFrom(v1, v3); v3 = hi.selectFrom(v1, v3); v1 = x;
        x = lo.selectFrom(v4, v6); v6 = hi.selectFrom(v4, v6); v4 = x;
        x = lo.selectFrom(v5, v7); v7 = hi.selectFrom(v5, v7); v5 = x;
        x = lo.selectFrom(v8, v10); v10 = hi.selectFrom(v8, v10); v8 = x;
        x = lo.selectFrom(v9, v11); v11 = hi.selectFrom(v9, v11); v9 = x;
        x = lo.selectFrom(v12, v14); v14 = hi.selectFrom(v12, v14); v12 = x;
        x = lo.selectFrom(v13, v15); v15 = hi.selectFrom(v13, v15); v13 = x;
        lo = LO3;
        hi = HI3;
        x = lo.selectFrom(v0, v1); v1 = hi.selectFrom(v0, v1); v0 = x;
        x = lo.selectFrom(v2, v3); v3 = hi.selectFrom(v2, v3); v2 = x;
        x = lo.selectFrom(v4, v5); v5 = hi.selectFrom(v4, v5); v4 = x;
        x = lo.selectFrom(v6, v7); v7 = hi.selectFrom(v6, v7); v6 = x;
        x = lo.selectFrom(v8, v9); v9 = hi.selectFrom(v8, v9); v8 = x;
        x = lo.selectFrom(v10, v11); v11 = hi.selectFrom(v10, v11); v10 = x;
        x = lo.selectFrom(v12, v13); v13 = hi.selectFrom(v12, v13); v12 = x;
        x = lo.selectFrom(v14, v15); v15 = hi.selectFrom(v14, v15); v14 = x;
        v0.intoArray(dst, dOff);
        v1.intoArray(dst, dOff + ds);
        v2.intoArray(dst, dOff + 2 * ds);
        v3.intoArray(dst, dOff + 3 * ds);
        v4.intoArray(dst, dOff + 4 * ds);
        v5.intoArray(dst, dOff + 5 * ds);
        v6.intoArray(dst, dOff + 6 * ds);
        v7.intoArray(dst, dOff + 7 * ds);
        v8.intoArray(dst, dOff + 8 * ds);
        v9.intoArray(dst, dOff + 9 * ds);
        v10.intoArray(dst, dOff + 10 * ds);
        v11.intoArray(dst, dOff + 11 * ds);
        v12.intoArray(dst, dOff + 12 * ds);
        v13.intoArray(dst, dOff + 13 * ds);
        v14.intoArray(dst, dOff + 14 * ds);
        v15.intoArray(dst, dOff + 15 * ds);
    }
}
