package dev.nn4j.optim;

import dev.nn4j.Tensor;
import java.util.Map;

/**
 * RAdam ({@code torch.optim.RAdam}): Adam whose adaptive step is switched on, with a variance rectification
 * term, once the approximated SMA length {@code rho_t} exceeds 5.
 */
public final class RAdam extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options() {
            put("lr", 1e-3);
            put("betas", new double[] {0.9, 0.999});
            put("eps", 1e-8);
            put("weight_decay", 0.0);
        }

        public Options betas(double beta1, double beta2) { return put("betas", new double[] {beta1, beta2}); }
        public Options eps(double v) { return put("eps", v); }
    }

    public static Options options() {
        return new Options();
    }

    public RAdam(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public RAdam(Iterable<Tensor> params, Options options) {
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
        double b1 = betas[0], b2 = betas[1];
        if (!state.containsKey("step")) {
            state.put("step", 0.0);
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
        }
        double step = number(state, "step", 0) + 1;
        state.put("step", step);
        double bc1 = 1 - Math.pow(b1, step), bc2 = 1 - Math.pow(b2, step);
        double rhoInf = 2 / (1 - b2) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(b2, step) / bc2;
        double rect = rhoT > 5
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        Vec p = Vec.of(param), g = Vec.of(grad);
        Vec m = Vec.of((Tensor) state.get("exp_avg")), v = Vec.of((Tensor) state.get("exp_avg_sq"));
        for (int i = 0; i < p.n; i++) {
            double gi = g.get(i);
            double pi = p.get(i);
            if (wd != 0) gi += wd * pi;
            double mi = b1 * m.get(i) + (1 - b1) * gi;
            double vi = b2 * v.get(i) + (1 - b2) * gi * gi;
            m.set(i, mi);
            v.set(i, vi);
            double corrected = mi / bc1;
            if (rhoT > 5) {
                double adaptive = Math.sqrt(bc2) / (Math.sqrt(vi) + eps);
                p.set(i, pi - corrected * lr * adaptive * rect);
            } else {
                p.set(i, pi - corrected * lr);
            }
        }
        Vec.touched(param);
    }
}
