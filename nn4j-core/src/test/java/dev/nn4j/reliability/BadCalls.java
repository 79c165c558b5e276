package dev.nn4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * A table of bad calls: each row runs a call that must fail up front with the expected exception type
 * (IllegalArgumentException, IndexOutOfBoundsException, IllegalStateException or a library exception) whose
 * message contains every fragment given (the op, the argument, what it got, what it expected). An
 * ArrayIndexOutOfBounds, NullPointer, ClassCast or Arithmetic exception escaping from inside the library
 * fails the row whatever type was expected, as does no exception at all.
 */
final class BadCalls {
    static final Class<IllegalArgumentException> IAE = IllegalArgumentException.class;
    static final Class<IndexOutOfBoundsException> IOOBE = IndexOutOfBoundsException.class;
    static final Class<IllegalStateException> ISE = IllegalStateException.class;

    private final List<DynamicTest> rows = new ArrayList<>();

    /** Adds a row: {@code call} must throw {@code type} with every fragment in its message. */
    BadCalls row(String name, Class<? extends RuntimeException> type, Executable call, String... fragments) {
        rows.add(DynamicTest.dynamicTest(name, () -> check(name, type, call, fragments)));
        return this;
    }

    /** Shorthand for an IllegalArgumentException row. */
    BadCalls iae(String name, Executable call, String... fragments) {
        return row(name, IAE, call, fragments);
    }

    List<DynamicTest> tests() {
        return rows;
    }

    int size() {
        return rows.size();
    }

    static void check(String name, Class<? extends RuntimeException> type, Executable call, String... fragments) {
        try {
            call.execute();
        } catch (Throwable e) {
            if (isInternal(e) || !type.isInstance(e)) {
                throw new AssertionError(name + ": expected " + type.getSimpleName() + " but got " + e, e);
            }
            String msg = String.valueOf(e.getMessage());
            for (String f : fragments) {
                assertTrue(msg.contains(f), () -> name + ": message '" + msg + "' lacks '" + f + "'");
            }
            return;
        }
        fail(name + ": no exception");
    }

    /** Exceptions that only ever come from inside a kernel or a missing check, never from a validated entry point. */
    static boolean isInternal(Throwable e) {
        return e instanceof ArrayIndexOutOfBoundsException || e instanceof StringIndexOutOfBoundsException
                || e instanceof NullPointerException || e instanceof ClassCastException || e instanceof ArithmeticException
                || e instanceof NegativeArraySizeException || e instanceof OutOfMemoryError;
    }
}
