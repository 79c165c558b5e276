package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn4j.Tensor;
import dev.nn4j.optim.Adadelta;
import dev.nn4j.optim.Adagrad;
import dev.nn4j.optim.Adam;
import dev.nn4j.optim.AdamW;
import dev.nn4j.optim.Adamax;
import dev.nn4j.optim.LBFGS;
import dev.nn4j.optim.NAdam;
import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.OptimizerOptions;
import dev.nn4j.optim.RAdam;
import dev.nn4j.optim.RMSprop;
import dev.nn4j.optim.SGD;
import dev.nn4j.optim.lr.ConstantLR;
import dev.nn4j.optim.lr.CosineAnnealingLR;
import dev.nn4j.optim.lr.CosineAnnealingWarmRestarts;
import dev.nn4j.optim.lr.CyclicLR;
import dev.nn4j.optim.lr.ExponentialLR;
import dev.nn4j.optim.lr.LRScheduler;
import dev.nn4j.optim.lr.LinearLR;
import dev.nn4j.optim.lr.MultiStepLR;
import dev.nn4j.optim.lr.OneCycleLR;
import dev.nn4j.optim.lr.PolynomialLR;
import dev.nn4j.optim.lr.ReduceLROnPlateau;
import dev.nn4j.optim.lr.StepLR;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/** Optimizer trajectories ("optim") and learning-rate curves ("sched"). */
final class TrainingCases {
    private TrainingCases() {}

    static void register(Registry r) {
        r.kind("optim", TrainingCases::runOptim);
        r.kind("sched", TrainingCases::runSched);
    }

    /**
     * PyTorch's switches between implementations of the same update (multi-tensor loops, CUDA graphs, autograd
     * through the step, fused kernels): they change no value, and nn4j has one implementation.
     */
    private static final java.util.Set<String> IMPLEMENTATION_FLAGS = java.util.Set.of("foreach", "capturable", "differentiable", "fused");

