package dev.nn4j.optim;

import dev.nn4j.Tensor;
import java.util.Map;

/**
 * Adagrad ({@code torch.optim.Adagrad}): {@code sum += g^2; p -= lr/(1+(t-1)*lr_decay) * g/(sqrt(sum)+eps)}.
 */
public final class Adagrad extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        Options() {
            put("lr", 1e-2);
            put("lr_decay", 0.0);
            put("weight_decay", 0.0);
            put("initial_accumulator_value", 0.0);
            put("eps", 1e-10);
            put("maximize", false);
        }

        public Options lrDecay(double v) { return put("lr_decay", v); }
        public Options initialAccumulatorValue(double v) { return put("initial_accumulator_value", v); }
        public Options eps(double v) { return put("eps", v); }
    }

    public static Options options() {
        return new Options();
    }

    public Adagrad(Iterable<Tensor> params, double lr) {
        this(params, options().lr(lr));
    }

    public Adagrad(Iterable<Tensor> params, Options options) {
        super(params, options.map());
    }

    @Override
    protected void validate(ParamGroup g) {
        super.validate(g);
        requireNonNegative(name(), "lr_decay", g.getDouble("lr_decay"));
        requireNonNegative(name(), "weight_decay", g.getDouble("weight_decay"));
        requireNonNegative(name(), "initial_accumulator_value", g.getDouble("initial_accumulator_value"));
        requireNonNegative(name(), "epsilon", g.getDouble("eps"));
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        double lr = group.lr(), lrDecay = group.getDouble("lr_decay"), wd = group.getDouble("weight_decay");
        double eps = group.getDouble("eps");
        boolean maximize = group.getBool("maximize");
        if (!state.containsKey("step")) {
            state.put("step", 0.0);
            state.put("sum", zerosLike(param).fill_(group.getDouble("initial_accumulator_value")));
        }
        double step = number(state, "step", 0) + 1;
        state.put("step", step);
        double clr = lr / (1 + (step - 1) * lrDecay);
        Vec p = Vec.of(param), g = Vec.of(grad), sum = Vec.of((Tensor) state.get("sum"));
        for (int i = 0; i < p.n; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (wd != 0) gi += wd * pi;
            double s = sum.get(i) + gi * gi;
            sum.set(i, s);
            p.set(i, pi - clr * gi / (Math.sqrt(s) + eps));
        }
        Vec.touched(param);
    }
}
