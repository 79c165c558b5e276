package dev.nn4j;

import java.util.HashMap;
import java.util.Map;

/**
 * A user-defined differentiable operation, as {@code torch.autograd.Function}: subclass it, compute the
 * result in {@link #forward} (no graph is recorded there) and the input gradients in {@link #backward}.
 *
 * <pre>{@code
 * class Cube extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) { ctx.saveForBackward(in[0]); return in[0].pow(3); }
 *     protected Tensor[] backward(Context ctx, Tensor g) { Tensor x = ctx.saved(0); return new Tensor[] {g.mul(x.square()).mul(3)}; }
 * }
 * Tensor y = new Cube().apply(x);
 * }</pre>
 */
public abstract class Function {
    /** Carries state from forward to backward. Saved tensors are checked against in-place modification. */
    public static final class Context {
        private Tensor[] saved = new Tensor[0];
        private boolean[] needsInputGrad = new boolean[0];
        private final Map<String, Object> values = new HashMap<>();

        public void saveForBackward(Tensor... tensors) {
            saved = tensors.clone();
        }

        public Tensor saved(int i) {
            return saved[i];
        }

        public Tensor[] savedTensors() {
            return saved.clone();
        }

        /** Whether input {@code i} requires a gradient. */
        public boolean needsInputGrad(int i) {
            return needsInputGrad[i];
        }

        public void put(String key, Object value) {
            values.put(key, value);
        }

        @SuppressWarnings("unchecked")
        public <T> T get(String key) {
            return (T) values.get(key);
        }
    }

    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /** Returns one gradient per input (null where an input needs none). */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    /** The node name shown in {@code grad_fn}; defaults to the class name + "Backward". */
    protected String name() {
        return getClass().getSimpleName() + "Backward";
    }

    public final Tensor apply(Tensor... inputs) {
        Context ctx = new Context();
        ctx.needsInputGrad = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) ctx.needsInputGrad[i] = inputs[i] != null && inputs[i].requiresGrad;
        Tensor out;
        try (var g = Autograd.noGrad()) {
            out = forward(ctx, inputs);
        }
        for (Tensor in : inputs) {
            if (out == in) {
                out = in.detach();
                break;
            }
        }
        if (out.gradFn != null || out.base != null && out.requiresGrad) out = out.detach();
        return Graph.record(name(), out, inputs, ctx.saved, g -> {
            Tensor[] r = backward(ctx, g);
            if (r.length != inputs.length) {
                throw new IllegalStateException(name() + ": backward returned " + r.length + " gradients, expected " + inputs.length);
            }
            return r;
        });
    }
}
