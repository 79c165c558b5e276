package dev.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small JSON reader/writer behind safetensors headers and checkpoint metadata. */
class JsonTest {

    @Test
    void parsesValuesAndKeepsKeyOrder() {
        Object v = Json.parse(" {\"b\": [1, -2, 3.5, 1e3, -0.25E-2, true, false, null], \"a\": {\"x\": \"y\"}, \"\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("b", "a", ""), List.copyOf(m.keySet()));
        assertEquals(Arrays.asList(1L, -2L, 3.5, 1000.0, -0.0025, true, false, null), m.get("b"));
        assertEquals(Map.of("x", "y"), m.get("a"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(1e19, Json.parse("10000000000000000000"), "beyond long: a double");
    }

    @Test
    void stringsWithEscapesAndUnicode() {
        assertEquals("q\" b\\ s/ \b\f\n\r\t é \u20ac", Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC\""));
        assertEquals("raw é 😀", Json.parse("\"raw é 😀\""));
        String tricky = "a\"b\\c\nd\u0001e é 😀";
        assertEquals(tricky, Json.parse(Json.write(tricky)));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offsets", List.of(0L, 24L));
        m.put("lr", 0.001);
        m.put("tiny", 1e-300);
        m.put("whole", 3.0);
        m.put("negzero", -0.0);
        m.put("flag", true);
        m.put("none", null);
        m.put("nested", Map.of("k", List.of()));
        String text = Json.write(m);
        assertEquals("{\"offsets\":[0,24],\"lr\":0.001,\"tiny\":1.0E-300,\"whole\":3,\"negzero\":-0.0,\"flag\":true,\"none\":null,\"nested\":{\"k\":[]}}", text);
        Map<?, ?> back = (Map<?, ?>) Json.parse(text);
        assertEquals(0.001, back.get("lr"));
        assertEquals(1e-300, back.get("tiny"));
        assertEquals(3L, back.get("whole"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.get("negzero")), "-0.0 keeps its sign");
    }

    @Test
    void nonFiniteNumbersHaveNoJsonForm() {
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
            var e = assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("best", bad)));
            assertTrue(e.getMessage().contains("has no JSON form"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void malformedInputIsRejectedWithItsOffset() {
        for (String bad : List.of("", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "[1 2]", "{a:1}", "\"open", "tru", "nul", "01x", "1.2.3", "--1",
                "\"bad \\x escape\"", "\"\\u12\"", "\"ctrl \u0001\"", "{} extra", "{\"a\":1,\"a\":2}", "NaN", "[" .repeat(100) + "]".repeat(100))) {
            var e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid JSON at offset "), bad + " -> " + e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1,\"a\":2}"));
        assertTrue(e.getMessage().contains("duplicate key \"a\""), e.getMessage());
    }
}
