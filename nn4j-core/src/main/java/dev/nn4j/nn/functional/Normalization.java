package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Normalization functions behind {@link F}. Batch norm and layer norm run fused kernels
 * ({@link BatchNormFunction}, {@link LayerNormFunction}); their composites stay here as reference twins.
 * The others are composites.
 */
final class Normalization {
    private Normalization() {}

    private static void requireFloat(String op, Tensor x) {
        if (x == null) throw new IllegalArgumentException(op + ": input must not be null");
        if (!x.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected a floating point input, got " + x.dtype());
    }

    private static void checkChannelParam(String op, String name, Tensor p, int c, Tensor input) {
        if (p != null && p.numel() != c) {
            throw new IllegalArgumentException(op + ": expected " + name + " with " + c + " elements (one per channel of input "
                    + Shapes.str(input.shape()) + "), got shape " + Shapes.str(p.shape()));
        }
    }

    // ------------------------------------------------------------------ batch norm

    static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                            boolean training, double momentum, double eps) {
        requireFloat("batch_norm", input);
        if (input.dim() < 2) {
            throw new IllegalArgumentException("batch_norm: expected input of shape (N, C, *) with at least 2 dimensions, got "
                    + Shapes.str(input.shape()));
        }
        int c = input.size(1);
        checkChannelParam("batch_norm", "running_mean", runningMean, c, input);
        checkChannelParam("batch_norm", "running_var", runningVar, c, input);
        checkChannelParam("batch_norm", "weight", weight, c, input);
        checkChannelParam("batch_norm", "bias", bias, c, input);
        if (!training && (runningMean == null || runningVar == null)) {
            throw new IllegalArgumentException("batch_norm: running_mean and running_var must be defined in evaluation mode (training=false)");
        }
        if (training) {
            long perChannel = (long) input.numel() / Math.max(1, c);
            if (perChannel <= 1 && input.numel() > 0) {
                throw new IllegalArgumentException("batch_norm: expected more than 1 value per channel when training, got input size "
                        + Shapes.str(input.shape()));
            }
        }
        Tensor w = weight == null ? null : weight.reshape(c), b = bias == null ? null : bias.reshape(c);
        return new BatchNormFunction(runningMean, runningVar, training, momentum, eps).apply(input, w, b);
    }

    /** Reference twin of {@link BatchNormFunction} from tensor ops (the running statistics are not updated). */
    static Tensor batchNormComposite(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                                     boolean training, double eps) {
        int[] dims = reduceDims(input.dim());
        int[] bshape = channelShape(input);
        Tensor mean, var;
        if (training) {
            mean = input.mean(dims, true);
            var = input.sub(mean).square().mean(dims, true);
        } else {
            mean = runningMean.reshape(bshape);
            var = runningVar.reshape(bshape);
        }
        Tensor y = input.sub(mean).div(var.add(eps).sqrt());
        if (weight != null) y = y.mul(weight.reshape(bshape));
        if (bias != null) y = y.add(bias.reshape(bshape));
        return y;
    }

    /** Every dim but 1. */
    private static int[] reduceDims(int ndim) {
        int[] dims = new int[ndim - 1];
        dims[0] = 0;
        for (int d = 2; d < ndim; d++) dims[d - 1] = d;
        return dims;
    }

    /** (1, C, 1, ...) to broadcast a per-channel vector against the input. */
    private static int[] channelShape(Tensor input) {
        int[] s = new int[input.dim()];
        Arrays.fill(s, 1);
        s[1] = input.size(1);
        return s;
    }

    // ------------------------------------------------------------------ instance norm

