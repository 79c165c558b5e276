package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;

/** Linear layers behind {@link F}: {@code linear} and {@code bilinear}. */
final class Layers {
    private Layers() {}

    static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (x == null || weight == null) throw new IllegalArgumentException("linear: input and weight must not be null");
        if (weight.dim() != 2 && weight.dim() != 1) {
            throw new IllegalArgumentException("linear: expected weight of shape (out_features, in_features), got "
                    + Shapes.str(weight.shape()));
        }
        if (x.dim() == 0) throw new IllegalArgumentException("linear: expected input with at least 1 dimension, got a 0-dim tensor");
        int in = weight.size(-1);
        if (x.size(-1) != in) {
            throw new IllegalArgumentException("linear: input of shape " + Shapes.str(x.shape()) + " has " + x.size(-1)
                    + " features in its last dimension but weight " + Shapes.str(weight.shape()) + " expects in_features=" + in);
        }
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("linear: input dtype " + x.dtype() + " and weight dtype " + weight.dtype() + " differ");
        }
        Tensor y;
        if (weight.dim() == 1) {
            y = x.matmul(weight);
        } else if (x.dim() <= 2) {
            y = x.matmul(weight.t());
        } else {
            // fold the batch dims so the whole input is one GEMM: (B*..., in) @ (in, out)
            int[] shape = x.shape();
            Tensor y2 = x.reshape(-1, in).mm(weight.t());
            shape[shape.length - 1] = weight.size(0);
            y = y2.view(shape);
        }
        if (bias != null) {
            if (!broadcastsTo(bias.shape(), y.shape())) {
                throw new IllegalArgumentException("linear: bias of shape " + Shapes.str(bias.shape()) + " does not match the output of shape "
                        + Shapes.str(y.shape()) + " (expected bias of shape (" + (weight.dim() == 2 ? weight.size(0) + ",)" : ")") + ")");
            }
            y = y.add(bias);
        }
        return y;
    }

    /** True when {@code b} broadcasts to {@code out} without changing {@code out}'s shape. */
    private static boolean broadcastsTo(int[] b, int[] out) {
        if (b.length > out.length) return false;
        for (int i = 1; i <= b.length; i++) {
            int bs = b[b.length - i], os = out[out.length - i];
            if (bs != 1 && bs != os) return false;
        }
        return true;
    }

    static Tensor bilinear(Tensor x1, Tensor x2, Tensor weight, Tensor bias) {
        if (x1 == null || x2 == null || weight == null) throw new IllegalArgumentException("bilinear: input1, input2 and weight must not be null");
        if (weight.dim() != 3) {
            throw new IllegalArgumentException("bilinear: expected weight of shape (out_features, in1_features, in2_features), got "
                    + Shapes.str(weight.shape()));
        }
        int out = weight.size(0), in1 = weight.size(1), in2 = weight.size(2);
        if (x1.dim() == 0 || x1.size(-1) != in1) {
            throw new IllegalArgumentException("bilinear: input1 of shape " + Shapes.str(x1.shape()) + " must end with in1_features="
                    + in1 + " (weight " + Shapes.str(weight.shape()) + ")");
        }
        if (x2.dim() == 0 || x2.size(-1) != in2) {
            throw new IllegalArgumentException("bilinear: input2 of shape " + Shapes.str(x2.shape()) + " must end with in2_features="
                    + in2 + " (weight " + Shapes.str(weight.shape()) + ")");
        }
        int[] lead1 = java.util.Arrays.copyOf(x1.shape(), x1.dim() - 1), lead2 = java.util.Arrays.copyOf(x2.shape(), x2.dim() - 1);
        if (!java.util.Arrays.equals(lead1, lead2)) {
            throw new IllegalArgumentException("bilinear: input1 and input2 must have the same batch dimensions, got "
                    + Shapes.str(x1.shape()) + " and " + Shapes.str(x2.shape()));
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != out)) {
            throw new IllegalArgumentException("bilinear: expected bias of shape (" + out + ",), got " + Shapes.str(bias.shape()));
        }
        int batch = Shapes.numel(lead1);
        // y[b, k] = sum_ij x1[b, i] W[k, i, j] x2[b, j]: one GEMM (B, in1) @ (in1, out*in2), then a row-wise dot with x2
        Tensor w = weight.permute(1, 0, 2).reshape(in1, out * in2);
        Tensor t = x1.reshape(batch, in1).mm(w).view(batch, out, in2);
        Tensor y = t.mul(x2.reshape(batch, 1, in2)).sum(2);
        if (bias != null) y = y.add(bias);
        int[] shape = java.util.Arrays.copyOf(lead1, lead1.length + 1);
        shape[lead1.length] = out;
        return y.reshape(shape);
    }
}
