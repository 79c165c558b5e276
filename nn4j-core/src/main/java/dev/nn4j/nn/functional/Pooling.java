package dev.nn4j.nn.functional;

import static dev.nn4j.nn.functional.ConvArgs.expand;
import static dev.nn4j.nn.functional.ConvArgs.list;
import static dev.nn4j.nn.functional.ConvArgs.str;
import static dev.nn4j.nn.functional.ConvArgs.to3;

import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.PoolWindow;
import java.util.Arrays;

/**
 * The pooling ops behind {@link F}: PyTorch's argument checks and output sizes, windows as
 * {@link PoolWindow}s, and the call into {@link PoolFunctions}. Inputs are (N, C, *spatial) or unbatched
 * (C, *spatial); every leading (N, C) pair is one plane.
 */
final class Pooling {
    private Pooling() {}

    /** An input seen as {@code planes} contiguous planes of spatial size {@code in} (three dims). */
    private record Planes(Tensor x, int planes, int[] lead, int[] spatial, int[] in) {
        int[] outShape(int[] out) {
            int[] s = Arrays.copyOf(lead, lead.length + out.length);
            System.arraycopy(out, 0, s, lead.length, out.length);
            return s;
        }
    }

    private static Planes planes(String op, int dims, Tensor input) {
        if (input == null) throw new IllegalArgumentException(op + ": input must not be null");
        ConvArgs.requireFloating(op, "input", input);
        int nd = input.dim();
        if (nd != dims + 1 && nd != dims + 2) {
            throw new IllegalArgumentException(op + ": expected " + (dims + 1) + "-D (unbatched) or " + (dims + 2)
                    + "-D (batched) input, got input of shape " + str(input.shape()));
        }
        int[] shape = input.shape();
        for (int d = nd - dims - 1; d < nd; d++) {
            if (shape[d] == 0) {
                throw new IllegalArgumentException(op + ": expected input with non-zero sizes in every dim but the batch dim, got shape "
                        + str(shape));
            }
        }
        int[] lead = Arrays.copyOfRange(shape, 0, nd - dims), spatial = Arrays.copyOfRange(shape, nd - dims, nd);
        int planes = 1;
        for (int s : lead) planes *= s;
        return new Planes(input, planes, lead, spatial, to3(spatial, 1));
    }

    /** The number of spatial dims of a primitive's batched input (N, C, *spatial). */
    static int primitiveDims(String op, Tensor input) {
        if (input == null) throw new IllegalArgumentException(op + ": input must not be null");
        int dims = input.dim() - 2;
        if (dims < 1 || dims > 3) {
            throw new IllegalArgumentException(op + ": expected a batched input (N, C, *spatial) with 1 to 3 spatial dims, got shape "
                    + str(input.shape()) + "; for unbatched input call F's 1d/2d/3d function");
        }
        return dims;
    }

    /** PyTorch's pooling output size: floor (or ceil) division, and a last window must start inside input + left padding. */
    static int outputSize(int in, int k, int s, int pad, int dil, boolean ceil) {
        int out = Math.floorDiv(in + 2 * pad - dil * (k - 1) - 1 + (ceil ? s - 1 : 0), s) + 1;
        if (ceil && (out - 1) * s >= in + pad) out--;
        return out;
    }

    /** Sliding-window sizes checked as PyTorch's pool shape check; returns {k, stride, pad, dil, out} per dim. */
    private static int[][] sliding(String op, int dims, Planes p, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceil) {
        int[] k = expand(op, "kernel_size", kernel, dims);
        int[] s = stride == null ? k : expand(op, "stride", stride, dims);
        int[] pad = expand(op, "padding", padding, dims), dil = expand(op, "dilation", dilation, dims);
        for (int d = 0; d < dims; d++) {
            if (pad[d] > k[d] / 2) {
                throw new IllegalArgumentException(op + ": padding should be at most half of kernel size, but got padding="
                        + list(pad) + " and kernel_size=" + list(k));
            }
        }
        int[] out = new int[dims];
        for (int d = 0; d < dims; d++) out[d] = outputSize(p.spatial()[d], k[d], s[d], pad[d], dil[d], ceil);
        for (int d = 0; d < dims; d++) {
            if (out[d] < 1) {
                throw new IllegalArgumentException(op + ": input of shape " + str(p.x().shape()) + " gives output size " + str(out)
                        + " (kernel_size=" + list(k) + ", stride=" + list(s) + ", padding=" + list(pad) + ", dilation=" + list(dil)
                        + "); output size is too small");
            }
        }
        return new int[][] {k, s, pad, dil, out};
    }

