package dev.nn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads the PyTorch goldens of tools/golden/gen_training.py (float64 values, {shape, data} tensors). */
final class Golden {
    private Golden() {}

    private static Map<String, Object> training;

    @SuppressWarnings("unchecked")
    static synchronized Map<String, Object> training() {
        if (training == null) training = (Map<String, Object>) parseResource("/golden/training.json");
        return training;
    }

    static Object parseResource(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name + " (run tools/golden/gen_training.py)");
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    static double[] doubles(Object o) {
        List<Object> l = list(o);
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) d[i] = num(l.get(i));
        return d;
    }

    /** A {shape, data} object as a tensor of {@code dtype}. */
    static Tensor tensor(Object o, DType dtype) {
        Map<String, Object> m = map(o);
        List<Object> shape = list(m.get("shape"));
        int[] s = new int[shape.size()];
        for (int i = 0; i < s.length; i++) s[i] = (int) num(shape.get(i));
        return Tensor.fromArray(doubles(m.get("data")), s).to(dtype);
    }

    /** |got - want| <= atol + rtol * |want| elementwise, shapes equal. */
    static void assertClose(String what, Object want, Tensor got, double rtol, double atol) {
        Map<String, Object> m = map(want);
        double[] w = doubles(m.get("data"));
        int[] shape = list(m.get("shape")).stream().mapToInt(v -> (int) num(v)).toArray();
        assertArrayEquals(shape, got.shape(), what + ": shape");
        assertClose(what, w, got.toDoubleArray(), rtol, atol);
    }

    static void assertClose(String what, double[] want, double[] got, double rtol, double atol) {
        assertTrue(want.length == got.length, what + ": " + got.length + " values, expected " + want.length);
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs(got[i] - want[i]), tol = atol + rtol * Math.abs(want[i]);
            int k = i;
            assertTrue(err <= tol, () -> what + ": element " + k + " is " + got[k] + ", PyTorch " + want[k] + " (error " + err + " > " + tol + ")");
        }
    }
}