    /** Builds an optimizer from PyTorch's name and keyword arguments (every option, by its PyTorch key). */
    static Optimizer optimizer(String name, List<Tensor> params, JsonNode args) {
        OptimizerOptions<?> o = switch (name) {
            case "SGD" -> SGD.options();
            case "Adam" -> Adam.options();
            case "AdamW" -> AdamW.options();
            case "RMSprop" -> RMSprop.options();
            case "Adagrad" -> Adagrad.options();
            case "Adadelta" -> Adadelta.options();
            case "Adamax" -> Adamax.options();
            case "NAdam" -> NAdam.options();
            case "RAdam" -> RAdam.options();
            case "LBFGS" -> LBFGS.options();
            default -> null;
        };
        if (o == null) return null;
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (IMPLEMENTATION_FLAGS.contains(e.getKey())) continue;
            Object value;
            if (v.isArray()) {
                double[] d = new double[v.size()];
                for (int i = 0; i < d.length; i++) d[i] = v.get(i).asDouble();
                value = d;
            } else if (v.isBoolean()) {
                value = v.asBoolean();
            } else if (v.isNull()) {
                continue;
            } else if (v.isTextual()) {
                value = v.asText(); // e.g. LBFGS's line_search_fn
            } else {
                value = v.asDouble();
            }
            o.set(e.getKey(), value);
        }
        return switch (name) {
            case "SGD" -> new SGD(params, (SGD.Options) o);
            case "Adam" -> new Adam(params, (Adam.Options) o);
            case "AdamW" -> new AdamW(params, (Adam.Options) o);
            case "RMSprop" -> new RMSprop(params, (RMSprop.Options) o);
            case "Adagrad" -> new Adagrad(params, (Adagrad.Options) o);
            case "Adadelta" -> new Adadelta(params, (Adadelta.Options) o);
            case "Adamax" -> new Adamax(params, (Adamax.Options) o);
            case "NAdam" -> new NAdam(params, (NAdam.Options) o);
            case "RAdam" -> new RAdam(params, (RAdam.Options) o);
            default -> new LBFGS(params, (LBFGS.Options) o);
        };
    }

    private static Outcome runOptim(JsonNode c) {
        Tensor p = CaseTensors.read(c.get("param")).requiresGrad_(true);
        Optimizer opt = optimizer(c.get("optimizer").asText(), List.of(p), c.get("args"));
        if (opt == null) return Outcome.skip("optimizer not implemented: " + c.get("optimizer").asText());
        double atol = c.path("tol").path("atol").asDouble(), rtol = c.path("tol").path("rtol").asDouble();
        JsonNode grads = c.get("grads"), after = c.get("params_after");
        for (int i = 0; i < grads.size(); i++) {
            p.setGrad(CaseTensors.read(grads.get(i)));
            opt.step();
            String e = CaseTensors.compare(p, after.get(i), atol, rtol);
            if (e != null) return Outcome.fail("step " + i + ": " + e);
        }
        return Outcome.pass();
    }

    private static Outcome runSched(JsonNode c) {
        Tensor p = Tensor.zeros(1).requiresGrad_(true);
        SGD opt = new SGD(List.of(p), c.get("base_lr").asDouble());
        Args a = new Args(c.get("args"));
        String name = c.get("scheduler").asText();
        DoubleConsumer step;
        if (name.equals("ReduceLROnPlateau")) {
            var o = ReduceLROnPlateau.options().mode(a.getString("mode", "min")).factor(a.getDouble("factor", 0.1))
                    .patience(a.getInt("patience", 10)).threshold(a.getDouble("threshold", 1e-4))
                    .thresholdMode(a.getString("threshold_mode", "rel")).cooldown(a.getInt("cooldown", 0))
                    .minLr(a.getDouble("min_lr", 0)).eps(a.getDouble("eps", 1e-8));
            ReduceLROnPlateau s = new ReduceLROnPlateau(opt, o);
            step = s::step;
        } else {
            LRScheduler s = scheduler(name, opt, a);
            if (s == null) return Outcome.skip("scheduler not implemented: " + name);
            step = m -> s.step();
        }
        double atol = c.path("tol").path("atol").asDouble(), rtol = c.path("tol").path("rtol").asDouble();
        JsonNode lrs = c.get("lrs"), metrics = c.get("metrics");
        for (int e = 0; e < lrs.size(); e++) {
            double got = opt.paramGroups().get(0).lr(), want = lrs.get(e).asDouble();
            if (Math.abs(got - want) > atol + rtol * Math.abs(want)) return Outcome.fail("epoch " + e + ": " + got + " vs " + want);
            opt.step();
            step.accept(metrics != null && !metrics.isNull() ? metrics.get(e).asDouble() : Double.NaN);
        }
        return Outcome.pass();
    }

    static LRScheduler scheduler(String name, Optimizer opt, Args a) {
        return switch (name) {
            case "StepLR" -> new StepLR(opt, a.getInt("step_size", 1), a.getDouble("gamma", 0.1));
            case "MultiStepLR" -> new MultiStepLR(opt, a.getInts("milestones", new int[0]), a.getDouble("gamma", 0.1));
            case "ExponentialLR" -> new ExponentialLR(opt, a.getDouble("gamma", 0.1));
            case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, a.getInt("T_max", 1), a.getDouble("eta_min", 0));
            case "CosineAnnealingWarmRestarts" -> new CosineAnnealingWarmRestarts(opt, a.getInt("T_0", 1), a.getInt("T_mult", 1), a.getDouble("eta_min", 0));
            case "LinearLR" -> new LinearLR(opt, a.getDouble("start_factor", 1.0 / 3), a.getDouble("end_factor", 1.0), a.getInt("total_iters", 5));
            case "ConstantLR" -> new ConstantLR(opt, a.getDouble("factor", 1.0 / 3), a.getInt("total_iters", 5));
            case "PolynomialLR" -> new PolynomialLR(opt, a.getInt("total_iters", 5), a.getDouble("power", 1.0));
            case "OneCycleLR" -> new OneCycleLR(opt, a.getDouble("max_lr", 0), OneCycleLR.options()
                    .totalSteps(a.getInt("total_steps", -1)).epochs(a.getInt("epochs", -1)).stepsPerEpoch(a.getInt("steps_per_epoch", -1))
                    .pctStart(a.getDouble("pct_start", 0.3)).annealStrategy(a.getString("anneal_strategy", "cos"))
                    .cycleMomentum(a.getBool("cycle_momentum", true)).baseMomentum(a.getDouble("base_momentum", 0.85))
                    .maxMomentum(a.getDouble("max_momentum", 0.95)).divFactor(a.getDouble("div_factor", 25))
                    .finalDivFactor(a.getDouble("final_div_factor", 1e4)).threePhase(a.getBool("three_phase", false)));
            case "CyclicLR" -> {
                var o = CyclicLR.options().stepSizeUp(a.getInt("step_size_up", 2000)).mode(a.getString("mode", "triangular"))
                        .gamma(a.getDouble("gamma", 1.0)).cycleMomentum(a.getBool("cycle_momentum", true))
                        .baseMomentum(a.getDouble("base_momentum", 0.8)).maxMomentum(a.getDouble("max_momentum", 0.9));
                if (a.has("step_size_down")) o.stepSizeDown(a.getInt("step_size_down", 0));
                yield new CyclicLR(opt, a.getDouble("base_lr", 0), a.getDouble("max_lr", 0), o);
            }
            default -> null;
        };
    }
}