    private static PoolWindow[] unitPadded(PoolWindow[] w) {
        PoolWindow[] r = {PoolWindow.unit(), PoolWindow.unit(), PoolWindow.unit()};
        System.arraycopy(w, 0, r, 3 - w.length, w.length);
        return r;
    }

    // ---- max pooling ------------------------------------------------------------------------------------

    static Tensor.ValuesIndices maxPool(String op, int dims, Tensor input, MaxPool o) {
        Planes p = planes(op, dims, input);
        int[][] a = sliding(op, dims, p, o.kernelSize(), o.stride(), o.padding(), o.dilation(), o.ceilMode());
        PoolWindow[] w = new PoolWindow[dims];
        for (int d = 0; d < dims; d++) w[d] = PoolWindow.sliding(p.spatial()[d], a[4][d], a[0][d], a[1][d], a[2][d], a[3][d], true);
        return max(p, new PoolWindow[][] {unitPadded(w)}, a[4]);
    }

    /** {@link #maxPool} without the indices (they cost a pass and an int64 tensor that values-only callers drop). */
    static Tensor maxPoolValues(String op, int dims, Tensor input, MaxPool o) {
        Planes p = planes(op, dims, input);
        int[][] a = sliding(op, dims, p, o.kernelSize(), o.stride(), o.padding(), o.dilation(), o.ceilMode());
        PoolWindow[] w = new PoolWindow[dims];
        for (int d = 0; d < dims; d++) w[d] = PoolWindow.sliding(p.spatial()[d], a[4][d], a[0][d], a[1][d], a[2][d], a[3][d], true);
        return maxFunction(p, new PoolWindow[][] {unitPadded(w)}, a[4]).apply(p.x());
    }

    private static PoolFunctions.Max maxFunction(Planes p, PoolWindow[][] windows, int[] out) {
        return new PoolFunctions.Max(p.planes(), p.in(), windows, p.x().shape(), p.outShape(out));
    }

    private static Tensor.ValuesIndices max(Planes p, PoolWindow[][] windows, int[] out) {
        var fn = maxFunction(p, windows, out);
        Tensor values = fn.apply(p.x());
        return new Tensor.ValuesIndices(values, fn.indices());
    }

    static Tensor.ValuesIndices adaptiveMaxPool(String op, int dims, Tensor input, int[] outputSize) {
        Planes p = planes(op, dims, input);
        int[] out = adaptiveSize(op, dims, p, outputSize);
        PoolWindow[] w = new PoolWindow[dims];
        for (int d = 0; d < dims; d++) w[d] = PoolWindow.adaptive(p.spatial()[d], out[d]);
        return max(p, new PoolWindow[][] {unitPadded(w)}, out);
    }

