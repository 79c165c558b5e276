package dev.nn4j.reliability;

import dev.nn4j.Tensor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every public method of {@link Tensor}, on random receivers with random arguments ({@link ReflectiveFuzzer}). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TensorFuzzTest {
    /** Methods that block, print or hand out internals rather than compute. */
    private static final Set<String> SKIP = Set.of("storage", "hashCode", "equals", "toString", "wait", "notify", "notifyAll",
            "getClass");

    @Test
    void randomArgumentsNeverEscapeAsInternalExceptions() throws Exception {
        List<Method> methods = new ArrayList<>();
        for (Method m : Tensor.class.getMethods()) {
            if (m.getDeclaringClass() == Tensor.class && !SKIP.contains(m.getName())) methods.add(m);
        }
        ReflectiveFuzzer.fuzz("Tensor", methods);
    }
}
