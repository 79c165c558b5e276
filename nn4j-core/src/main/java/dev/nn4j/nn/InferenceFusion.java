package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.Fusion;
import java.util.Arrays;
import java.util.List;

/**
 * How {@link Sequential} runs its children under no-grad: {@code Conv2d, ReLU, Conv2d (3x3), ReLU, MaxPool2d(2)}
 * becomes one {@link Fusion} op run sample by sample (equal to the module-by-module values up to float rounding:
 * its second conv is Winograd F(4x4)); otherwise a {@link Conv2d} followed by a {@link ReLU}, and optionally a 2x2
 * {@link MaxPool2d}, becomes one op with the same values bit for bit. Only the exact module classes, without hooks,
 * zero padding mode and PyTorch's default pooling window are fused; every other child runs as usual.
 */
final class InferenceFusion {
    private InferenceFusion() {}

    static Object forward(List<Module> modules, Object x) {
        int n = modules.size();
        for (int i = 0; i < n; ) {
            Module m = modules.get(i);
            if (x instanceof Tensor t && i + 4 < n && fusableConv(m) && plain(modules.get(i + 1), ReLU.class)
                    && fusableConv(modules.get(i + 2)) && plain(modules.get(i + 3), ReLU.class)
                    && plain(modules.get(i + 4), MaxPool2d.class) && twoByTwo((MaxPool2d) modules.get(i + 4))) {
                Conv2d c1 = (Conv2d) m, c2 = (Conv2d) modules.get(i + 2);
                Tensor y = Fusion.conv2dReluConv2dReluMaxPool2d(t, c1.weight, c1.bias, c1.conv, c2.weight, c2.bias, c2.conv);
                if (y != null) {
                    x = y;
                    i += 5;
                    continue;
                }
            }
            if (x instanceof Tensor t && i + 1 < n && fusableConv(m) && plain(modules.get(i + 1), ReLU.class)) {
                Conv2d conv = (Conv2d) m;
                if (i + 2 < n && plain(modules.get(i + 2), MaxPool2d.class) && twoByTwo((MaxPool2d) modules.get(i + 2))) {
                    x = Fusion.conv2dReluMaxPool2d(t, conv.weight, conv.bias, conv.conv);
                    i += 3;
                } else {
                    x = Fusion.conv2dRelu(t, conv.weight, conv.bias, conv.conv);
                    i += 2;
                }
                continue;
            }
            x = m.call(x);
            i++;
        }
        return x;
    }

    private static boolean plain(Module m, Class<? extends Module> type) {
        return m.getClass() == type && !m.hasHooks();
    }

    private static boolean fusableConv(Module m) {
        return plain(m, Conv2d.class) && ((Conv2d) m).paddingMode.equals("zeros");
    }

    /** kernel 2, stride 2 (or the default), no padding, no dilation, floor mode, values only. */
    private static boolean twoByTwo(MaxPool2d p) {
        int[] two = {2, 2};
        return Arrays.equals(p.pool.kernelSize(), two) && (p.pool.stride() == null || Arrays.equals(p.pool.stride(), two))
                && Arrays.equals(p.pool.padding(), new int[] {0, 0}) && Arrays.equals(p.pool.dilation(), new int[] {1, 1})
                && !p.pool.ceilMode() && !p.returnIndices;
    }
}
