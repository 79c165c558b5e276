package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;
import dev.nn4j.nn.init.Init;

/**
 * Group normalization: the channels are split into {@code numGroups} groups, each normalized by its own
 * mean and variance per sample, then scaled per channel, as
 * {@code torch.nn.GroupNorm(num_groups, num_channels, eps=1e-5, affine=True)}.
 *
 * <p>Shapes: input (N, C, *), output the same. Parameters {@code weight} (C) = 1 and {@code bias} (C) = 0.
 *
 * <pre>{@code
 * Tensor y = new GroupNorm(3, 6).forward(Tensor.randn(20, 6, 10, 10));
 * }</pre>
 */
public class GroupNorm extends Module {
    public final int numGroups;
    public final int numChannels;
    public final double eps;
    public final boolean affine;
    public final Tensor weight;
    public final Tensor bias;

    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numGroups <= 0 || numChannels % numGroups != 0) {
            throw new IllegalArgumentException("GroupNorm: num_channels (" + numChannels + ") must be divisible by num_groups (" + numGroups + ")");
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        this.weight = registerParameter("weight", affine ? Parameter.of(Tensor.empty(numChannels)) : null);
        this.bias = registerParameter("bias", affine ? Parameter.of(Tensor.empty(numChannels)) : null);
        resetParameters();
    }

    /** Weight to ones, bias to zeros. */
    public void resetParameters() {
        if (affine) {
            Init.ones_(weight);
            Init.zeros_(bias);
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.groupNorm(input, numGroups, weight, bias, eps);
    }

    @Override
    public String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + Repr.py(eps) + ", affine=" + Repr.py(affine);
    }
}
