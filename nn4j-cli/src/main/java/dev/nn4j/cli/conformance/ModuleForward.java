package dev.nn4j.cli.conformance;

import dev.nn4j.Tensor;
import dev.nn4j.nn.Module;
import java.util.List;

/**
 * Calls a module the way PyTorch's runner does ({@code m(*inputs, **forward_kwargs)}): positional tensors
 * go to {@link Module#call(Object...)}; keyword arguments are mapped to the module's typed forward.
 */
final class ModuleForward {
    private ModuleForward() {}

    static Object call(String name, Module m, List<Tensor> inputs, Kw kwargs) {
        if (kwargs.keys().isEmpty()) return m.call(inputs.toArray());
        throw new UnsupportedOperationException("forward keyword arguments " + kwargs.keys() + " not supported for nn." + name);
    }
}
