package dev.nn4j.optim;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.OptimKernels;
import java.util.Map;

/**
 * Adam ({@code torch.optim.Adam}): bias-corrected first and second moment estimates, optional AMSGrad, L2 weight
 * decay added to the gradient. {@code p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)}.
 */
public class Adam extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options(double weightDecay) {
            put("lr", 1e-3);
            put("betas", new double[] {0.9, 0.999});
            put("eps", 1e-8);
            put("weight_decay", weightDecay);
            put("amsgrad", false);
            put("maximize", false);
        }

        public Options betas(double beta1, double beta2) { return put("betas", new double[] {beta1, beta2}); }
        public Options eps(double v) { return put("eps", v); }
        public Options amsgrad(boolean v) { return put("amsgrad", v); }
    }

    public static Options options() {
        return new Options(0.0);
    }

    private final boolean decoupled;

    public Adam(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public Adam(Iterable<Tensor> params, Options options) {
        this(params, options, false);
    }

    Adam(Iterable<Tensor> params, Options options, boolean decoupledWeightDecay) {
        super(params, options.map());
        this.decoupled = decoupledWeightDecay;
    }

    static Options adamWOptions() {
        return new Options(1e-2);
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        requireNonNegative(name(), "epsilon", g.getDouble("eps"));
        double[] b = g.getPair("betas");
        for (int i = 0; i < 2; i++) {
            if (!(b[i] >= 0 && b[i] < 1)) throw new IllegalArgumentException(name() + ": invalid beta parameter at index " + i + ": " + b[i]);
        }
        requireNonNegative(name(), "weight_decay", g.getDouble("weight_decay"));
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        double lr = group.lr(), eps = group.getDouble("eps"), wd = group.getDouble("weight_decay");
        double[] betas = group.getPair("betas");
        double b1 = betas[0], b2 = betas[1];
        boolean amsgrad = group.getBool("amsgrad"), maximize = group.getBool("maximize");
        if (!state.containsKey("step")) {
            state.put("step", 0.0);
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
            if (amsgrad) state.put("max_exp_avg_sq", zerosLike(param));
        }
        double step = number(state, "step", 0) + 1;
        state.put("step", step);
        if (param.dtype() == DType.FLOAT32 && param.isContiguous()) {
            // float32: PyTorch's float arithmetic in one fused vector pass
            Tensor mt = (Tensor) state.get("exp_avg"), vt = (Tensor) state.get("exp_avg_sq");
            Tensor xt = amsgrad ? (Tensor) state.get("max_exp_avg_sq") : null;
            var h = OptimKernels.AdamStep.of(lr, b1, b2, eps, wd, decoupled, maximize, step);
            OptimKernels.adam(h, param.numel(), f32(param), param.storageOffset(), f32(grad), grad.storageOffset(),
                    f32(mt), mt.storageOffset(), f32(vt), vt.storageOffset(), xt == null ? null : f32(xt),
                    xt == null ? 0 : xt.storageOffset());
            Vec.touched(param);
            return;
        }
        Vec p = Vec.of(param), g = Vec.of(grad);
        Vec m = Vec.of((Tensor) state.get("exp_avg")), v = Vec.of((Tensor) state.get("exp_avg_sq"));
        Vec vmax = amsgrad ? Vec.of((Tensor) state.get("max_exp_avg_sq")) : null;
        double bc1 = 1 - Math.pow(b1, step), bc2Sqrt = Math.sqrt(1 - Math.pow(b2, step));
        double stepSize = lr / bc1;
        for (int i = 0; i < p.n; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (decoupled) pi *= 1 - lr * wd;
            else if (wd != 0) gi += wd * pi;
            double mi = b1 * m.get(i) + (1 - b1) * gi;
            double vi = b2 * v.get(i) + (1 - b2) * gi * gi;
            m.set(i, mi);
            v.set(i, vi);
            double denomV = vi;
            if (vmax != null) {
                denomV = Math.max(vmax.get(i), vi);
                vmax.set(i, denomV);
            }
            p.set(i, pi - stepSize * mi / (Math.sqrt(denomV) / bc2Sqrt + eps));
        }
        Vec.touched(param);
    }
}
