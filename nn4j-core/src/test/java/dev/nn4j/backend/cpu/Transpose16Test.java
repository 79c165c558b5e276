package dev.nn4j.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-register 16 x 16 transpose against its scalar twin, with strides and offsets. */
class Transpose16Test {
    @Test
    void vectorMatchesScalarTwin() {
        if (!Transpose16.AVAILABLE) return;
        Random r = new Random(7);
        float[] src = new float[40 * 23 + 5];
        for (int i = 0; i < src.length; i++) src[i] = r.nextFloat();
        float[] got = new float[17 * 19 + 3], want = new float[got.length];
        Transpose16.transpose(src, 5, 23, got, 3, 19);
        Transpose16.transposeScalar(src, 5, 23, want, 3, 19);
        assertArrayEquals(want, got);
    }
}
