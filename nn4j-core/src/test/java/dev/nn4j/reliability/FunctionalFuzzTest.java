package dev.nn4j.reliability;

import dev.nn4j.nn.functional.F;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every public static method of {@link F} with random arguments ({@link ReflectiveFuzzer}). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FunctionalFuzzTest {
    @Test
    void randomArgumentsNeverEscapeAsInternalExceptions() throws Exception {
        List<Method> methods = new ArrayList<>();
        for (Method m : F.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == F.class) methods.add(m);
        }
        ReflectiveFuzzer.fuzz("F", methods);
    }
}
