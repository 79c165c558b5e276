package dev.nn4j.nn;

import java.util.Map;

/**
 * The deprecated {@code torch.nn.Container(**kwargs)}: a module whose children are the given named modules and
 * which has no forward. Use {@link Sequential}, {@link ModuleList} or {@link ModuleDict} instead.
 */
@Deprecated
public class Container extends Module {
    public Container(Map<String, ? extends Module> modules) {
        modules.forEach(this::registerModule);
    }
}
