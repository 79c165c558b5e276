package dev.nn4j.nn;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Base of the lazy modules (PyTorch's {@code LazyModuleMixin}): the input size (in_features, in_channels,
 * num_features) is inferred from the first input, or from a loaded state dict. Until then the module holds
 * empty placeholder parameters under PyTorch's names and prints as {@code LazyLinear(in_features=0, ...)};
 * afterwards it is the real module ({@link #module()}), and prints and computes exactly as it
 * ({@code Linear(in_features=4, ...)}, PyTorch's {@code cls_to_become}).
 *
 * <p>The parameters are new tensors once the size is known: create the optimizer after the first forward
 * (a dry run), as PyTorch requires for lazy modules.
 *
 * @param <M> the module it becomes
 */
public abstract class LazyModule<M extends Module> extends Module {
    private final IntFunction<M> factory;
    private final ToIntFunction<Tensor> inferFromInput;
    private final ToIntFunction<Map<String, Tensor>> inferFromState;
    private final M template;
    private M module;

    LazyModule(IntFunction<M> factory, ToIntFunction<Tensor> inferFromInput, ToIntFunction<Map<String, Tensor>> inferFromState) {
        this.factory = factory;
        this.inferFromInput = inferFromInput;
        this.inferFromState = inferFromState;
        this.template = factory.apply(0); // the module with a zero input size: its (empty) state are the placeholders
        adopt(template);
    }

    private void adopt(Module m) {
        parameterMap().clear();
        parameterMap().putAll(m.parameterMap());
        bufferMap().clear();
        bufferMap().putAll(m.bufferMap());
    }

    /** Whether the input size is still unknown. */
    public boolean hasUninitializedParams() {
        return module == null;
    }

    /** The module this one became, or null before the input size is known. */
    public M module() {
        return module;
    }

    /** Builds the real module for input size {@code size}, in this module's dtype and mode, and takes its state. */
    public void initialize(int size) {
        if (module != null) return;
        M m = factory.apply(size);
        DType dtype = parameters().isEmpty() ? DType.FLOAT32 : parameters().get(0).dtype();
        if (dtype != DType.FLOAT32) m.to(dtype);
        m.train(training);
        module = m;
        adopt(m);
    }

    private M ready(Tensor input) {
        if (module == null) initialize(inferFromInput.applyAsInt(input));
        module.train(training);
        return module;
    }

    @Override
    public Tensor forward(Tensor input) {
        return ready(input).forward(input);
    }

    @Override
    protected Object forwardArgs(Object[] args) {
        if (args.length >= 1 && args[0] instanceof Tensor x) return ready(x).forwardArgs(args);
        return super.forwardArgs(args);
    }

    /** A state dict loaded before the first forward fixes the input size (PyTorch's {@code _lazy_load_hook}). */
    @Override
    protected void beforeLoad(Map<String, Tensor> stateDict, String prefix, List<String> errors) {
        if (module != null) {
            module.beforeLoad(stateDict, prefix, errors);
            return;
        }
        Map<String, Tensor> local = new java.util.HashMap<>();
        stateDict.forEach((k, v) -> { if (k.startsWith(prefix) && !k.substring(prefix.length()).contains(".")) local.put(k.substring(prefix.length()), v); });
        int size = inferFromState.applyAsInt(local);
        if (size > 0) {
            initialize(size);
            module.beforeLoad(stateDict, prefix, errors);
        }
    }

    @Override
    public String getName() {
        return module == null ? super.getName() : module.getName();
    }

    @Override
    public String extraRepr() {
        return (module == null ? template : module).extraRepr();
    }

    /** The size of dim {@code dim} of the state entry {@code key}, or 0 when absent. */
    static int dimOf(Map<String, Tensor> state, String key, int dim) {
        Tensor t = state.get(key);
        return t == null || t.dim() <= dim ? 0 : t.size(dim);
    }
}
