package dev.nn4j.nn;

import java.math.BigDecimal;
import java.util.List;
import java.util.StringJoiner;

/**
 * Python's {@code repr} of the values that appear in modules' {@code extra_repr}: floats
 * ({@code 1e-05}, {@code 0.1}, {@code 2.0}), booleans ({@code True}), {@code None}, tuples
 * ({@code (3,)}, {@code (3, 3)}) and lists. Module reprs must match PyTorch's text exactly.
 */
final class Repr {
    private Repr() {}

    /** Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String py(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        // Double.toString gives the shortest digits that round-trip (JDK 19+); reformat them Python's way.
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exp = digits.length() - 1 - d.scale(); // decimal exponent of the leading digit
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = d.toPlainString();
        if (!plain.contains(".")) plain += ".0";
        return sign + plain;
    }

    /** A Python int or float as given: integers print without a fraction, doubles as {@link #py(double)}. */
    static String py(Number n) {
        if (n == null) return "None";
        if (n instanceof Double || n instanceof Float) return py(n.doubleValue());
        return Long.toString(n.longValue());
    }

    /** The double value of a Python number argument, naming the op when it is missing. */
    static double num(String op, String name, Number n) {
        if (n == null) throw new IllegalArgumentException(op + ": " + name + " must not be null");
        return n.doubleValue();
    }

    static String py(boolean b) {
        return b ? "True" : "False";
    }


    /** A Python tuple: {@code (3,)}, {@code (3, 3)}, {@code ()}. */
    static String tuple(int... v) {
        if (v == null) return "None";
        if (v.length == 1) return "(" + v[0] + ",)";
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (int x : v) j.add(Integer.toString(x));
        return j.toString();
    }

    static String tuple(double... v) {
        if (v == null) return "None";
        if (v.length == 1) return "(" + py(v[0]) + ",)";
        StringJoiner j = new StringJoiner(", ", "(", ")");
        for (double x : v) j.add(py(x));
        return j.toString();
    }

    /** A Python list: {@code [1, 2]}. */
    static String list(int... v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int x : v) j.add(Integer.toString(x));
        return j.toString();
    }

    /** A Python list of strings with quotes: {@code ['a', 'b']}. */
    static String strList(List<String> v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (String s : v) j.add(quote(s));
        return j.toString();
    }

    /** Python's repr of a str: single quotes unless the text contains one. */
    static String quote(String s) {
        if (s == null) return "None";
        if (s.contains("'") && !s.contains("\"")) return "\"" + s + "\"";
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** An int, or the int tuple when the values differ, as PyTorch prints an int-or-tuple argument it stored as given. */
    static String intOrTuple(int[] v, boolean givenAsInt) {
        return givenAsInt ? Integer.toString(v[0]) : tuple(v);
    }

    /** {@code torch.Size([3, 4])}. */
    static String size(int[] shape) {
        return "torch.Size(" + list(shape) + ")";
    }

    /** PyTorch's {@code _addindent}: indents every line but the first. */
    static String addIndent(String s, int spaces) {
        if (!s.contains("\n")) return s;
        String pad = " ".repeat(spaces);
        String[] lines = s.split("\n", -1);
        StringBuilder b = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) b.append('\n').append(pad).append(lines[i]);
        return b.toString();
    }
}
