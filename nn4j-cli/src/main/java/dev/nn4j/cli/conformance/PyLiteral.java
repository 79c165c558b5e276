package dev.nn4j.cli.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a PyTorch constructor call written as Python source, e.g. {@code Conv2d(1, 4, kernel_size=3)} or
 * {@code MaxPool2d(kernel_size=(2, 2), stride=None)}: the class name, positional and keyword arguments.
 * Values are Python literals: ints (Long), floats (Double), True/False, None (null), strings (quoted, or bare as
 * PyTorch's reprs print some), tuples and lists (List). Nested calls are not supported.
 */
final class PyLiteral {
    /** A parsed call. */
    record Call(String name, List<Object> args, Map<String, Object> kwargs) {}

    private final String s;
    private int i;

    private PyLiteral(String s) {
        this.s = s;
    }

    static Call parseCall(String text) {
        PyLiteral p = new PyLiteral(text.trim());
        Call c = p.call();
        p.ws();
        if (p.i != p.s.length()) throw p.error("unexpected text after the call");
        return c;
    }

    private Call call() {
        ws();
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) i++;
        String name = s.substring(start, i);
        if (name.isEmpty()) throw error("expected a class name");
        if (name.contains(".")) name = name.substring(name.lastIndexOf('.') + 1); // nn.Linear -> Linear
        ws();
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (i == s.length()) return new Call(name, args, kwargs); // bare name: no arguments
        expect('(');
        ws();
        while (peek() != ')') {
            int save = i;
            String key = identifier();
            ws();
            if (key != null && peek() == '=') {
                i++;
                kwargs.put(key, value());
            } else {
                i = save;
                if (!kwargs.isEmpty()) throw error("positional argument after keyword argument");
                args.add(value());
            }
            ws();
            if (peek() == ',') {
                i++;
                ws();
            } else if (peek() != ')') {
                throw error("expected ',' or ')'");
            }
        }
        i++;
        return new Call(name, args, kwargs);
    }

    private String identifier() {
        int start = i;
        if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
            return s.substring(start, i);
        }
        return null;
    }

    private Object value() {
        ws();
        char c = peek();
        if (c == '(' || c == '[') {
            char close = c == '(' ? ')' : ']';
            i++;
            List<Object> items = new ArrayList<>();
            ws();
            while (peek() != close) {
                items.add(value());
                ws();
                if (peek() == ',') {
                    i++;
                    ws();
                } else if (peek() != close) {
                    throw error("expected ',' or '" + close + "'");
                }
            }
            i++;
            return items;
        }
        if (c == '\'' || c == '"') {
            i++;
            int start = i;
            while (i < s.length() && s.charAt(i) != c) i++;
            if (i == s.length()) throw error("unterminated string");
            return s.substring(start, i++);
        }
        String id = identifier();
        if (id != null) {
            return switch (id) {
                case "True" -> Boolean.TRUE;
                case "False" -> Boolean.FALSE;
                case "None" -> null;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> id; // PyTorch reprs print some strings bare: mode=bilinear, padding_mode=reflect, padding=same
            };
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        String num = s.substring(start, i);
        if (num.isEmpty()) throw error("expected a value");
        if (num.matches("[+-]?\\d+")) return Long.parseLong(num);
        return Double.parseDouble(num);
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private char peek() {
        if (i >= s.length()) throw error("unexpected end");
        return s.charAt(i);
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        i++;
    }

    private CaseFormatException error(String what) {
        return new CaseFormatException("cannot parse layer '" + s + "' at " + i + ": " + what);
    }
}
