package dev.nn4j.optim;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.OptimKernels;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov momentum, weight decay and maximize
 * ({@code torch.optim.SGD}): {@code b = momentum*b + (1-dampening)*g; p -= lr * (nesterov ? g + momentum*b : b)}.
 */
public final class SGD extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options() {
            put("lr", 1e-3);
            put("momentum", 0.0);
            put("dampening", 0.0);
            put("weight_decay", 0.0);
            put("nesterov", false);
            put("maximize", false);
        }

        public Options momentum(double v) { return put("momentum", v); }
        public Options dampening(double v) { return put("dampening", v); }
        public Options nesterov(boolean v) { return put("nesterov", v); }
    }

    public static Options options() {
        return new Options();
    }

    public SGD(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public SGD(Iterable<Tensor> params, Options options) {
        super(params, options.map());
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        requireNonNegative(name(), "momentum", g.getDouble("momentum"));
        requireNonNegative(name(), "weight_decay", g.getDouble("weight_decay"));
        if (g.getBool("nesterov") && (g.getDouble("momentum") <= 0 || g.getDouble("dampening") != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening");
        }
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        double lr = group.lr(), momentum = group.getDouble("momentum"), dampening = group.getDouble("dampening");
        double wd = group.getDouble("weight_decay");
        boolean nesterov = group.getBool("nesterov"), maximize = group.getBool("maximize");
        Tensor bufT = null;
        boolean first = false;
        if (momentum != 0) {
            bufT = (Tensor) state.get("momentum_buffer");
            if (bufT == null) {
                bufT = zerosLike(param);
                state.put("momentum_buffer", bufT);
                first = true;
            }
        }
        if (param.dtype() == DType.FLOAT32 && param.isContiguous()) {
            // float32: PyTorch's float arithmetic in one fused vector pass
            var h = OptimKernels.Sgd.of(lr, momentum, dampening, wd, nesterov, maximize);
            OptimKernels.sgd(h, param.numel(), f32(param), param.storageOffset(), f32(grad), grad.storageOffset(),
                    bufT == null ? null : f32(bufT), bufT == null ? 0 : bufT.storageOffset(), first);
            Vec.touched(param);
            return;
        }
        Vec p = Vec.of(param), g = Vec.of(grad);
        Vec buf = bufT == null ? null : Vec.of(bufT);
        for (int i = 0; i < p.n; i++) {
            double d = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (wd != 0) d += wd * pi;
            if (buf != null) {
                double b = first ? d : momentum * buf.get(i) + (1 - dampening) * d;
                buf.set(i, b);
                d = nesterov ? d + momentum * b : b;
            }
            p.set(i, pi - lr * d);
        }
        Vec.touched(param);
    }
}
