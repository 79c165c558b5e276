package dev.nn4j.backend.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 {@code exp}, {@code log}, {@code tanh} and {@code sigmoid} in a vector form and a scalar twin that
 * return the same bits for the same input (Cephes' single-precision polynomials, about 1 ulp).
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)}: the Vector API computes those with {@code Math.exp} per lane
 * until the JIT compiles the loop and with a vendor library afterwards, which round differently. The same call
 * could then give different bits before and after warm-up, and an element could round differently in a vector
 * body than in a scalar tail, so results would depend on the JIT and on how the work was split over threads.
 * Built only from operations IEEE 754 rounds exactly (add, mul, fma, div, compares, bit moves), these cannot.
 */
public final class VectorMath {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    // exp: x = n ln2 + r, |r| <= ln2/2, exp(r) by a degree-6 polynomial, then scaled by 2^n
    private static final float EXP_MIN = -104f, EXP_MAX = 89f;   // beyond these the result is 0 or +inf
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    private static final float ROUND = 12582912f;                // 1.5 * 2^23: x + ROUND - ROUND rounds to an integer
    private static final float E0 = 1.9875691500e-4f, E1 = 1.3981999507e-3f, E2 = 8.3334519073e-3f,
            E3 = 4.1665795894e-2f, E4 = 1.6666665459e-1f, E5 = 5.0000001201e-1f;

    // log: x = m 2^e with m in [sqrt(1/2), sqrt(2)), log(m) by a degree-9 polynomial in m - 1
    private static final float SQRT_HALF = 0.707106781186547524f;
    private static final float TWO_23 = 8388608f;
    private static final float L0 = 7.0376836292e-2f, L1 = -1.1514610310e-1f, L2 = 1.1676998740e-1f,
            L3 = -1.2420140846e-1f, L4 = 1.4249322787e-1f, L5 = -1.6668057665e-1f, L6 = 2.0000714765e-1f,
            L7 = -2.4999993993e-1f, L8 = 3.3333331174e-1f;

    // tanh: an odd polynomial below 0.625, 1 - 2 / (exp(2|x|) + 1) above
    private static final float TANH_SMALL = 0.625f;
    private static final float T0 = -5.70498872745e-3f, T1 = 2.06390887954e-2f, T2 = -5.37397155531e-2f,
            T3 = 1.33314422036e-1f, T4 = -3.33332819422e-1f;

    private VectorMath() {}

    // ------------------------------------------------------------------ exp