    static Tensor.ValuesIndices fractionalMaxPool(String op, int dims, Tensor input, FractionalMaxPool o) {
        Planes p = planes(op, dims, input);
        int[] k = expand(op, "kernel_size", o.kernelSize(), dims);
        int[] out;
        if (o.outputSize() != null) {
            out = expand(op, "output_size", o.outputSize(), dims);
        } else if (o.outputRatio() != null) {
            double[] ratio = o.outputRatio();
            if (ratio.length != 1 && ratio.length != dims) {
                throw new IllegalArgumentException(op + ": output_ratio must be one value or " + dims + " values, got " + Arrays.toString(ratio));
            }
            out = new int[dims];
            for (int d = 0; d < dims; d++) out[d] = (int) (p.spatial()[d] * ratio[ratio.length == 1 ? 0 : d]);
        } else {
            throw new IllegalArgumentException(op + ": requires specifying either an output_size or an output_ratio");
        }
        for (int d = 0; d < dims; d++) {
            if (out[d] + k[d] - 1 > p.spatial()[d]) {
                throw new IllegalArgumentException(op + ": kernel_size " + list(k) + " with output size " + list(out)
                        + " is too large for input of shape " + str(input.shape()) + " (needs output + kernel - 1 <= input in every dim)");
            }
        }
        int n = p.lead().length == 1 ? 1 : p.lead()[0];
        int channels = p.lead()[p.lead().length - 1];
        double[] samples = fractionalSamples(op, dims, input, o, n, channels);
        PoolWindow[][] windows = new PoolWindow[p.planes()][];
        boolean f32 = input.dtype() == DType.FLOAT32;
        for (int plane = 0; plane < p.planes(); plane++) {
            PoolWindow[] w = new PoolWindow[dims];
            for (int d = 0; d < dims; d++) {
                // PyTorch's sample order: 2-d (w, h), 3-d (t, h, w)
                int si = dims == 2 ? 1 - d : d;
                double u = samples[plane * dims + si];
                w[d] = PoolWindow.fixed(fractionalStarts(u, p.spatial()[d], out[d], k[d], f32), k[d]);
            }
            windows[plane] = unitPadded(w);
        }
        return max(p, windows, out);
    }

    private static double[] fractionalSamples(String op, int dims, Tensor input, FractionalMaxPool o, int n, int channels) {
        Tensor s = o.randomSamples();
        if (s == null) {
            Generator g = o.generator() != null ? o.generator() : Generator.getDefault();
            return Tensor.rand(input.dtype(), g, n, channels, dims).toDoubleArray();
        }
        int[] want = {n, channels, dims};
        if (!Arrays.equals(s.shape(), want)) {
            throw new IllegalArgumentException(op + ": expected random samples of shape " + str(want) + ", got " + str(s.shape()));
        }
        return s.to(input.dtype()).toDoubleArray();
    }

    /** PyTorch's {@code generate_intervals}, computed in the input's precision. */
    private static int[] fractionalStarts(double sample, int in, int out, int k, boolean f32) {
        int[] seq = new int[out];
        if (out > 1) {
            if (f32) {
                float u = (float) sample, alpha = (float) (in - k) / (float) (out - 1);
                for (int i = 0; i < out - 1; i++) seq[i] = (int) ((i + u) * alpha) - (int) (u * alpha);
            } else {
                double alpha = (double) (in - k) / (out - 1);
                for (int i = 0; i < out - 1; i++) seq[i] = (int) ((i + sample) * alpha) - (int) (sample * alpha);
            }
        }
        if (out > 0) seq[out - 1] = in - k;
        return seq;
    }

