package dev.nn4j.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.nn4j.Tensor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every options class of {@code F} (the op's primitive, which modules may hold) is immutable: a setter returns a new
 * object and leaves the one it was called on unchanged.
 */
class OptionsImmutabilityTest {

    /** Calls one setter with a non-default value; the original keeps the default, the result has the new value. */
    private static <T> void check(T original, T changed, Function<T, Object> getter, Object defaultValue, Object newValue) {
        assertNotSame(original, changed, "a setter must return a new object");
        assertEquals(norm(defaultValue), norm(getter.apply(original)), "the original must keep its value");
        assertEquals(norm(newValue), norm(getter.apply(changed)), "the returned object must have the new value");
    }

    private static Object norm(Object v) {
        if (v instanceof int[] a) return Arrays.toString(a);
        if (v instanceof double[] a) return Arrays.toString(a);
        return v;
    }

    /** One explicit check per options class; {@link #everyOptionsClassIsChecked} keeps this list complete. */
    private static Map<Class<?>, Executable> checks() {
        Map<Class<?>, Executable> c = new LinkedHashMap<>();
        c.put(Conv.class, () -> {
            Conv o = Conv.opts();
            check(o, o.stride(2), Conv::stride, new int[] {1}, new int[] {2});
        });
        c.put(ConvTranspose.class, () -> {
            ConvTranspose o = ConvTranspose.opts();
            check(o, o.groups(2), ConvTranspose::groups, 1, 2);
        });
        c.put(MaxPool.class, () -> {
            MaxPool o = MaxPool.opts(2);
            check(o, o.ceilMode(true), MaxPool::ceilMode, false, true);
        });
        c.put(AvgPool.class, () -> {
            AvgPool o = AvgPool.opts(2);
            check(o, o.countIncludePad(false), AvgPool::countIncludePad, true, false);
        });
        c.put(FractionalMaxPool.class, () -> {
            FractionalMaxPool o = FractionalMaxPool.opts(2);
            check(o, o.outputSize(3), FractionalMaxPool::outputSize, null, new int[] {3});
        });
        c.put(MaxUnpool.class, () -> {
            MaxUnpool o = MaxUnpool.opts(2);
            check(o, o.padding(1), MaxUnpool::padding, new int[] {0}, new int[] {1});
        });
        c.put(BatchNorm.class, () -> {
            BatchNorm o = BatchNorm.opts();
            check(o, o.training(true), BatchNorm::training, false, true);
        });
        c.put(InstanceNorm.class, () -> {
            InstanceNorm o = InstanceNorm.opts();
            check(o, o.useInputStats(false), InstanceNorm::useInputStats, true, false);
        });
        c.put(BinaryCrossEntropyWithLogits.class, () -> {
            BinaryCrossEntropyWithLogits o = BinaryCrossEntropyWithLogits.opts();
            check(o, o.reduction(Reduction.SUM), BinaryCrossEntropyWithLogits::reduction, Reduction.MEAN, Reduction.SUM);
        });
        c.put(CrossEntropy.class, () -> {
            CrossEntropy o = CrossEntropy.opts();
            check(o, o.labelSmoothing(0.1), CrossEntropy::labelSmoothing, 0.0, 0.1);
        });
        c.put(Nll.class, () -> {
            Nll o = Nll.opts();
            check(o, o.ignoreIndex(0), Nll::ignoreIndex, -100L, 0L);
        });
        c.put(Ctc.class, () -> {
            Ctc o = Ctc.opts();
            check(o, o.blank(3), Ctc::blank, 0, 3);
        });
        c.put(GaussianNll.class, () -> {
            GaussianNll o = GaussianNll.opts();
            check(o, o.full(true), GaussianNll::full, false, true);
        });
        c.put(PoissonNll.class, () -> {
            PoissonNll o = PoissonNll.opts();
            check(o, o.logInput(false), PoissonNll::logInput, true, false);
        });
        c.put(MultiMargin.class, () -> {
            MultiMargin o = MultiMargin.opts();
            check(o, o.p(2), MultiMargin::p, 1, 2);
        });
        c.put(TripletMargin.class, () -> {
            TripletMargin o = TripletMargin.opts();
            check(o, o.swap(true), TripletMargin::swap, false, true);
        });
        c.put(TripletMarginWithDistance.class, () -> {
            TripletMarginWithDistance o = TripletMarginWithDistance.opts();
            check(o, o.margin(0.3), TripletMarginWithDistance::margin, 1.0, 0.3);
        });
        // the next three have no public getters; the test sits in their package
        c.put(EmbeddingOptions.class, () -> {
            EmbeddingOptions o = EmbeddingOptions.opts();
            check(o, o.paddingIdx(0), e -> e.paddingIdx, null, 0);
        });
        c.put(EmbeddingBagOptions.class, () -> {
            EmbeddingBagOptions o = EmbeddingBagOptions.opts();
            check(o, o.mode("sum"), e -> e.mode, "mean", "sum");
        });
        c.put(Mha.class, () -> {
            Mha o = Mha.opts();
            check(o, o.training(false), m -> m.training, true, false);
        });
        // the next four have no getters at all: compare what the original and the copy compute
        c.put(Pad.class, () -> {
            Tensor x = Tensor.ones(1, 1, 2);
            Pad o = Pad.opts();
            check(o, o.pad(1, 1), p -> p.apply(x).shape(), new int[] {1, 1, 2}, new int[] {1, 1, 4});
        });
        c.put(Interpolate.class, () -> {
            Tensor x = Tensor.ones(1, 1, 3);
            Interpolate o = Interpolate.opts().size(2);
            check(o, o.size(4), i -> i.apply(x).shape(), new int[] {1, 1, 2}, new int[] {1, 1, 4});
        });
        c.put(GridSample.class, () -> {
            Tensor image = Tensor.ones(1, 1, 2, 2), farOutside = Tensor.full(new int[] {1, 1, 1, 2}, 5.0);
            GridSample o = GridSample.opts();
            // zeros padding reads 0 outside the image, border padding the edge value 1
            check(o, o.paddingMode("border"), g -> g.apply(image, farOutside).item(), 0.0, 1.0);
        });
        c.put(Sdpa.class, () -> {
            Tensor qk = Tensor.ones(1, 2, 1), v = Tensor.fromArray(new float[] {0, 2}, 1, 2, 1);
            Sdpa o = Sdpa.opts();
            // equal scores: query 0 averages both values (1), causally it sees only the first (0)
            check(o, o.isCausal(true), s -> (double) s.apply(qk, qk, v).toFloatArray()[0], 1.0, 0.0);
        });
        return c;
    }

    @TestFactory
    Stream<DynamicTest> aSetterLeavesTheOriginalUnchanged() {
        return checks().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().getSimpleName(), e.getValue()));
    }

    @Test
    void arraysAreNotSharedWithTheCaller() {
        int[] amounts = {1, 1};
        Pad pad = Pad.opts().pad(amounts);
        amounts[0] = 5;
        assertArrayEquals(new int[] {1, 1, 4}, pad.apply(Tensor.ones(1, 1, 2)).shape());

        int[] size = {4};
        Interpolate up = Interpolate.opts().size(size);
        size[0] = 7;
        assertArrayEquals(new int[] {1, 1, 4}, up.apply(Tensor.ones(1, 1, 3)).shape());

        Conv conv = Conv.opts().stride(2);
        conv.stride()[0] = 9;
        assertArrayEquals(new int[] {2}, conv.stride());
    }

    /** Every class of this package with a public static {@code opts} method has a check above. */
    @Test
    void everyOptionsClassIsChecked() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> found = new TreeSet<>();
        Path root = Path.of(Conv.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root)) {
            Path dir = (jar == null ? root : jar.getPath("/")).resolve(Conv.class.getPackageName().replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".class") || name.contains("$")) continue;
                    Class<?> k = Class.forName(Conv.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                    for (Method m : k.getDeclaredMethods()) {
                        if (m.getName().equals("opts") && Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
                                && m.getReturnType() == k) {
                            found.add(k.getSimpleName());
                        }
                    }
                }
            }
        }
        Set<String> checked = new TreeSet<>();
        for (Class<?> k : checks().keySet()) checked.add(k.getSimpleName());
        assertEquals(found, checked);
    }
}
