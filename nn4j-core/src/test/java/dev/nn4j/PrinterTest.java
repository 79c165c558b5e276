package dev.nn4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import java.util.List;
import java.util.ArrayList;

/**
 * {@code Tensor.toString()} against PyTorch 1.13's {@code repr}; the expected strings come from
 * {@code tools/golden/printer_cases.py}, which builds the same tensors under the same names.
 */
class PrinterTest {

    private static Map<String, String> golden() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        try (InputStream in = PrinterTest.class.getResourceAsStream("/golden/printer.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = null;
            StringBuilder body = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (line.startsWith("=== ")) {
                    if (name != null) cases.put(name, body.toString().stripTrailing());
                    name = line.substring(4);
                    body.setLength(0);
                } else {
                    if (!body.isEmpty()) body.append('\n');
                    body.append(line);
                }
            }
            if (name != null) cases.put(name, body.toString().stripTrailing());
        }
        return cases;
    }

    private static Tensor arange(double n) {
        return Tensor.arange(0, n, 1, DType.FLOAT32);
    }

    private static Map<String, Supplier<Tensor>> tensors() {
        Map<String, Supplier<Tensor>> m = new LinkedHashMap<>();
        Tensor w = Tensor.of(1f, 2f).requiresGrad_(true);
        m.put("float", () -> Tensor.of(1.5f, -2.25f, 3.0f));
        m.put("floatInt", () -> Tensor.of(1f, -2f, 3f));
        m.put("float2d", () -> Tensor.fromArray(new float[][] {{1, 2, 3}, {4, 5, 6}}));
        m.put("float3d", () -> arange(12).reshape(2, 2, 3).div(4));
        m.put("sci", () -> Tensor.of(1e-5f, 1.0f, 123456f));
        m.put("sciInt", () -> Tensor.of(1f, 2000f));
        m.put("nanInt", () -> Tensor.of(Float.NaN, 1f, Float.POSITIVE_INFINITY));
        m.put("int64", () -> Tensor.of(1L, -20L, 300L));
        m.put("int64_2d", () -> Tensor.fromArray(new long[] {1, 2, 30, 4}, 2, 2));
        m.put("bool", () -> Tensor.of(true, false, true));
        m.put("float64", () -> Tensor.of(1.5, 2.0));
        m.put("float64Int", () -> Tensor.of(1.0, 2.0));
        m.put("scalar", () -> Tensor.scalar(3.5));
        m.put("scalarInt", () -> Tensor.scalar(7, DType.INT64));
        m.put("scalarBool", () -> Tensor.scalar(1, DType.BOOL));
        m.put("empty", () -> Tensor.zeros(0));
        m.put("empty2d", () -> Tensor.zeros(2, 0));
        m.put("emptyInt", () -> Tensor.zeros(DType.INT64, 0));
        m.put("emptyBool", () -> Tensor.zeros(DType.BOOL, 0, 3));
        m.put("requiresGrad", () -> w);
        m.put("gradFnMul", () -> w.mul(2));
        m.put("gradFnAdd", () -> w.add(1));
        m.put("gradFnSum", w::sum);
        m.put("float64Grad", () -> Tensor.of(1.5, 2.0).requiresGrad_(true));
        m.put("long1d", () -> arange(30).div(7));
        m.put("big", () -> arange(2000).reshape(40, 50).div(8));
        m.put("big1d", () -> Tensor.arange(1001));
        m.put("big3d", () -> arange(24000).reshape(20, 30, 40));
        m.put("neg0", () -> Tensor.of(-0.0f, 0.5f));
        m.put("round", () -> Tensor.of(0.12345f, 1.00015f, 7.5e-4f));
        m.put("small", () -> Tensor.of(1e-10f, 0f));
        m.put("hugeInt", () -> Tensor.of(1e9f, 1f));
        m.put("zeros", () -> Tensor.zeros(2, 2));
        m.put("suffixWrap", () -> Tensor.arange(0, 9, 1, DType.FLOAT64).requiresGrad_(true).div(3));
        m.put("wideInt", () -> Tensor.arange(40).reshape(2, 20).mul(1000));
        m.put("bigInt64", () -> Tensor.of((1L << 60) + 1, 3L));
        m.put("bigInt64Scalar", () -> Tensor.of(-(1L << 62)).reshape());
        return m;
    }

    @TestFactory
    List<DynamicTest> matchesPyTorchRepr() throws IOException {
        Map<String, String> expected = golden();
        Map<String, Supplier<Tensor>> built = tensors();
        assertEquals(expected.keySet(), built.keySet(), "every golden case has a Java twin");
        List<DynamicTest> tests = new ArrayList<>();
        for (var e : expected.entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> assertEquals(e.getValue(), built.get(e.getKey()).get().toString())));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> printsStridedViewsByValue() {
        Tensor x = Tensor.arange(0, 6, 1, DType.FLOAT32).reshape(2, 3);
        return List.of(DynamicTest.dynamicTest("transposed", () -> {
            // torch.arange(6.).reshape(2, 3).t()
            assertEquals("tensor([[0., 3.],\n        [1., 4.],\n        [2., 5.]])", x.t().toString());
            assertTrue(x.t().detach().toString().startsWith("tensor([[0., 3.]"));
        }));
    }
}
