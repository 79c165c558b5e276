package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The transforms of Winograd's F(4x4, 3x3) (interpolation points 0, +-1, +-2; Lavin and Gray, 2016) for
 * {@link WinogradConv}: a 4x4 output tile from a 6x6 input patch costs 36 multiplies per channel pair instead of
 * 144, so the GEMMs do 4x less work than a direct conv (F(2x2, 3x3): 2.25x), at the price of larger rounding
 * errors (transform coefficients up to 8 and 1/24).
 * <pre>
 *   B^T = [4 0 -5 0 1 0; 0 -4 -4 1 1 0; 0 4 -4 -1 1 0; 0 -2 -1 2 1 0; 0 2 -1 -2 1 0; 0 4 0 -5 0 1]
 *   G   = [1/4 0 0; -1/6 -1/6 -1/6; -1/6 1/6 -1/6; 1/24 1/12 1/6; 1/24 -1/12 1/6; 0 0 1]
 *   A^T = [1 1 1 1 1 0; 0 1 -1 2 -2 0; 0 1 1 4 4 0; 0 1 -1 8 -8 1]
 * </pre>
 * The transforms work on a lane group of 16 tiles: one tile row, or two tile rows of exactly 8 tiles (32-wide
 * outputs), so that every lane holds a real tile; lanes past the end of a row spill into slots written later.
 */
final class WinogradF4 {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final int L = FS.length();
    private static final FloatVector EVEN, ODD, ZIP_LO, ZIP_HI;

    static {
        float[] even = new float[L], odd = new float[L], lo = new float[L], hi = new float[L];
        for (int l = 0; l < L; l++) {
            even[l] = 2 * l;
            odd[l] = 2 * l + 1;
            lo[l] = (l & 1) == 0 ? l / 2 : L + l / 2;
            hi[l] = (l & 1) == 0 ? L / 2 + l / 2 : L + L / 2 + l / 2;
        }
        EVEN = FloatVector.fromArray(FS, even, 0);
        ODD = FloatVector.fromArray(FS, odd, 0);
        ZIP_LO = FloatVector.fromArray(FS, lo, 0);
        ZIP_HI = FloatVector.fromArray(FS, hi, 0);
    }

    private WinogradF4() {}

    /** Tile rows per lane group: two rows of exactly L / 2 tiles fill a vector, anything else takes one row per group. */
    static int groupRows(int tw) {
        return tw == L / 2 ? 2 : 1;
    }

    /** U[xi] = (G g G^T)[xi], xi = 6 * row + column, packed as the GEMMs' A operands (C_out x C_in). */
    static float[][] transformFilters(float[] w, int wOut, int wIn, boolean backward) {
        int co = backward ? wIn : wOut, ci = backward ? wOut : wIn;
        float[] u = new float[36 * co * ci];
        float[] k = new float[9], t = new float[18], row = new float[6];
        for (int o = 0; o < co; o++) {
            for (int c = 0; c < ci; c++) {
                int base = backward ? (c * wIn + o) * 9 : (o * wIn + c) * 9;
                for (int i = 0; i < 9; i++) k[i] = w[base + (backward ? 8 - i : i)];
                for (int j = 0; j < 3; j++) filter1d(k[j], k[3 + j], k[6 + j], t, j, 3);      // t = G k (6 x 3)
                for (int i = 0; i < 6; i++) {
                    filter1d(t[3 * i], t[3 * i + 1], t[3 * i + 2], row, 0, 1);           // (G k) G^T
                    for (int j = 0; j < 6; j++) u[((6 * i + j) * co + o) * ci + c] = row[j];
                }
            }
        }
        float[][] packed = new float[36][];
        for (int xi = 0; xi < 36; xi++) {
            packed[xi] = new float[ConvGemm.packedASize(co, ci)];
            ConvGemm.packA(u, xi * co * ci, ci, 1, co, ci, packed[xi]);
        }
        return packed;
    }

    /** G (g0, g1, g2), written to {@code out[off + i * stride]}, i = 0..5. */
    private static void filter1d(float g0, float g1, float g2, float[] out, int off, int stride) {
        out[off] = g0 / 4f;
        out[off + stride] = -(g0 + g1 + g2) / 6f;
        out[off + 2 * stride] = -(g0 - g1 + g2) / 6f;
        out[off + 3 * stride] = g0 / 24f + g1 / 12f + g2 / 6f;
        out[off + 4 * stride] = g0 / 24f - g1 / 12f + g2 / 6f;
        out[off + 5 * stride] = g2;
    }

