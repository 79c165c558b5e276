package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The vector forms give the scalar twins' bits, the scalar twins are within 1 to 3 ulp of the double-precision truth. */
class VectorMathTest {
    private static final int L = VectorMath.F.length();

    interface ScalarFn {
        float apply(float x);
    }

    private static float[] inputs(float lo, float hi) {
        SplittableRandom r = new SplittableRandom(5);
        float[] special = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 88.7f, 88.73f, -87.3f, -103.5f,
                -104.5f, 1e-30f, 1e-39f, 0.625f, -0.625f, 0.6250001f, 9f, -9f, 20f, 1e-8f, -1e-8f};
        float[] x = new float[L * 4000];
        System.arraycopy(special, 0, x, 0, special.length);
        for (int i = special.length; i < x.length; i++) {
            x[i] = i % 3 == 0 ? Float.intBitsToFloat(r.nextInt())             // any float at all
                    : (float) (lo + (hi - lo) * r.nextDouble());
        }
        return x;
    }

    private static void check(String name, ScalarFn scalar, UnaryOperator<FloatVector> vector, DoubleUnaryOperator truth,
                              float lo, float hi, int ulps) {
        float[] x = inputs(lo, hi);
        float[] v = new float[x.length];
        for (int i = 0; i < x.length; i += L) vector.apply(FloatVector.fromArray(VectorMath.F, x, i)).intoArray(v, i);
        for (int i = 0; i < x.length; i++) {
            float s = scalar.apply(x[i]);
            assertEquals(Float.floatToIntBits(s), Float.floatToIntBits(v[i]), name + "(" + x[i] + "): scalar " + s + " vector " + v[i]);
            float t = (float) truth.applyAsDouble(x[i]);
            if (Float.isNaN(t) || Float.isInfinite(t) || t == 0f) {
                assertEquals(Float.floatToIntBits(t), Float.floatToIntBits(s), name + "(" + x[i] + ")");
            } else if (Math.abs(t) >= Float.MIN_NORMAL) {
                assertTrue(Math.abs(s - t) <= ulps * Math.ulp(t), name + "(" + x[i] + ") = " + s + ", expected " + t);
            } else {
                assertTrue(Math.abs(s - t) <= ulps * Float.MIN_VALUE, name + "(" + x[i] + ") = " + s + ", expected " + t);
            }
        }
    }

    @Test
    void exp() {
        check("exp", VectorMath::exp, VectorMath::exp, Math::exp, -110f, 90f, 1);
    }

    @Test
    void log() {
        check("log", VectorMath::log, VectorMath::log, Math::log, 0f, 10f, 1);
    }

    @Test
    void tanh() {
        check("tanh", VectorMath::tanh, VectorMath::tanh, Math::tanh, -10f, 10f, 2);
    }

    /** 1 / (1 + exp(-x)) rounds three times. As in PyTorch's float kernel, exp(-x) overflows below x = -88.7 and the result is 0, not a subnormal. */
    @Test
    void sigmoid() {
        check("sigmoid", VectorMath::sigmoid, VectorMath::sigmoid, x -> 1f / (1f + (float) Math.exp(-x)), -30f, 30f, 3);
    }
}