    public static float exp(float x) {
        x = Math.min(Math.max(x, EXP_MIN), EXP_MAX);   // NaN stays NaN
        float n = (x * LOG2E + ROUND) - ROUND;
        float r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(E0, r, E1), r, E2), r, E3), r, E4), r, E5);
        p = Math.fma(p, r * r, r) + 1f;
        int k = (int) n, k1 = k >> 1;
        // 2^k in two halves, each a normal float, so results near the overflow and subnormal ends stay right
        return p * Float.intBitsToFloat((k1 + 127) << 23) * Float.intBitsToFloat((k - k1 + 127) << 23);
    }

    public static FloatVector exp(FloatVector x) {
        x = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector n = x.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = n.fma(c(-LN2_HI), x);
        r = n.fma(c(-LN2_LO), r);
        FloatVector p = c(E0).fma(r, c(E1)).fma(r, c(E2)).fma(r, c(E3)).fma(r, c(E4)).fma(r, c(E5));
        p = p.fma(r.mul(r), r).add(1f);
        IntVector k = (IntVector) n.convert(VectorOperators.F2I, 0);
        IntVector k1 = k.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = k1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k.sub(k1).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    // ------------------------------------------------------------------ log

    public static float log(float x) {
        if (!(x > 0f) || x == Float.POSITIVE_INFINITY) {
            if (x == 0f) return Float.NEGATIVE_INFINITY;
            return x == Float.POSITIVE_INFINITY ? x : Float.NaN;
        }
        int adjust = 0;
        if (x < Float.MIN_NORMAL) {
            x *= TWO_23;
            adjust = -23;
        }
        int bits = Float.floatToRawIntBits(x);
        float e = (bits >> 23) - 126 + adjust;
        float m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f000000);   // in [0.5, 1)
        if (m < SQRT_HALF) {
            e -= 1f;
            m = m + m - 1f;
        } else {
            m = m - 1f;
        }
        return logTail(m, e);
    }

    private static float logTail(float m, float e) {
        float z = m * m;
        float y = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                L0, m, L1), m, L2), m, L3), m, L4), m, L5), m, L6), m, L7), m, L8);
        y = y * m * z;
        y = Math.fma(e, LN2_LO, y);
        y = Math.fma(-0.5f, z, y);
        return Math.fma(e, LN2_HI, m + y);
    }

    public static FloatVector log(FloatVector x) {
        VectorMask<Float> tiny = x.lt(Float.MIN_NORMAL);
        FloatVector xs = x.blend(x.mul(TWO_23), tiny);
        IntVector bits = xs.reinterpretAsInts();
        FloatVector e = (FloatVector) bits.lanewise(VectorOperators.ASHR, 23).sub(126).convert(VectorOperators.I2F, 0);
        e = e.blend(e.sub(23f), tiny);
        FloatVector m = bits.and(0x007fffff).or(0x3f000000).reinterpretAsFloats();
        VectorMask<Float> low = m.lt(SQRT_HALF);
        e = e.blend(e.sub(1f), low);
        m = m.blend(m.add(m), low).sub(1f);
        FloatVector z = m.mul(m);
        FloatVector y = c(L0).fma(m, c(L1)).fma(m, c(L2)).fma(m, c(L3)).fma(m, c(L4))
                .fma(m, c(L5)).fma(m, c(L6)).fma(m, c(L7)).fma(m, c(L8));
        y = y.mul(m).mul(z);
        y = e.fma(c(LN2_LO), y);
        y = c(-0.5f).fma(z, y);
        FloatVector r = e.fma(c(LN2_HI), m.add(y));
        // special inputs, in the scalar twin's order: NaN and negatives, zero, +inf
        r = r.blend(Float.NaN, x.lt(0f).or(x.test(VectorOperators.IS_NAN)));
        r = r.blend(Float.NEGATIVE_INFINITY, x.eq(0f));
        return r.blend(Float.POSITIVE_INFINITY, x.eq(Float.POSITIVE_INFINITY));
    }

    // ------------------------------------------------------------------ tanh, sigmoid

    public static float tanh(float x) {
        float z = Math.abs(x);
        if (z > TANH_SMALL) {
            float t = 1f - 2f / (exp(z + z) + 1f);
            return Math.copySign(t, x);
        }
        if (x == 0f) return x;   // keeps -0
        float s = x * x;
        float p = Math.fma(Math.fma(Math.fma(Math.fma(T0, s, T1), s, T2), s, T3), s, T4);
        return Math.fma(p * s, x, x);
    }

    public static FloatVector tanh(FloatVector x) {
        FloatVector z = x.abs();
        FloatVector big = c(1f).sub(c(2f).div(exp(z.add(z)).add(1f)));
        // copy the sign of x (big is never negative)
        big = big.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
        FloatVector s = x.mul(x);
        FloatVector p = c(T0).fma(s, c(T1)).fma(s, c(T2)).fma(s, c(T3)).fma(s, c(T4));
        FloatVector small = p.mul(s).fma(x, x).blend(x, x.eq(0f));
        return small.blend(big, z.compare(VectorOperators.GT, TANH_SMALL));
    }

    public static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    public static FloatVector sigmoid(FloatVector x) {
        return c(1f).div(exp(x.neg()).add(1f));
    }

    private static FloatVector c(float v) {
        return FloatVector.broadcast(F, v);
    }
}
