package dev.nn4j.optim;

import dev.nn4j.Tensor;
import java.util.Map;

/**
 * Adamax ({@code torch.optim.Adamax}): Adam with the infinity norm, {@code u = max(b2*u, |g|+eps);
 * p -= lr/(1-b1^t) * m/u}.
 */
public final class Adamax extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options() {
            put("lr", 2e-3);
            put("betas", new double[] {0.9, 0.999});
            put("eps", 1e-8);
            put("weight_decay", 0.0);
            put("maximize", false);
        }

        public Options betas(double beta1, double beta2) { return put("betas", new double[] {beta1, beta2}); }
        public Options eps(double v) { return put("eps", v); }
    }

    public static Options options() {
        return new Options();
    }

    public Adamax(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public Adamax(Iterable<Tensor> params, Options options) {
        super(params, options.map());
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        validateAdamLike(g);
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        double lr = group.lr(), eps = group.getDouble("eps"), wd = group.getDouble("weight_decay");
        double[] betas = group.getPair("betas");
        boolean maximize = group.getBool("maximize");
        if (!state.containsKey("step")) {
            state.put("step", 0.0);
            state.put("exp_avg", zerosLike(param));
            state.put("exp_inf", zerosLike(param));
        }
        double step = number(state, "step", 0) + 1;
        state.put("step", step);
        double clr = lr / (1 - Math.pow(betas[0], step));
        Vec p = Vec.of(param), g = Vec.of(grad);
        Vec m = Vec.of((Tensor) state.get("exp_avg")), u = Vec.of((Tensor) state.get("exp_inf"));
        for (int i = 0; i < p.n; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (wd != 0) gi += wd * pi;
            double mi = betas[0] * m.get(i) + (1 - betas[0]) * gi;
            double ui = Math.max(betas[1] * u.get(i), Math.abs(gi) + eps);
            m.set(i, mi);
            u.set(i, ui);
            p.set(i, pi - clr * mi / ui);
        }
        Vec.touched(param);
    }
}
