package dev.nn4j.optim;

import dev.nn4j.Tensor;
import java.util.Map;

/**
 * NAdam ({@code torch.optim.NAdam}): Adam with Nesterov momentum and the momentum-decay schedule
 * {@code mu_t = b1 * (1 - 0.5 * 0.96^(t * momentum_decay))}.
 */
public final class NAdam extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options() {
            put("lr", 2e-3);
            put("betas", new double[] {0.9, 0.999});
            put("eps", 1e-8);
            put("weight_decay", 0.0);
            put("momentum_decay", 4e-3);
        }

        public Options betas(double beta1, double beta2) { return put("betas", new double[] {beta1, beta2}); }
        public Options eps(double v) { return put("eps", v); }
        public Options momentumDecay(double v) { return put("momentum_decay", v); }
    }

    public static Options options() {
        return new Options();
    }

    public NAdam(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public NAdam(Iterable<Tensor> params, Options options) {
        super(params, options.map());
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        validateAdamLike(g);
        requireNonNegative(name(), "momentum_decay", g.getDouble("momentum_decay"));
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        double lr = group.lr(), eps = group.getDouble("eps"), wd = group.getDouble("weight_decay");
        double md = group.getDouble("momentum_decay");
        double[] betas = group.getPair("betas");
        double b1 = betas[0], b2 = betas[1];
        if (!state.containsKey("step")) {
            state.put("step", 0.0);
            state.put("mu_product", 1.0);
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
        }
        double step = number(state, "step", 0) + 1;
        state.put("step", step);
        double bc2 = 1 - Math.pow(b2, step);
        double mu = b1 * (1 - 0.5 * Math.pow(0.96, step * md));
        double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * md));
        // PyTorch keeps mu_product in a float32 tensor whatever the parameter's dtype, so the products round to
        // float; computing them in double would drift from its trajectories (visible in float64)
        float muProductF = (float) number(state, "mu_product", 1) * (float) mu;
        double muProduct = muProductF;
        state.put("mu_product", muProduct);
        // PyTorch 1.13 multiplies mu in twice here; we match the reference trajectory it defines
        double muProductNext = muProductF * (float) mu * (float) muNext;
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
            double denom = Math.sqrt(vi / bc2) + eps;
            pi -= lr * (1 - mu) / (1 - muProduct) * gi / denom;
            pi -= lr * muNext / (1 - muProductNext) * mi / denom;
            p.set(i, pi);
        }
        Vec.touched(param);
    }
}
