package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * The gated linear unit a ⊗ σ(b), where a and b are the two halves of the input along {@code dim}, as
 * {@code torch.nn.GLU(dim=-1)}.
 *
 * <p>Shapes: input (*₁, N, *₂), output (*₁, N/2, *₂).
 *
 * <pre>{@code
 * Tensor y = new GLU().forward(Tensor.randn(4, 2));   // (4, 1)
 * }</pre>
 */
public class GLU extends Module {
    public final int dim;

    public GLU() {
        this(-1);
    }

    public GLU(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.glu(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
