package dev.nn4j.nn;

import dev.nn4j.Tensor;
import dev.nn4j.nn.functional.F;

/**
 * Splits the channels into {@code groups} and interleaves them (ShuffleNet), as
 * {@code torch.nn.ChannelShuffle(groups)}.
 *
 * <p>Shapes: input (N, C, *) with C divisible by groups, output the same.
 *
 * <pre>{@code
 * Tensor y = new ChannelShuffle(2).forward(Tensor.randn(1, 4, 2, 2));
 * }</pre>
 */
public class ChannelShuffle extends Module {
    public final int groups;

    public ChannelShuffle(int groups) {
        if (groups <= 0) throw new IllegalArgumentException("ChannelShuffle: groups must be positive, got " + groups);
        this.groups = groups;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.channelShuffle(input, groups);
    }

    @Override
    public String extraRepr() {
        return "groups=" + groups;
    }
}