    static Tensor instanceNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
                               boolean useInputStats, double momentum, double eps) {
        requireFloat("instance_norm", input);
        if (input.dim() < 3) {
            throw new IllegalArgumentException("instance_norm: expected input of shape (N, C, *) with at least one spatial dimension, got "
                    + Shapes.str(input.shape()));
        }
        int n = input.size(0), c = input.size(1);
        checkChannelParam("instance_norm", "running_mean", runningMean, c, input);
        checkChannelParam("instance_norm", "running_var", runningVar, c, input);
        checkChannelParam("instance_norm", "weight", weight, c, input);
        checkChannelParam("instance_norm", "bias", bias, c, input);
        if (!useInputStats && (runningMean == null || runningVar == null)) {
            throw new IllegalArgumentException("instance_norm: running_mean and running_var must be defined when use_input_stats=false");
        }
        if (useInputStats) {
            int spatial = input.numel() / Math.max(1, n * c);
            if (spatial <= 1 && input.numel() > 0) {
                throw new IllegalArgumentException("instance_norm: expected more than 1 spatial element when training, got input size "
                        + Shapes.str(input.shape()));
            }
        }
        // PyTorch's recipe: batch norm of the input seen as (1, N*C, *), with the per-channel tensors repeated N times
        int[] shape = input.shape();
        int[] folded = new int[shape.length];
        folded[0] = 1;
        folded[1] = n * c;
        System.arraycopy(shape, 2, folded, 2, shape.length - 2);
        Tensor rm = runningMean == null ? null : runningMean.detach().repeat(n).contiguous();
        Tensor rv = runningVar == null ? null : runningVar.detach().repeat(n).contiguous();
        Tensor w = weight == null ? null : weight.reshape(c).repeat(n);
        Tensor b = bias == null ? null : bias.reshape(c).repeat(n);
        Tensor out = new BatchNormFunction(rm, rv, useInputStats, momentum, eps).apply(input.reshape(folded), w, b);
        if (useInputStats) {
            try (var g = dev.nn4j.Autograd.noGrad()) {
                if (runningMean != null) runningMean.copy_(rm.view(n, c).mean(0));
                if (runningVar != null) runningVar.copy_(rv.view(n, c).mean(0));
            }
        }
        return out.view(shape);
    }

    // ------------------------------------------------------------------ layer norm

    private static int normalizedSize(String op, Tensor input, int[] normalizedShape) {
        if (normalizedShape == null || normalizedShape.length == 0) {
            throw new IllegalArgumentException(op + ": expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element");
        }
        int k = normalizedShape.length;
        int[] shape = input.shape();
        boolean ok = shape.length >= k;
        for (int i = 0; ok && i < k; i++) ok = shape[shape.length - k + i] == normalizedShape[i];
        if (!ok) {
            throw new IllegalArgumentException(op + ": given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape (*, " + Arrays.toString(normalizedShape).replaceAll("[\\[\\]]", "")
                    + "), but got input of size " + Shapes.str(shape));
        }
        return Shapes.numel(normalizedShape);
    }

    private static void checkAffine(String op, String name, Tensor p, int[] normalizedShape) {
        if (p != null && !Arrays.equals(p.shape(), normalizedShape)) {
            throw new IllegalArgumentException(op + ": expected " + name + " of shape " + Shapes.str(normalizedShape)
                    + " (normalized_shape), got " + Shapes.str(p.shape()));
        }
    }

    static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        requireFloat("layer_norm", input);
        int d = normalizedSize("layer_norm", input, normalizedShape);
        checkAffine("layer_norm", "weight", weight, normalizedShape);
        checkAffine("layer_norm", "bias", bias, normalizedShape);
        return new LayerNormFunction(d, eps).apply(input, weight, bias);
    }

    private static int[] lastDims(int ndim, int k) {
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = ndim - k + i;
        return dims;
    }

    /** Reference twin of {@link LayerNormFunction}. */
    static Tensor layerNormComposite(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int[] dims = lastDims(input.dim(), normalizedShape.length);
        Tensor mean = input.mean(dims, true);
        Tensor centered = input.sub(mean);
        Tensor y = centered.div(centered.square().mean(dims, true).add(eps).sqrt());
        if (weight != null) y = y.mul(weight);
        if (bias != null) y = y.add(bias);
        return y;
    }

    // ------------------------------------------------------------------ group norm, rms norm, LRN, normalize

    static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        requireFloat("group_norm", input);
        if (input.dim() < 2) {
            throw new IllegalArgumentException("group_norm: expected input of shape (N, C, *) with at least 2 dimensions, got "
                    + Shapes.str(input.shape()));
        }
        int n = input.size(0), c = input.size(1);
        if (numGroups <= 0 || c % numGroups != 0) {
            throw new IllegalArgumentException("group_norm: expected number of channels in input to be divisible by num_groups, but got input of shape "
                    + Shapes.str(input.shape()) + " and num_groups=" + numGroups);
        }
        checkChannelParam("group_norm", "weight", weight, c, input);
        checkChannelParam("group_norm", "bias", bias, c, input);
        int[] shape = input.shape();
        // each group's (C/G, *) block is one layer-norm row
        Tensor grouped = input.reshape(n, numGroups, -1);
        int d = grouped.size(2);
        Tensor y = new LayerNormFunction(d, eps).apply(grouped, null, null).view(shape);
        int[] bshape = channelShape(input);
        if (weight != null) y = y.mul(weight.reshape(bshape));
        if (bias != null) y = y.add(bias.reshape(bshape));
        return y;
    }

    /** Machine epsilon of a floating dtype ({@code torch.finfo(dtype).eps}). */
    static double machineEps(DType dtype) {
        return dtype == DType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
    }

    static Tensor rmsNorm(Tensor input, int[] normalizedShape, Tensor weight, Double eps) {
        requireFloat("rms_norm", input);
        normalizedSize("rms_norm", input, normalizedShape);
        checkAffine("rms_norm", "weight", weight, normalizedShape);
        double e = eps == null ? machineEps(input.dtype()) : eps;
        int[] dims = lastDims(input.dim(), normalizedShape.length);
        Tensor y = input.mul(input.square().mean(dims, true).add(e).rsqrt());
        return weight == null ? y : y.mul(weight);
    }

    static Tensor localResponseNorm(Tensor input, int size, double alpha, double beta, double k) {
        requireFloat("local_response_norm", input);
        if (input.dim() < 3) {
            throw new IllegalArgumentException("local_response_norm: expected 3D or higher dimensionality input (got "
                    + input.dim() + " dimensions)");
        }
        if (size <= 0) throw new IllegalArgumentException("local_response_norm: size must be positive, got " + size);
        if (input.numel() == 0) return input;
        int c = input.size(1);
        // average of x^2 over a window of `size` channels, zero-padded (size/2 before, (size-1)/2 after), divided by size
        Tensor sq = input.square();
        int before = size / 2, after = (size - 1) / 2;
        List<Tensor> parts = new ArrayList<>();
        int[] padShape = input.shape();
        if (before > 0) {
            padShape[1] = before;
            parts.add(Tensor.zeros(input.dtype(), padShape.clone()));
        }
        parts.add(sq);
        if (after > 0) {
            padShape[1] = after;
            parts.add(Tensor.zeros(input.dtype(), padShape.clone()));
        }
        Tensor padded = parts.size() == 1 ? sq : Tensor.cat(parts, 1);
        Tensor window = null;
        for (int i = 0; i < size; i++) {
            Tensor slice = padded.narrow(1, i, c);
            window = window == null ? slice : window.add(slice);
        }
        Tensor div = window.div(size).mul(alpha).add(k).pow(beta);
        return input.div(div);
    }

    static Tensor normalize(Tensor input, double p, int dim, double eps) {
        requireFloat("normalize", input);
        int d = Shapes.wrapDim("normalize", dim, input.dim());
        Tensor norm = Distance.norm(input, p, d, true);
        return input.div(norm.clampMin(eps).expand(input.shape()));
    }
}
