package dev.nn4j;

import dev.nn4j.autograd.Engine;
import dev.nn4j.autograd.GradMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Autograd controls: {@code noGrad} and {@code enableGrad} scopes, {@code grad} (gradients without
 * touching {@code .grad}) and anomaly detection. Scopes are per thread and restore the previous state.
 *
 * <pre>{@code
 * try (var g = Autograd.noGrad()) {
 *     Tensor y = model.forward(x);   // nothing recorded
 * }
 * }</pre>
 */
public final class Autograd {
    private Autograd() {}

    /** A scope that restores the previous mode on close; never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public static Scope noGrad() {
        boolean prev = GradMode.set(false);
        return () -> GradMode.set(prev);
    }

    public static Scope enableGrad() {
        boolean prev = GradMode.set(true);
        return () -> GradMode.set(prev);
    }

    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    public static void setGradEnabled(boolean enabled) {
        GradMode.set(enabled);
    }

    /**
     * Within this scope, every backward node checks its results for NaN and infinite values and, on finding one,
     * throws an error naming the node ({@code Function 'SqrtBackward0' returned inf values in its 0th output.}),
     * with the stack trace of the forward call that created it as the cause. PyTorch's anomaly mode flags NaN
     * only; {@link #detectAnomaly(boolean) detectAnomaly(false)} does exactly that.
     */
    public static Scope detectAnomaly() {
        return detectAnomaly(true);
    }

    /** {@link #detectAnomaly()}, flagging infinite gradients too only when {@code checkInf}. */
    public static Scope detectAnomaly(boolean checkInf) {
        int prev = GradMode.setAnomaly(checkInf ? GradMode.ANOMALY_NAN_INF : GradMode.ANOMALY_NAN);
        return () -> GradMode.setAnomaly(prev);
    }

    /** Gradients of {@code outputs} (weighted by {@code gradOutputs}, ones for scalars when null) w.r.t. {@code inputs}. */
    public static Tensor[] grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs, boolean retainGraph) {
        List<Tensor> gos = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Tensor go = gradOutputs == null ? null : gradOutputs.get(i);
            if (go == null) {
                if (outputs.get(i).numel() != 1) {
                    throw new IllegalArgumentException("grad: grad can be implicitly created only for scalar outputs");
                }
                go = Tensor.onesLike(outputs.get(i));
            }
            gos.add(go);
        }
        Tensor[] r = Engine.run(outputs, gos, retainGraph, inputs);
        for (int i = 0; i < r.length; i++) {
            if (r[i] == null) r[i] = Tensor.zerosLike(inputs.get(i));
        }
        return r;
    }

    public static Tensor[] grad(Tensor output, Tensor... inputs) {
        return grad(List.of(output), List.of(inputs), null, false);
    }

    /** Back-propagates several outputs at once ({@code torch.autograd.backward}). */
    public static void backward(List<Tensor> outputs, List<Tensor> gradOutputs) {
        Engine.run(outputs, gradOutputs, false, null);
    }
}
