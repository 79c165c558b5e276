package dev.nn4j.optim;

import dev.nn4j.Tensor;
import java.util.Map;

/**
 * RMSprop ({@code torch.optim.RMSprop}): {@code v = alpha*v + (1-alpha)*g^2}, step {@code g/(sqrt(v)+eps)} (centered:
 * {@code sqrt(v - mean(g)^2)}), with optional momentum and weight decay.
 */
public final class RMSprop extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options() {
            put("lr", 1e-2);
            put("alpha", 0.99);
            put("eps", 1e-8);
            put("weight_decay", 0.0);
            put("momentum", 0.0);
            put("centered", false);
            put("maximize", false);
        }

        public Options alpha(double v) { return put("alpha", v); }
        public Options eps(double v) { return put("eps", v); }
        public Options momentum(double v) { return put("momentum", v); }
        public Options centered(boolean v) { return put("centered", v); }
    }

    public static Options options() {
        return new Options();
    }

    public RMSprop(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public RMSprop(Iterable<Tensor> params, Options options) {
        super(params, options.map());
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        requireNonNegative(name(), "epsilon", g.getDouble("eps"));
        requireNonNegative(name(), "momentum", g.getDouble("momentum"));
        requireNonNegative(name(), "weight_decay", g.getDouble("weight_decay"));
        requireNonNegative(name(), "alpha", g.getDouble("alpha"));
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        double lr = group.lr(), alpha = group.getDouble("alpha"), eps = group.getDouble("eps");
        double wd = group.getDouble("weight_decay"), momentum = group.getDouble("momentum");
        boolean centered = group.getBool("centered"), maximize = group.getBool("maximize");
        if (!state.containsKey("step")) {
            state.put("step", 0.0);
            state.put("square_avg", zerosLike(param));
            if (momentum > 0) state.put("momentum_buffer", zerosLike(param));
            if (centered) state.put("grad_avg", zerosLike(param));
        }
        state.put("step", number(state, "step", 0) + 1);
        Vec p = Vec.of(param), g = Vec.of(grad), sq = Vec.of((Tensor) state.get("square_avg"));
        Vec buf = momentum > 0 ? Vec.of((Tensor) state.get("momentum_buffer")) : null;
        Vec ga = centered ? Vec.of((Tensor) state.get("grad_avg")) : null;
        for (int i = 0; i < p.n; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (wd != 0) gi += wd * pi;
            double s = alpha * sq.get(i) + (1 - alpha) * gi * gi;
            sq.set(i, s);
            double avg;
            if (ga != null) {
                double a = alpha * ga.get(i) + (1 - alpha) * gi;
                ga.set(i, a);
                avg = Math.sqrt(s - a * a) + eps;
            } else {
                avg = Math.sqrt(s) + eps;
            }
            if (buf != null) {
                double b = momentum * buf.get(i) + gi / avg;
                buf.set(i, b);
                p.set(i, pi - lr * b);
            } else {
                p.set(i, pi - lr * gi / avg);
            }
        }
        Vec.touched(param);
    }
}
