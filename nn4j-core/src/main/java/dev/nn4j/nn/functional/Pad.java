package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code pad} ({@code torch.nn.functional.pad}), also its primitive.
 * Immutable; every setter returns a new object.
 *
 * <p>{@code pad} lists the amounts for the trailing dimensions, <b>last dimension first</b>:
 * {@code (left, right)} pads the last dim, {@code (left, right, top, bottom)} the last two,
 * {@code (left, right, top, bottom, front, back)} the last three.
 *
 * <pre>{@code
 * var reflect = Pad.opts().pad(2, 2, 1, 1).mode("reflect");
 * Tensor y = reflect.apply(x);                         // (N, C, H, W) -> (N, C, H + 2, W + 4)
 * }</pre>
 *
 * <p>Modes: {@code constant} (default; fills with {@code value}, default 0; any number of dims; negative
 * amounts crop), {@code reflect} (mirror without repeating the edge; amount &lt; size), {@code replicate}
 * (repeat the edge), {@code circular} (wrap around; amount &le; size). The non-constant modes pad the last
 * 1, 2 or 3 dims of a 2-D/3-D, 3-D/4-D or 4-D/5-D input (circular needs the batch dim: (N, C, *)).
 */
public final class Pad implements Cloneable {
    private int[] pad = new int[0];
    private String mode = "constant";
    private Double value;

    private Pad() {}

