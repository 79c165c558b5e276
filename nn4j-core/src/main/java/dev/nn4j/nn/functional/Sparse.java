package dev.nn4j.nn.functional;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;

/**
 * Sparse functions behind {@link F}: embedding lookups and one-hot encoding. Gradients of the weight are
 * dense (nn4j has no sparse tensors; {@code sparse=true} is accepted and gives the same dense gradient).
 */
final class Sparse {
    private Sparse() {}

    /** Checks integer indices into a table of {@code num} rows and returns them as ints. */
    private static int[] indices(String op, Tensor input, int num) {
        if (input == null) throw new IllegalArgumentException(op + ": input (indices) must not be null");
        if (input.dtype() != DType.INT64) {
            throw new IllegalArgumentException(op + ": expected tensor for argument #1 'indices' to have scalar type Long (int64); but got "
                    + input.dtype() + " instead");
        }
        long[] raw = input.contiguous().toLongArray();
        int[] idx = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0 || raw[i] >= num) {
                throw new IndexOutOfBoundsException(op + ": index out of range in self (index " + raw[i]
                        + " for a weight with num_embeddings=" + num + ")");
            }
            idx[i] = (int) raw[i];
        }
        return idx;
    }

    private static void checkWeight(String op, Tensor weight) {
        if (weight == null) throw new IllegalArgumentException(op + ": weight must not be null");
        if (weight.dim() != 2) {
            throw new IllegalArgumentException(op + ": expected weight of shape (num_embeddings, embedding_dim), got " + Shapes.str(weight.shape()));
        }
        if (!weight.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected a floating point weight, got " + weight.dtype());
    }

    /** PyTorch's padding_idx normalisation: negative counts from the end; null stays null (encoded as -1). */
    private static int paddingIndex(String op, Integer paddingIdx, int num) {
        if (paddingIdx == null) return -1;
        int p = paddingIdx;
        if (p >= num || p < -num) {
            throw new IllegalArgumentException(op + ": padding_idx must be within num_embeddings, got padding_idx=" + p
                    + " for num_embeddings=" + num);
        }
        return p < 0 ? p + num : p;
    }

    /**
     * {@code torch.embedding_renorm_}: rescales, in place and outside autograd, every row of {@code weight}
     * referenced by {@code idx} whose p-norm exceeds maxNorm to norm maxNorm (PyTorch's 1e-7 guard included).
     */
    static void renorm(Tensor weight, int[] idx, double maxNorm, double normType) {
        int[] unique = Arrays.stream(idx).distinct().toArray();
        try (var g = Autograd.noGrad()) {
            for (int i : unique) {
                Tensor row = weight.select(0, i);
                double norm = Distance.norm(row.detach(), normType, 0, false).item();
                if (norm > maxNorm) row.mul_(maxNorm / (norm + 1e-7));
            }
        }
    }

    /** Row lookup {@code weight[idx]}; the backward adds each gradient row into its weight row. */
    private static final class EmbeddingFunction extends Function {
        private final Tensor indices;
        private final int[] idx;
        private final int paddingIdx;
        private final boolean scaleGradByFreq;

        EmbeddingFunction(Tensor indices, int[] idx, int paddingIdx, boolean scaleGradByFreq) {
            this.indices = indices;
            this.idx = idx;
            this.paddingIdx = paddingIdx;
            this.scaleGradByFreq = scaleGradByFreq;
        }

        @Override
        protected String name() {
            return "EmbeddingBackward0";
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            Tensor weight = in[0];
            ctx.put("shape", weight.shape());
            return weight.indexSelect(0, indices);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            int[] shape = ctx.get("shape");
            if (paddingIdx >= 0 || scaleGradByFreq) {
                double[] scale = new double[idx.length];
                int[] counts = new int[shape[0]];
                for (int i : idx) counts[i]++;
                for (int k = 0; k < idx.length; k++) {
                    scale[k] = idx[k] == paddingIdx ? 0 : scaleGradByFreq ? 1.0 / counts[idx[k]] : 1;
                }
                g = g.mul(Tensor.fromArray(scale, idx.length, 1).to(g.dtype()));
            }
            return new Tensor[] {Tensor.zeros(g.dtype(), shape).indexAdd(0, indices, g)};
        }
    }

    /** The rows of {@code weight} at the flat indices, shape (len, D). */
    private static Tensor rows(Tensor weight, Tensor flat, int[] idx, int paddingIdx, boolean scaleGradByFreq) {
        return new EmbeddingFunction(flat, idx, paddingIdx, scaleGradByFreq).apply(weight);
    }

    static Tensor embedding(Tensor input, Tensor weight, Integer paddingIdx, Double maxNorm, double normType,
                            boolean scaleGradByFreq, boolean sparse) {
        checkWeight("embedding", weight);
        int num = weight.size(0);
        int pad = paddingIndex("embedding", paddingIdx, num);
        int[] idx = indices("embedding", input, num);
        if (maxNorm != null) renorm(weight, idx, maxNorm, normType);
        Tensor flat = Tensor.fromArray(Arrays.stream(idx).asLongStream().toArray(), idx.length);
        int[] outShape = Arrays.copyOf(input.shape(), input.dim() + 1);
        outShape[input.dim()] = weight.size(1);
        return rows(weight, flat, idx, pad, scaleGradByFreq).view(outShape);
    }

    static Tensor embeddingBag(Tensor input, Tensor weight, Tensor offsets, Double maxNorm, double normType,
                               boolean scaleGradByFreq, String mode, boolean sparse, Tensor perSampleWeights,
                               boolean includeLastOffset, Integer paddingIdx) {
        String op = "embedding_bag";
        checkWeight(op, weight);
        String m = mode == null ? "mean" : mode;
        if (!m.equals("sum") && !m.equals("mean") && !m.equals("max")) {
            throw new IllegalArgumentException(op + ": mode has to be one of sum, mean or max, got '" + m + "'");
        }
        if (perSampleWeights != null && !m.equals("sum")) {
            throw new IllegalArgumentException(op + ": per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='"
                    + m + "')");
        }
        if (perSampleWeights != null && !Arrays.equals(perSampleWeights.shape(), input.shape())) {
            throw new IllegalArgumentException(op + ": per_sample_weights of shape " + Shapes.str(perSampleWeights.shape())
                    + " must have the shape of input " + Shapes.str(input.shape()));
        }
        int num = weight.size(0), dimE = weight.size(1);
        int pad = paddingIndex(op, paddingIdx, num);
        int[] idx = indices(op, input, num);
        int[] starts;
        if (input.dim() == 2) {
            if (offsets != null) {
                throw new IllegalArgumentException(op + ": if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences");
            }
            int b = input.size(0), len = input.size(1);
            starts = new int[b + 1];
            for (int i = 0; i <= b; i++) starts[i] = i * len;
        } else if (input.dim() == 1) {
            if (offsets == null) throw new IllegalArgumentException(op + ": offsets has to be a 1D Tensor but got None");
            if (offsets.dim() != 1) throw new IllegalArgumentException(op + ": offsets has to be a 1D Tensor, got shape " + Shapes.str(offsets.shape()));
            if (offsets.dtype() != DType.INT64) throw new IllegalArgumentException(op + ": offsets must be int64, got " + offsets.dtype());
            long[] off = offsets.contiguous().toLongArray();
            if (off.length > 0 && off[0] != 0) {
                throw new IllegalArgumentException(op + ": offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from position 0. However, got "
                        + off[0]);
            }
            int bags = includeLastOffset ? Math.max(0, off.length - 1) : off.length;
            starts = new int[bags + 1];
            for (int i = 0; i < bags; i++) starts[i] = (int) off[i];
            starts[bags] = idx.length;
            for (int i = 0; i < bags; i++) {
                if (starts[i] > starts[i + 1] || starts[i] < 0) {
                    throw new IllegalArgumentException(op + ": offsets must be non-decreasing and within the input length " + idx.length
                            + ", got " + Arrays.toString(off));
                }
            }
        } else {
            throw new IllegalArgumentException(op + ": input has to be 1D or 2D Tensor, but got Tensor of dimension " + input.dim());
        }
        if (maxNorm != null) renorm(weight, idx, maxNorm, normType);
        int bags = starts.length - 1;
        // bag id of every index; padding entries are left out of the bag entirely
        long[] bagOf = new long[idx.length];
        int[] count = new int[bags];
        for (int b = 0; b < bags; b++) {
            for (int k = starts[b]; k < starts[b + 1]; k++) {
                bagOf[k] = b;
                if (idx[k] != pad) count[b]++;
            }
        }
        Tensor flat = Tensor.fromArray(Arrays.stream(idx).asLongStream().toArray(), idx.length);
        Tensor rows = rows(weight, flat, idx, pad, scaleGradByFreq);
        if (m.equals("max")) return bagMax(rows, idx, starts, pad, dimE);
        double[] coef = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            int b = (int) bagOf[k];
            coef[k] = idx[k] == pad ? 0 : m.equals("mean") ? 1.0 / count[b] : 1;
        }
        Tensor weighted = rows.mul(Tensor.fromArray(coef, idx.length, 1).to(weight.dtype()));
        if (perSampleWeights != null) weighted = weighted.mul(perSampleWeights.reshape(idx.length, 1));
        return Tensor.zeros(weight.dtype(), bags, dimE).indexAdd(0, Tensor.fromArray(bagOf, bagOf.length), weighted);
    }

    /** Per bag and column, the largest non-padding row value (0 for an empty bag); the gradient goes to that row. */
    private static Tensor bagMax(Tensor rows, int[] idx, int[] starts, int pad, int dimE) {
        int bags = starts.length - 1;
        double[] v = rows.detach().contiguous().toDoubleArray();
        long[] arg = new long[bags * dimE];
        boolean[] empty = new boolean[bags * dimE];
        for (int b = 0; b < bags; b++) {
            for (int j = 0; j < dimE; j++) {
                int best = -1;
                for (int k = starts[b]; k < starts[b + 1]; k++) {
                    if (idx[k] == pad) continue;
                    if (best < 0 || v[k * dimE + j] > v[best * dimE + j]) best = k;
                }
                arg[b * dimE + j] = Math.max(best, 0);
                empty[b * dimE + j] = best < 0;
            }
        }
        if (idx.length == 0) return Tensor.zeros(rows.dtype(), bags, dimE).add(rows.sum().mul(0));
        Tensor picked = rows.gather(0, Tensor.fromArray(arg, bags, dimE));
        return Tensor.where(Tensor.fromArray(empty, bags, dimE), 0.0, picked);
    }

    static Tensor oneHot(Tensor tensor, int numClasses) {
        if (tensor == null) throw new IllegalArgumentException("one_hot: tensor must not be null");
        if (tensor.dtype() != DType.INT64) {
            throw new IllegalArgumentException("one_hot: one_hot is only applicable to index tensor (int64), got " + tensor.dtype());
        }
        long[] v = tensor.contiguous().toLongArray();
        int n = numClasses;
        if (n == -1) {
            if (v.length == 0) throw new IllegalArgumentException("one_hot: Can not infer total number of classes from empty tensor.");
            long max = Arrays.stream(v).max().getAsLong();
            n = (int) max + 1;
        } else if (n < -1) {
            throw new IllegalArgumentException("one_hot: num_classes should be -1 or a non-negative number, got " + numClasses);
        }
        long[] out = new long[v.length * n];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) throw new IllegalArgumentException("one_hot: Class values must be non-negative, got " + v[i]);
            if (v[i] >= n) throw new IllegalArgumentException("one_hot: Class values must be smaller than num_classes (" + n + "), got " + v[i]);
            out[i * n + (int) v[i]] = 1;
        }
        int[] shape = Arrays.copyOf(tensor.shape(), tensor.dim() + 1);
        shape[tensor.dim()] = n;
        return Tensor.fromArray(out, shape);
    }
}
