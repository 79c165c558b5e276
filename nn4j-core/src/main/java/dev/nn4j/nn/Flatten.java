package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * Flattens the dims {@code startDim..endDim} into one, as {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}
 * (note the default keeps the batch dim, unlike {@code Tensor.flatten()}).
 *
 * <p>Shapes: input (*, S_start, ..., S_end, *), output (*, ∏S, *).
 *
 * <pre>{@code
 * Tensor y = new Flatten().forward(Tensor.randn(32, 1, 5, 5));   // (32, 25)
 * }</pre>
 */
public class Flatten extends Module {
    public final int startDim;
    public final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