    /**
     * V[xi] at {@code v[vo + xi * vs + t]} for one lane group: patch row i of the group's tile row q / per starts at
     * {@code img[io + (4 * (q / per) + i) * pc]}, per = 4 / rows vectors of 16 padded columns per tile row.
     * {@code s} is scratch for 36 vectors (d B per patch row, read back per column for B^T (d B)).
     */
    static void inputTile(float[] img, int io, int pc, int rows, float[] v, int vo, int vs, float[] s) {
        int per = 4 / rows;
        int o1 = (1 / per) * 4 * pc + (1 % per) * L, o2 = (2 / per) * 4 * pc + (2 % per) * L, o3 = (3 / per) * 4 * pc + (3 % per) * L;
        for (int i = 0; i < 6; i++, io += pc) {
            FloatVector a0 = FloatVector.fromArray(FS, img, io), a1 = FloatVector.fromArray(FS, img, io + o1);
            FloatVector a2 = FloatVector.fromArray(FS, img, io + o2), a3 = FloatVector.fromArray(FS, img, io + o3);
            FloatVector e01 = EVEN.selectFrom(a0, a1), o01 = ODD.selectFrom(a0, a1);
            FloatVector e23 = EVEN.selectFrom(a2, a3), o23 = ODD.selectFrom(a2, a3);
            FloatVector d0 = EVEN.selectFrom(e01, e23), d2 = ODD.selectFrom(e01, e23);
            FloatVector d1 = EVEN.selectFrom(o01, o23), d3 = ODD.selectFrom(o01, o23);
            // patch columns 4 and 5 of a tile: columns 0 and 1 of the next one, read 4 columns further on
            a0 = FloatVector.fromArray(FS, img, io + 4);
            a1 = FloatVector.fromArray(FS, img, io + 4 + o1);
            a2 = FloatVector.fromArray(FS, img, io + 4 + o2);
            a3 = FloatVector.fromArray(FS, img, io + 4 + o3);
            FloatVector d4 = EVEN.selectFrom(EVEN.selectFrom(a0, a1), EVEN.selectFrom(a2, a3));
            FloatVector d5 = EVEN.selectFrom(ODD.selectFrom(a0, a1), ODD.selectFrom(a2, a3));
            // B^T applied along the row (written out: a helper taking the vectors would box them)
            FloatVector t1 = d4.sub(d2.mul(4f)), t2 = d3.sub(d1.mul(4f)), t3 = d4.sub(d2), t4 = d3.sub(d1).mul(2f);
            int so = 6 * i * L;
            d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(s, so);
            t1.add(t2).intoArray(s, so + L);
            t1.sub(t2).intoArray(s, so + 2 * L);
            t3.add(t4).intoArray(s, so + 3 * L);
            t3.sub(t4).intoArray(s, so + 4 * L);
            d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(s, so + 5 * L);
        }
        for (int j = 0; j < 6; j++) {
            int o = j * L;
            FloatVector d0 = FloatVector.fromArray(FS, s, o), d1 = FloatVector.fromArray(FS, s, o + 6 * L);
            FloatVector d2 = FloatVector.fromArray(FS, s, o + 12 * L), d3 = FloatVector.fromArray(FS, s, o + 18 * L);
            FloatVector d4 = FloatVector.fromArray(FS, s, o + 24 * L), d5 = FloatVector.fromArray(FS, s, o + 30 * L);
            FloatVector t1 = d4.sub(d2.mul(4f)), t2 = d3.sub(d1.mul(4f)), t3 = d4.sub(d2), t4 = d3.sub(d1).mul(2f);
            int at = vo + j * vs;
            d0.mul(4f).sub(d2.mul(5f)).add(d4).intoArray(v, at);
            t1.add(t2).intoArray(v, at + 6 * vs);
            t1.sub(t2).intoArray(v, at + 12 * vs);
            t3.add(t4).intoArray(v, at + 18 * vs);
            t3.sub(t4).intoArray(v, at + 24 * vs);
            d1.mul(4f).sub(d3.mul(5f)).add(d5).intoArray(v, at + 30 * vs);
        }
    }

