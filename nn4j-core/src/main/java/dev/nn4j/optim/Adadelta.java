package dev.nn4j.optim;

import dev.nn4j.Tensor;
import java.util.Map;

/**
 * Adadelta ({@code torch.optim.Adadelta}): {@code v = rho*v + (1-rho)*g^2; d = sqrt(u+eps)/sqrt(v+eps)*g;
 * u = rho*u + (1-rho)*d^2; p -= lr*d}.
 */
public final class Adadelta extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options() {
            put("lr", 1.0);
            put("rho", 0.9);
            put("eps", 1e-6);
            put("weight_decay", 0.0);
            put("maximize", false);
        }

        public Options rho(double v) { return put("rho", v); }
        public Options eps(double v) { return put("eps", v); }
    }

    public static Options options() {
        return new Options();
    }

    public Adadelta(Iterable<Tensor> params) {
        this(params, options());
    }

    public Adadelta(Iterable<Tensor> params, Options options) {
        super(params, options.map());
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        double rho = g.getDouble("rho");
        if (!(rho >= 0 && rho <= 1)) throw new IllegalArgumentException("Adadelta: invalid rho value: " + rho);
        requireNonNegative(name(), "epsilon", g.getDouble("eps"));
        requireNonNegative(name(), "weight_decay", g.getDouble("weight_decay"));
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        double lr = group.lr(), rho = group.getDouble("rho"), eps = group.getDouble("eps"), wd = group.getDouble("weight_decay");
        boolean maximize = group.getBool("maximize");
        if (!state.containsKey("step")) {
            state.put("step", 0.0);
            state.put("square_avg", zerosLike(param));
            state.put("acc_delta", zerosLike(param));
        }
        state.put("step", number(state, "step", 0) + 1);
        Vec p = Vec.of(param), g = Vec.of(grad);
        Vec sq = Vec.of((Tensor) state.get("square_avg")), acc = Vec.of((Tensor) state.get("acc_delta"));
        for (int i = 0; i < p.n; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (wd != 0) gi += wd * pi;
            double s = rho * sq.get(i) + (1 - rho) * gi * gi;
            sq.set(i, s);
            double delta = Math.sqrt(acc.get(i) + eps) / Math.sqrt(s + eps) * gi;
            acc.set(i, rho * acc.get(i) + (1 - rho) * delta * delta);
            p.set(i, pi - lr * delta);
        }
        Vec.touched(param);
    }
}
