package dev.nn4j.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Calls methods (static, or on a random tensor receiver) with random, mostly wrong arguments: tensors of random rank
 * (0 to 5), sizes (0 to 4) and dtypes, small ints including zero and negatives, odd doubles (NaN, negative),
 * unknown mode strings, default options objects. Whatever the call does, it may only return or throw a
 * validated exception (IllegalArgumentException, IndexOutOfBoundsException, IllegalStateException,
 * UnsupportedOperationException); an ArrayIndexOutOfBounds, NullPointer, ClassCast, Arithmetic or
 * NegativeArraySize exception from inside the library is a missing check. Seeded, so a failure reproduces.
 */
final class ReflectiveFuzzer {
    private static final int CALLS_PER_METHOD = 40;
    private static final String[] STRINGS = {"none", "mean", "sum", "zeros", "reflect", "bilinear", "nearest", "tanh", "max", "same", "foo", ""};
    private static final int[] INTS = {-3, -1, 0, 1, 2, 3, 5};
    private static final double[] DOUBLES = {Double.NaN, -1, 0, 0.5, 1, 2, Double.POSITIVE_INFINITY};
    private static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT32, DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};

    private final Random rnd = new Random(20240607);
    private final Generator gen = new Generator(1);

    /** The shape most tensors of one call share, so that calls get past the first checks and into the kernels. */
    private int[] base = {2, 3};

    private void newBase() {
        base = new int[1 + rnd.nextInt(4)];
        for (int i = 0; i < base.length; i++) base[i] = 1 + rnd.nextInt(4);
    }

    private int[] shape() {
        int pick = rnd.nextInt(20);
        if (pick < 10) return base.clone();
        if (pick < 13 && base.length > 0) {   // one dim changed (possibly to 0 or 1)
            int[] s = base.clone();
            s[rnd.nextInt(s.length)] = rnd.nextInt(4);
            return s;
        }
        if (pick < 16 && base.length > 0) return Arrays.copyOfRange(base, 1, base.length);   // no batch dim
        if (pick < 17) return new int[0];
        int[] shape = new int[rnd.nextInt(6)];
        for (int i = 0; i < shape.length; i++) shape[i] = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(4);
        return shape;
    }

    private Tensor tensor() {
        int[] shape = shape();
        DType dt = DTYPES[rnd.nextInt(DTYPES.length)];
        return switch (dt) {
            case FLOAT32, FLOAT64 -> Tensor.randn(dt, gen, shape);
            case INT64 -> Tensor.randint(-1, 5, gen, shape);
            case BOOL -> Tensor.randn(gen, shape).gt(0);
        };
    }

    private int[] ints() {
        int[] v = new int[rnd.nextInt(4)];
        for (int i = 0; i < v.length; i++) v[i] = INTS[rnd.nextInt(INTS.length)];
        return v;
    }

    /** A random argument of type {@code t}, or a marker that the type is not supported. */
    private Object arg(Class<?> t) throws ReflectiveOperationException {
        if (!t.isPrimitive() && rnd.nextInt(12) == 0) return null;
        if (t == Tensor.class) return tensor();
        if (t == int.class || t == Integer.class) return INTS[rnd.nextInt(INTS.length)];
        if (t == long.class || t == Long.class) return (long) INTS[rnd.nextInt(INTS.length)];
        if (t == double.class || t == Double.class) return DOUBLES[rnd.nextInt(DOUBLES.length)];
        if (t == float.class) return (float) DOUBLES[rnd.nextInt(DOUBLES.length)];
        if (t == boolean.class || t == Boolean.class) return rnd.nextBoolean();
        if (t == String.class) return STRINGS[rnd.nextInt(STRINGS.length)];
        if (t == int[].class) return ints();
        if (t == long[].class) return Arrays.stream(ints()).asLongStream().toArray();
        if (t == double[].class) return Arrays.stream(ints()).asDoubleStream().toArray();
        if (t == Tensor[].class) return new Tensor[] {tensor(), tensor()};
        if (t == DType.class) return DTYPES[rnd.nextInt(DTYPES.length)];
        if (t == Generator.class) return gen;
        if (t == Number.class) return DOUBLES[rnd.nextInt(DOUBLES.length)];
        if (t.isEnum()) {
            Object[] c = t.getEnumConstants();
            return c[rnd.nextInt(c.length)];
        }
        if (t == List.class) return List.of(tensor(), tensor());
        try {   // an options object: its defaults
            Method opts = t.getMethod("opts");
            if (Modifier.isStatic(opts.getModifiers()) && opts.getParameterCount() == 0) return opts.invoke(null);
        } catch (NoSuchMethodException e) {
            // not an options type
        }
        return UNSUPPORTED;
    }

    private static final Object UNSUPPORTED = new Object();
    /** Fuzzes {@code methods}, naming {@code what} in the report; fails listing every call that escaped. */
    static void fuzz(String what, List<Method> methods) throws Exception {
        new ReflectiveFuzzer().run(what, new ArrayList<>(methods));
    }

    private void run(String what, List<Method> methods) throws Exception {
        methods.sort(Comparator.comparing(Method::toString));   // a fixed order keeps the random stream reproducible
        TreeSet<String> problems = new TreeSet<>();
        int calls = 0, returned = 0, rejected = 0;
        for (Method m : methods) {
            for (int c = 0; c < CALLS_PER_METHOD; c++) {
                newBase();
                Object[] args = new Object[m.getParameterCount()];
                boolean ok = true;
                for (int i = 0; i < args.length && ok; i++) {
                    args[i] = arg(m.getParameterTypes()[i]);
                    ok = args[i] != UNSUPPORTED;
                }
                if (!ok) break;
                calls++;
                try {
                    m.invoke(Modifier.isStatic(m.getModifiers()) ? null : tensor(), args);
                    returned++;
                } catch (InvocationTargetException e) {
                    Throwable t = e.getCause();
                    rejected++;
                    if (BadCalls.isInternal(t) || t instanceof StackOverflowError) {
                        problems.add(m.getName() + Arrays.toString(m.getParameterTypes()).replace("class ", "") + " with " + describe(args)
                                + " -> " + t + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
                    } else if (!(t instanceof IllegalArgumentException || t instanceof IndexOutOfBoundsException
                            || t instanceof IllegalStateException || t instanceof UnsupportedOperationException)) {
                        problems.add(m.getName() + " with " + describe(args) + " -> unexpected " + t);
                    }
                }
            }
        }
        System.out.println(what + " fuzz: " + methods.size() + " methods, " + calls + " calls, " + returned + " returned, " + rejected + " threw");
        assertTrue(calls > 1000, "the fuzzer reached the " + what + " methods: " + calls + " calls");
        assertTrue(problems.isEmpty(), problems.size() + " calls escaped with an internal exception:\n" + String.join("\n", problems));
    }

    private static String describe(Object[] args) {
        List<String> s = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Tensor t) s.add(t.dtype() + dev.nn4j.internal.Shapes.str(t.shape()));
            else if (a instanceof int[] v) s.add(Arrays.toString(v));
            else if (a instanceof long[] v) s.add(Arrays.toString(v));
            else if (a instanceof double[] v) s.add(Arrays.toString(v));
            else if (a instanceof Tensor[] v) s.add("Tensor[" + v.length + "]");
            else s.add(String.valueOf(a));
        }
        return s.toString();
    }
}
