package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Convolution and pooling written with plain differentiable tensor ops (padding by concatenation, strided
 * slices, matmul, amax, sum): the oracles of the dedicated kernels (style R2). Autograd through these
 * composites gives the reference gradients. Inputs are batched (N, C, *spatial).
 */
final class ConvPoolComposite {
    private ConvPoolComposite() {}

    /** Pads the spatial dims (2..) with {@code value}: {@code left[d]} before and {@code right[d]} after. */
    static Tensor pad(Tensor x, int[] left, int[] right, double value) {
        for (int d = 0; d < left.length; d++) {
            int dim = 2 + d;
            List<Tensor> parts = new ArrayList<>();
            if (left[d] > 0) parts.add(Tensor.full(sizeAt(x.shape(), dim, left[d]), value, x.dtype()));
            parts.add(x);
            if (right[d] > 0) parts.add(Tensor.full(sizeAt(x.shape(), dim, right[d]), value, x.dtype()));
            if (parts.size() > 1) x = Tensor.cat(parts, dim);
        }
        return x;
    }

    /** {@code y[n, o, p] = b[o] + sum_{c, t} w[o, c, t] x[n, g * Cg + c, p * s - padL + t * d]}. */
    static Tensor conv(Tensor x, Tensor w, Tensor b, int[] stride, int[] padL, int[] padR, int[] dil, int groups) {
        int dims = x.dim() - 2;
        Tensor xp = pad(x, padL, padR, 0);
        int[] k = new int[dims], out = new int[dims];
        for (int d = 0; d < dims; d++) {
            k[d] = w.size(2 + d);
            out[d] = (xp.size(2 + d) - dil[d] * (k[d] - 1) - 1) / stride[d] + 1;
        }
        int cinG = w.size(1), coutG = w.size(0) / groups, n = x.size(0);
        int positions = 1;
        for (int o : out) positions *= o;
        List<Tensor> groupOutputs = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Tensor xg = xp.narrow(1, g * cinG, cinG), wg = w.narrow(0, g * coutG, coutG);
            Tensor acc = null;
            for (int[] tap : taps(k)) {
                Tensor patch = xg;
                Tensor wt = wg;
                for (int d = 0; d < dims; d++) {
                    int start = tap[d] * dil[d];
                    patch = patch.slice(2 + d, start, start + (out[d] - 1) * stride[d] + 1, stride[d]);
                    wt = wt.select(2, tap[d]);
                }
                // (coutG, cinG) @ (n, cinG, positions) -> (n, coutG, positions)
                Tensor term = wt.matmul(patch.reshape(n, cinG, positions));
                acc = acc == null ? term : acc.add(term);
            }
            groupOutputs.add(acc);
        }
        Tensor y = Tensor.cat(groupOutputs, 1);
        int[] shape = new int[dims + 2];
        shape[0] = n;
        shape[1] = w.size(0);
        System.arraycopy(out, 0, shape, 2, dims);
        y = y.reshape(shape);
        return b == null ? y : y.add(b.reshape(channelShape(dims, b.numel())));
    }

    /** Max over windows of the {@code -inf}-padded input; the right side is padded as far as ceil mode needs. */
    static Tensor maxPool(Tensor x, int[] k, int[] s, int[] p, int[] dil, boolean ceil) {
        int dims = k.length;
        int[] out = new int[dims], right = new int[dims];
        for (int d = 0; d < dims; d++) {
            out[d] = Pooling.outputSize(x.size(2 + d), k[d], s[d], p[d], dil[d], ceil);
            right[d] = Math.max(0, (out[d] - 1) * s[d] + dil[d] * (k[d] - 1) + 1 - x.size(2 + d) - p[d]);
        }
        Tensor windows = windows(pad(x, p, right, Double.NEGATIVE_INFINITY), k, s, dil, out);
        return windows.amax(new int[] {2}, false);
    }

    /** Window sums of the zero-padded input divided by PyTorch's divisor (computed by pooling masks of ones). */
    static Tensor avgPool(Tensor x, int[] k, int[] s, int[] p, boolean ceil, boolean countIncludePad, Integer divisorOverride) {
        int dims = k.length;
        int[] one = new int[dims], out = new int[dims], right = new int[dims], extra = new int[dims], zero = new int[dims];
        java.util.Arrays.fill(one, 1);
        for (int d = 0; d < dims; d++) {
            out[d] = Pooling.outputSize(x.size(2 + d), k[d], s[d], p[d], 1, ceil);
            right[d] = Math.max(0, (out[d] - 1) * s[d] + k[d] - x.size(2 + d) - p[d]);
            extra[d] = Math.max(0, right[d] - p[d]);
        }
        Tensor sums = windows(pad(x, p, right, 0), k, s, one, out).sum(2);
        if (divisorOverride != null) return sums.div(divisorOverride);
        Tensor ones = Tensor.onesLike(x).detach();
        // count_include_pad counts the symmetric padding but not what ceil mode adds past it
        Tensor mask = countIncludePad ? pad(pad(ones, p, p, 1), zero, extra, 0) : pad(ones, p, right, 0);
        Tensor counts = windows(mask, k, s, one, out).sum(2);
        return sums.div(counts);
    }

    /** (N, C, taps, *out): every window tap as a strided slice. */
    private static Tensor windows(Tensor xp, int[] k, int[] s, int[] dil, int[] out) {
        List<Tensor> slices = new ArrayList<>();
        for (int[] tap : taps(k)) {
            Tensor t = xp;
            for (int d = 0; d < k.length; d++) {
                int start = tap[d] * dil[d];
                t = t.slice(2 + d, start, start + (out[d] - 1) * s[d] + 1, s[d]);
            }
            slices.add(t);
        }
        return Tensor.stack(slices, 2);
    }

    private static List<int[]> taps(int[] k) {
        List<int[]> r = new ArrayList<>();
        int total = 1;
        for (int v : k) total *= v;
        for (int i = 0; i < total; i++) {
            int[] t = new int[k.length];
            for (int d = k.length - 1, rem = i; d >= 0; d--) {
                t[d] = rem % k[d];
                rem /= k[d];
            }
            r.add(t);
        }
        return r;
    }

    private static int[] sizeAt(int[] shape, int dim, int size) {
        int[] s = shape.clone();
        s[dim] = size;
        return s;
    }

    static int[] channelShape(int dims, int channels) {
        int[] s = new int[dims + 2];
        java.util.Arrays.fill(s, 1);
        s[1] = channels;
        return s;
    }
}
