package dev.nn4j.nn;

import dev.nn4j.nn.functional.Reduction;

/**
 * Base of the loss modules (PyTorch's {@code _Loss}): the {@link Reduction} applied to the per-element
 * losses ({@code MEAN} by default). Losses take two or more inputs, so they are called with their typed
 * {@code forward(input, target)} or {@code call(input, target)}.
 */
public abstract class Loss extends Module {
    public final Reduction reduction;

    Loss(Reduction reduction) {
        if (reduction == null) throw new IllegalArgumentException(getName() + ": reduction must not be null");
        this.reduction = reduction;
    }

    static Object[] expect(Module m, Object[] args, int n, String names) {
        if (args.length != n) {
            throw new IllegalArgumentException(m.getName() + ".forward: expected " + n + " arguments (" + names + "), got " + describe(args));
        }
        return args;
    }
}