    static Tensor maxUnpool(String op, int dims, Tensor input, Tensor indices, MaxUnpool o) {
        Planes p = planes(op, dims, input);
        if (indices == null || indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": expected int64 indices, got " + (indices == null ? "null" : indices.dtype().toString()));
        }
        if (!Arrays.equals(indices.shape(), input.shape())) {
            throw new IllegalArgumentException(op + ": expected indices of the input's shape " + str(input.shape()) + ", got "
                    + str(indices.shape()));
        }
        int[] k = expand(op, "kernel_size", o.kernelSize(), dims);
        int[] s = o.stride() == null ? k : expand(op, "stride", o.stride(), dims);
        int[] pad = expand(op, "padding", o.padding(), dims);
        int[] out = new int[dims];
        for (int d = 0; d < dims; d++) out[d] = (p.spatial()[d] - 1) * s[d] - 2 * pad[d] + k[d];
        int[] requested = o.outputSize();
        if (requested != null) {
            if (requested.length == dims + 2) {
                requested = Arrays.copyOfRange(requested, requested.length - dims, requested.length);
            }
            if (requested.length != dims) {
                throw new IllegalArgumentException(op + ": output_size must have " + dims + " or " + (dims + 2) + " elements, got "
                        + Arrays.toString(o.outputSize()));
            }
            for (int d = 0; d < dims; d++) {
                if (requested[d] <= out[d] - s[d] || requested[d] >= out[d] + s[d]) {
                    throw new IllegalArgumentException(op + ": invalid output_size " + Arrays.toString(requested) + " (dim " + d
                            + " must be between " + (out[d] - s[d]) + " and " + (out[d] + s[d]) + ", exclusive)");
                }
            }
            out = requested;
        }
        int outPlane = 1;
        for (int v : out) outPlane *= v;
        if (outPlane < 1) {
            throw new IllegalArgumentException(op + ": output size " + str(out) + " is empty for input of shape " + str(input.shape()));
        }
        long[] idx = indices.toLongArray();
        for (long i : idx) {
            if (i < 0 || i >= outPlane) {
                throw new IllegalArgumentException(op + ": found an invalid max index " + i + " (output volumes are of size "
                        + String.join("x", Arrays.stream(out).mapToObj(Integer::toString).toArray(String[]::new)) + ")");
            }
        }
        int inPlane = idx.length / Math.max(1, p.planes());
        Tensor flat = Tensor.zeros(input.dtype(), p.planes(), outPlane)
                .scatter(1, indices.reshape(p.planes(), inPlane), input.reshape(p.planes(), inPlane));
        return flat.reshape(p.outShape(out));
    }

    // ---- average pooling --------------------------------------------------------------------------------

    static Tensor avgPool(String op, int dims, Tensor input, AvgPool o) {
        Planes p = planes(op, dims, input);
        int[][] a = sliding(op, dims, p, o.kernelSize(), o.stride(), o.padding(), new int[] {1}, o.ceilMode());
        PoolWindow[] w = new PoolWindow[dims];
        for (int d = 0; d < dims; d++) w[d] = PoolWindow.sliding(p.spatial()[d], a[4][d], a[0][d], a[1][d], a[2][d], 1, o.countIncludePad());
        int divisor = o.divisorOverride() == null ? 0 : o.divisorOverride();
        return new PoolFunctions.Avg(p.planes(), p.in(), unitPadded(w), divisor, p.x().shape(), p.outShape(a[4])).apply(p.x());
    }

    static Tensor adaptiveAvgPool(String op, int dims, Tensor input, int[] outputSize) {
        Planes p = planes(op, dims, input);
        int[] out = adaptiveSize(op, dims, p, outputSize);
        PoolWindow[] w = new PoolWindow[dims];
        for (int d = 0; d < dims; d++) w[d] = PoolWindow.adaptive(p.spatial()[d], out[d]);
        return new PoolFunctions.Avg(p.planes(), p.in(), unitPadded(w), 0, p.x().shape(), p.outShape(out)).apply(p.x());
    }

    /** Output sizes of adaptive pooling: one value or one per dim; -1 (PyTorch's None) keeps the input size. */
    private static int[] adaptiveSize(String op, int dims, Planes p, int[] outputSize) {
        if (outputSize == null || outputSize.length == 0) throw new IllegalArgumentException(op + ": output_size needs at least one value");
        int[] out = expand(op, "output_size", outputSize, dims);
        for (int d = 0; d < dims; d++) {
            if (out[d] == -1) out[d] = p.spatial()[d];
            if (out[d] < 0) {
                throw new IllegalArgumentException(op + ": output_size must be non-negative (or -1 for the input size), got "
                        + Arrays.toString(outputSize));
            }
        }
        return out;
    }

    /**
     * Power-average pooling: {@code (sum_{window} x^p)^(1/p)}, as PyTorch computes it: an average pool of
     * {@code x^p} (no padding) times the window size, then the {@code 1/p} power.
     */
    static Tensor lpPool(String op, int dims, Tensor input, double normType, int[] kernelSize, int[] stride, boolean ceilMode) {
        int[] k = expand(op, "kernel_size", ConvArgs.positive(op, "kernel_size", kernelSize), dims);
        AvgPool o = AvgPool.opts(k).ceilMode(ceilMode);
        if (stride != null) o = o.stride(stride);
        if (input == null) throw new IllegalArgumentException(op + ": input must not be null");
        Tensor out = avgPool(op, dims, input.pow(normType), o);
        int size = 1;
        for (int v : k) size *= v;
        return out.sign().mul(out.abs().relu()).mul(size).pow(1.0 / normType);
    }
}
