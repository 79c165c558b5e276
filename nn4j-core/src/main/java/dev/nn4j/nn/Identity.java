package dev.nn4j.nn;

import dev.nn4j.Tensor;

/**
 * Returns its input unchanged, as {@code torch.nn.Identity} (a placeholder, e.g. to remove a layer).
 * Constructor arguments are accepted and ignored, as in PyTorch.
 */
public class Identity extends Module {
    public Identity(Object... ignored) {}

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length == 1) return args[0];
        return super.forwardArgs(args);
    }
}
