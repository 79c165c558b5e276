package dev.nn4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import dev.nn4j.nn.Module;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Builds every public module of {@code dev.nn4j.nn} through each public constructor with random small arguments
 * (sizes 0 to 4, some negative, odd probabilities, unknown modes) and feeds the modules that build random
 * tensors through every public {@code forward}, in training and in eval mode. Only validated exceptions may
 * escape, from the constructor or the forward; an ArrayIndexOutOfBounds, NullPointer, ClassCast, Arithmetic
 * or NegativeArraySize exception is a missing check. Seeded, so a failure reproduces.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModuleFuzzTest {
    private static final int BUILDS_PER_CONSTRUCTOR = 12, FORWARDS_PER_MODULE = 4;
    private static final String[] STRINGS = {"zeros", "reflect", "circular", "mean", "sum", "max", "none", "tanh", "relu", "nearest", "bilinear", "foo"};

    private final Random rnd = new Random(77);
    private final Generator gen = new Generator(3);

    private static List<Class<?>> moduleClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Module.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("dev/nn4j/nn");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) continue;
                Class<?> c = Class.forName("dev.nn4j.nn." + name.substring(0, name.length() - 6));
                if (Module.class.isAssignableFrom(c) && Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers())) out.add(c);
            }
        }
        return out;
    }

    private int small() {
        int r = rnd.nextInt(20);
        return r == 0 ? -1 : r == 1 ? 0 : 1 + rnd.nextInt(4);
    }

    private Tensor tensor() {
        int[] shape = new int[1 + rnd.nextInt(4)];
        for (int i = 0; i < shape.length; i++) shape[i] = rnd.nextInt(12) == 0 ? 0 : 1 + rnd.nextInt(4);
        return switch (rnd.nextInt(8)) {
            case 0 -> Tensor.randint(0, 4, gen, shape);
            case 1 -> Tensor.randn(DType.FLOAT64, gen, shape);
            default -> Tensor.randn(gen, shape);
        };
    }

    private static final Object UNSUPPORTED = new Object();

    private Object arg(Class<?> t) {
        if (t == int.class || t == Integer.class) return small();
        if (t == long.class || t == Long.class) return (long) small();
        if (t == double.class || t == Double.class || t == Number.class) return new double[] {0.5, 0.1, 1e-5, 0, 1, 1.5, -1}[rnd.nextInt(7)];
        if (t == boolean.class || t == Boolean.class) return rnd.nextBoolean();
        if (t == String.class) return STRINGS[rnd.nextInt(STRINGS.length)];
        if (t == int[].class) {
            int[] v = new int[1 + rnd.nextInt(3)];
            for (int i = 0; i < v.length; i++) v[i] = small();
            return v;
        }
        if (t == double[].class) return new double[] {1 + rnd.nextInt(3)};
        if (t == Tensor.class) return tensor();
        if (t == DType.class) return rnd.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        if (t == Generator.class) return gen;
        if (t.isEnum()) return t.getEnumConstants()[rnd.nextInt(t.getEnumConstants().length)];
        for (String factory : new String[] {"opts", "options"}) {   // an options object: its defaults
            try {
                Method m = t.getMethod(factory);
                if (Modifier.isStatic(m.getModifiers()) && t.isAssignableFrom(m.getReturnType())) return m.invoke(null);
            } catch (ReflectiveOperationException e) {
                // not this factory
            }
        }
        return UNSUPPORTED;
    }

    private Object[] args(Class<?>[] types) {
        Object[] a = new Object[types.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = arg(types[i]);
            if (a[i] == UNSUPPORTED) return null;
        }
        return a;
    }

    @Test
    void randomModulesAndInputsNeverEscapeAsInternalExceptions() throws Exception {
        TreeSet<String> problems = new TreeSet<>();
        int built = 0, forwards = 0;
        List<Class<?>> classes = moduleClasses();
        for (Class<?> c : classes) {
            Constructor<?>[] ctors = c.getConstructors();
            Arrays.sort(ctors, Comparator.comparing(Constructor::toString));
            List<Method> fwds = new ArrayList<>();
            for (Method m : c.getMethods()) {
                if (m.getName().equals("forward") && !Modifier.isStatic(m.getModifiers()) && Arrays.stream(m.getParameterTypes()).allMatch(p -> p == Tensor.class)) {
                    fwds.add(m);
                }
            }
            fwds.sort(Comparator.comparing(Method::toString));
            for (Constructor<?> ctor : ctors) {
                // PyTorch's default Transformer has 44M parameters: building it is a benchmark, not a check
                if (ctor.getParameterCount() == 0 && c.getSimpleName().equals("Transformer")) continue;
                int builds = ctor.getParameterCount() == 0 ? 2 : BUILDS_PER_CONSTRUCTOR;
                for (int b = 0; b < builds; b++) {
                    Object[] a = args(ctor.getParameterTypes());
                    if (a == null) break;
                    Module m;
                    try {
                        m = (Module) ctor.newInstance(a);
                        built++;
                    } catch (InvocationTargetException e) {
                        check(problems, "new " + c.getSimpleName() + describe(a), e.getCause());
                        continue;
                    }
                    for (int f = 0; f < FORWARDS_PER_MODULE && !fwds.isEmpty(); f++) {
                        Method fwd = fwds.get(rnd.nextInt(fwds.size()));
                        if (rnd.nextBoolean()) m.eval();
                        else m.train();
                        Object[] in = args(fwd.getParameterTypes());
                        forwards++;
                        try {
                            fwd.invoke(m, in);
                        } catch (InvocationTargetException e) {
                            check(problems, m + " .forward" + describe(in), e.getCause());
                        }
                    }
                }
            }
        }
        System.out.println("ModuleFuzzTest: " + classes.size() + " module classes, " + built + " built, " + forwards + " forwards");
        assertTrue(classes.size() > 100 && forwards > 1000, "the fuzzer reached the modules");
        assertTrue(problems.isEmpty(), problems.size() + " internal exceptions escaped:\n" + String.join("\n", problems));
    }

    private static void check(TreeSet<String> problems, String call, Throwable t) {
        if (BadCalls.isInternal(t) || t instanceof StackOverflowError) {
            problems.add(call.replace('\n', ' ') + " -> " + t + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
        } else if (!(t instanceof IllegalArgumentException || t instanceof IndexOutOfBoundsException
                || t instanceof IllegalStateException || t instanceof UnsupportedOperationException)) {
            problems.add(call.replace('\n', ' ') + " -> unexpected " + t);
        }
    }

    private static String describe(Object[] args) {
        List<String> s = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Tensor t) s.add(t.dtype() + dev.nn4j.internal.Shapes.str(t.shape()));
            else if (a instanceof int[] v) s.add(Arrays.toString(v));
            else if (a instanceof double[] v) s.add(Arrays.toString(v));
            else s.add(String.valueOf(a));
        }
        return s.toString();
    }
}
