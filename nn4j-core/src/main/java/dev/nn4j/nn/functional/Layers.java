package dev.nn4j.nn.functional;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Shapes;

/** Linear layers behind {@link F}: {@code linear} and {@code bilinear}. */
final class Layers {
    private Layers() {}

    static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
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
        if (bias != null) y = y.add(bias);
        return y;
    }
}