    private Pad copy() {
        try {
            return (Pad) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** New options with PyTorch's defaults (constant mode, value 0, no padding). */
    public static Pad opts() {
        return new Pad();
    }

    /** Padding amounts, last dimension first (an even number of values). */
    public Pad pad(int... pad) {
        var c = copy();
        c.pad = pad.clone();
        return c;
    }

    /** {@code constant | reflect | replicate | circular}. */
    public Pad mode(String mode) {
        var c = copy();
        c.mode = mode;
        return c;
    }

    /** The fill value of constant mode (PyTorch's {@code value}; null = 0). */
    public Pad value(Double value) {
        var c = copy();
        c.value = value;
        return c;
    }

    /** Pads {@code input} with these options. */
    public Tensor apply(Tensor input) {
        return pad(input, pad, mode, value);
    }

    static Tensor pad(Tensor x, int[] pad, String mode, Double value) {
        if (x == null || pad == null) throw new IllegalArgumentException("pad: input and pad must not be null");
        if (pad.length % 2 != 0) {
            throw new IllegalArgumentException("pad: padding length must be divisible by 2, got " + Arrays.toString(pad));
        }
        int nd = x.dim();
        if (pad.length > nd * 2) {
            throw new IllegalArgumentException("pad: padding length too large: " + Arrays.toString(pad) + " pads "
                    + pad.length / 2 + " dimensions but the input of shape " + Shapes.str(x.shape()) + " has " + nd);
        }
        if (mode == null) mode = "constant";
        switch (mode) {
            case "constant":
                return constant(x, pad, value == null ? 0 : value);
            case "reflect", "replicate", "circular":
                break;
            default:
                throw new IllegalArgumentException("pad: unrecognised padding mode '" + mode
                        + "'; expected constant, reflect, replicate or circular");
        }
        if (value != null && value != 0) {
            throw new IllegalArgumentException("pad: padding mode \"" + mode + "\" doesn't take in value argument (got value=" + value + ")");
        }
        int k = pad.length / 2;
        if (k < 1 || k > 3 || nd < k + 1 || nd > k + 2) {
            throw new IllegalArgumentException("pad: " + mode + " padding of " + k + " dimension(s) expects a "
                    + (k + 1) + "D or " + (k + 2) + "D input, but got input of shape " + Shapes.str(x.shape())
                    + " (only 2D, 3D, 4D, 5D padding with non-constant padding are supported)");
        }
        if (mode.equals("circular") && nd != k + 2) {
            throw new IllegalArgumentException("pad: circular padding of " + k + " dimension(s) expects a " + (k + 2)
                    + "D input (N, C, *), but got input of shape " + Shapes.str(x.shape()));
        }
        Tensor r = x;
        for (int i = 0; i < k; i++) {
            int dim = nd - 1 - i, l = pad[2 * i], rt = pad[2 * i + 1], size = x.size(dim), out = size + l + rt;
            switch (mode) {
                case "reflect" -> {
                    if (l >= size || rt >= size) {
                        throw new IllegalArgumentException("pad: reflect padding size should be less than the corresponding input dimension, "
                                + "but got padding (" + l + ", " + rt + ") at dimension " + dim + " of input of shape " + Shapes.str(x.shape()));
                    }
                    requirePositive(x, dim, out, mode);
                }
                case "replicate" -> {
                    if (size == 0) {   // nothing to replicate
                        throw new IllegalArgumentException("pad: replicate padding needs a non-empty dimension " + dim + ", but got input of shape "
                                + Shapes.str(x.shape()));
                    }
                    requirePositive(x, dim, out, mode);
                }
                default -> {
                    if (l > size || rt > size) {
                        throw new IllegalArgumentException("pad: circular padding (" + l + ", " + rt + ") at dimension " + dim
                                + " of input of shape " + Shapes.str(x.shape()) + " would wrap around more than once");
                    }
                    if (out < 0 || size + Math.min(l, 0) + Math.min(rt, 0) <= 0 && out > 0) {
                        throw new IllegalArgumentException("pad: negative circular padding (" + l + ", " + rt + ") at dimension " + dim
                                + " of input of shape " + Shapes.str(x.shape()) + " results in a negative size or leaves nothing to wrap around");
                    }
                }
            }
            int[] idx = new int[out];
            if (mode.equals("circular")) {
                // PyTorch crops negative amounts first, then wraps around what is left
                int cutL = Math.max(0, -l), kept = size - cutL - Math.max(0, -rt), padL = Math.max(0, l);
                for (int j = 0; j < out; j++) idx[j] = cutL + Math.floorMod(j - padL, kept);
            } else {
                for (int j = 0; j < out; j++) idx[j] = sourceIndex(mode, j - l, size);
            }
            r = gather(r, dim, size, idx);
        }
        return r;
    }

    private static void requirePositive(Tensor x, int dim, int out, String mode) {
        if (out < 1) {
            throw new IllegalArgumentException("pad: input of shape " + Shapes.str(x.shape()) + " is too small for " + mode
                    + " padding: calculated output size at dimension " + dim + " is " + out);
        }
    }

    /** Input position read by virtual position {@code v} (= output position - left pad). */
    private static int sourceIndex(String mode, int v, int size) {
        return switch (mode) {
            case "reflect" -> v < 0 ? -v : v >= size ? 2 * (size - 1) - v : v;
            default -> Math.min(Math.max(v, 0), size - 1);
        };
    }

    private static Tensor gather(Tensor x, int dim, int size, int[] idx) {
        if (x.isFloatingPoint()) return Resample1d.apply(x, dim, Taps.gather(size, idx));
        return x.indexSelect(dim, Tensor.fromArray(Arrays.stream(idx).asLongStream().toArray(), idx.length));
    }

    /** Constant mode as a composite: narrow away negative amounts, concatenate filled blocks for positive ones. */
    private static Tensor constant(Tensor x, int[] pad, double value) {
        int nd = x.dim();
        Tensor r = x;
        for (int i = 0; i < pad.length / 2; i++) {
            int dim = nd - 1 - i, l = pad[2 * i], rt = pad[2 * i + 1], size = x.size(dim);
            int cutL = Math.max(0, -l), cutR = Math.max(0, -rt);
            int len = size - cutL - cutR;
            if (size + l + rt < 0 || len < 0) {
                throw new IllegalArgumentException("pad: the input size " + size + ", plus negative padding (" + l + ", " + rt
                        + ") resulted in a negative size at dimension " + dim + " of input of shape " + Shapes.str(x.shape()));
            }
            if (cutL + cutR > 0) {
                r = r.narrow(dim, cutL, len);
            }
            List<Tensor> parts = new ArrayList<>(3);
            if (l > 0) parts.add(filled(r, dim, l, value));
            parts.add(r);
            if (rt > 0) parts.add(filled(r, dim, rt, value));
            if (parts.size() > 1) r = Tensor.cat(parts, dim);
        }
        if (r == x) r = x.clone();
        return r;
    }

    private static Tensor filled(Tensor like, int dim, int n, double value) {
        int[] shape = like.shape();
        shape[dim] = n;
        return Tensor.full(shape, value, like.dtype());
    }
}