    /**
     * Y = A^T M A + bias for one lane group (M read at {@code m[mo + xi * ms]}). Output row i of the group's tile row q
     * is at {@code y[yo + (4 q + i) * ow]}; {@code validRows} output rows of the group exist, {@code validCols}
     * columns of each; vectors that end past them are stored with a mask. {@code s} is scratch for 24 vectors.
     */
    static void outputTile(float[] m, int mo, int ms, int rows, float bias, float[] y, int yo, int ow, int validRows, int validCols,
                           float[] s) {
        // A^T M, one column j at a time: rows (M0 + a + c, b + 2d, a + 4c, b + 8d + M5)
        for (int j = 0; j < 6; j++) {
            int o = mo + j * ms;
            FloatVector m0 = FloatVector.fromArray(FS, m, o), m1 = FloatVector.fromArray(FS, m, o + 6 * ms);
            FloatVector m2 = FloatVector.fromArray(FS, m, o + 12 * ms), m3 = FloatVector.fromArray(FS, m, o + 18 * ms);
            FloatVector m4 = FloatVector.fromArray(FS, m, o + 24 * ms), m5 = FloatVector.fromArray(FS, m, o + 30 * ms);
            FloatVector a = m1.add(m2), b = m1.sub(m2), c = m3.add(m4), d = m3.sub(m4);
            m0.add(a).add(c).intoArray(s, j * L);
            b.add(d.mul(2f)).intoArray(s, (6 + j) * L);
            a.add(c.mul(4f)).intoArray(s, (12 + j) * L);
            b.add(d.mul(8f)).add(m5).intoArray(s, (18 + j) * L);
        }
        int per = 4 / rows;
        for (int i = 0; i < 4 && i < validRows; i++) outputRow(s, i, per, bias, y, yo, ow, validRows, validCols);
    }

    /**
     * Output row i of each tile row of the group: (A^T M) A for one row of the scratch, interleaved so that lane l holds
     * columns 4l..4l+3; output vector q lands in tile row q / per, columns (q % per) * 16 on. Whole vectors are stored
     * directly, partial ones with a mask. (The vectors stay local: a helper taking one would box it unless inlined.)
     */
    private static void outputRow(float[] s, int i, int per, float bias, float[] y, int yo, int ow, int validRows, int validCols) {
        int o = 6 * i * L;
        FloatVector m0 = FloatVector.fromArray(FS, s, o), m1 = FloatVector.fromArray(FS, s, o + L);
        FloatVector m2 = FloatVector.fromArray(FS, s, o + 2 * L), m3 = FloatVector.fromArray(FS, s, o + 3 * L);
        FloatVector m4 = FloatVector.fromArray(FS, s, o + 4 * L), m5 = FloatVector.fromArray(FS, s, o + 5 * L);
        FloatVector a = m1.add(m2), b = m1.sub(m2), c = m3.add(m4), d = m3.sub(m4);
        FloatVector y0 = m0.add(a).add(c).add(bias), y1 = b.add(d.mul(2f)).add(bias);
        FloatVector y2 = a.add(c.mul(4f)).add(bias), y3 = b.add(d.mul(8f)).add(m5).add(bias);
        FloatVector p02lo = ZIP_LO.selectFrom(y0, y2), p02hi = ZIP_HI.selectFrom(y0, y2);
        FloatVector p13lo = ZIP_LO.selectFrom(y1, y3), p13hi = ZIP_HI.selectFrom(y1, y3);
        FloatVector z0 = ZIP_LO.selectFrom(p02lo, p13lo), z1 = ZIP_HI.selectFrom(p02lo, p13lo);
        FloatVector z2 = ZIP_LO.selectFrom(p02hi, p13hi), z3 = ZIP_HI.selectFrom(p02hi, p13hi);
        int r1 = 4 * (1 / per) + i, r2 = 4 * (2 / per) + i, r3 = 4 * (3 / per) + i;
        int c1 = (1 % per) * L, c2 = (2 % per) * L, c3 = (3 % per) * L;
        if (validCols >= L && c1 + L <= validCols && c2 + L <= validCols && c3 + L <= validCols && r3 < validRows) {
            z0.intoArray(y, yo + i * ow);
            z1.intoArray(y, yo + r1 * ow + c1);
            z2.intoArray(y, yo + r2 * ow + c2);
            z3.intoArray(y, yo + r3 * ow + c3);
            return;
        }
        if (validCols >= L) z0.intoArray(y, yo + i * ow);
        else z0.intoArray(y, yo + i * ow, FS.indexInRange(0, validCols));
        if (r1 < validRows && c1 < validCols) z1.intoArray(y, yo + r1 * ow + c1, FS.indexInRange(c1, validCols));
        if (r2 < validRows && c2 < validCols) z2.intoArray(y, yo + r2 * ow + c2, FS.indexInRange(c2, validCols));
        if (r3 < validRows && c3 < validCols) z3.intoArray(y, yo + r3 * ow + c3, FS.indexInRange(c3, validCols));
    }
}
