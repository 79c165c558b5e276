package dev.nn4j.reliability;

import static dev.nn4j.reliability.BadCalls.ISE;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.optim.Adadelta;
import dev.nn4j.optim.Adagrad;
import dev.nn4j.optim.Adam;
import dev.nn4j.optim.AdamW;
import dev.nn4j.optim.LBFGS;
import dev.nn4j.optim.Optimizer;
import dev.nn4j.optim.RMSprop;
import dev.nn4j.optim.SGD;
import dev.nn4j.optim.lr.ConstantLR;
import dev.nn4j.optim.lr.CosineAnnealingLR;
import dev.nn4j.optim.lr.CosineAnnealingWarmRestarts;
import dev.nn4j.optim.lr.CyclicLR;
import dev.nn4j.optim.lr.LinearLR;
import dev.nn4j.optim.lr.OneCycleLR;
import dev.nn4j.optim.lr.ReduceLROnPlateau;
import dev.nn4j.optim.lr.SequentialLR;
import dev.nn4j.optim.lr.StepLR;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Bad hyper-parameters and misuse of optimizers and learning-rate schedulers. */
class OptimBadCallsTest {
    private static List<Tensor> params() {
        return List.of(Tensor.zeros(3).requiresGrad_(true));
    }

    private static Optimizer sgd() {
        return new SGD(params(), SGD.options().lr(0.1).momentum(0.9));
    }

    @TestFactory
    List<DynamicTest> optimizers() {
        BadCalls t = new BadCalls();
        t.iae("SGD negative lr", () -> new SGD(params(), -0.1), "SGD", "learning rate", "-0.1");
        t.iae("SGD NaN lr", () -> new SGD(params(), Double.NaN), "SGD", "learning rate", "NaN");
        t.iae("SGD negative momentum", () -> new SGD(params(), SGD.options().momentum(-1)), "SGD", "momentum", "-1");
        t.iae("SGD negative weight decay", () -> new SGD(params(), SGD.options().weightDecay(-1e-4)), "SGD", "weight_decay", "-1.0E-4");
        t.iae("SGD nesterov without momentum", () -> new SGD(params(), SGD.options().nesterov(true)), "SGD", "Nesterov");
        t.iae("Adam beta1 = 1", () -> new Adam(params(), Adam.options().betas(1.0, 0.999)), "Adam", "beta parameter at index 0", "1.0");
        t.iae("Adam negative beta2", () -> new Adam(params(), Adam.options().betas(0.9, -0.1)), "Adam", "index 1", "-0.1");
        t.iae("Adam negative eps", () -> new Adam(params(), Adam.options().eps(-1e-8)), "Adam", "epsilon", "-1.0E-8");
        t.iae("Adam negative lr", () -> new Adam(params(), -1e-3), "Adam", "learning rate", "-0.001");
        t.iae("AdamW betas", () -> new AdamW(params(), AdamW.options().betas(0.9, 1.5)), "AdamW", "1.5");
        t.iae("RMSprop alpha", () -> new RMSprop(params(), RMSprop.options().alpha(-0.5)), "RMSprop", "alpha", "-0.5");
        t.iae("Adagrad lr_decay", () -> new Adagrad(params(), Adagrad.options().lrDecay(-1)), "Adagrad", "lr_decay", "-1");
        t.iae("Adadelta rho", () -> new Adadelta(params(), Adadelta.options().rho(1.5)), "Adadelta", "rho", "1.5");
        t.iae("unknown option", () -> SGD.options().set("betas", 0.9), "SGD", "'betas'", "momentum");
        t.iae("option of the wrong type", () -> new SGD(params(), SGD.options().set("momentum", "fast")), "momentum", "fast");
        t.iae("empty parameter list", () -> new SGD(List.of(), 0.1), "SGD", "empty parameter list");
        t.iae("null parameter list", () -> new SGD(null, 0.1), "SGD", "null");
        t.iae("null parameter", () -> new SGD(java.util.Arrays.asList(Tensor.zeros(2).requiresGrad_(true), null), 0.1), "SGD", "null");
        t.iae("integer parameter", () -> new SGD(List.of(Tensor.zeros(DType.INT64, 2)), 0.1), "SGD", "floating point", "int64");
        t.iae("non-leaf parameter", () -> new SGD(List.of(Tensor.ones(2).requiresGrad_(true).mul(2)), 0.1), "SGD", "non-leaf");
        t.iae("parameter in two groups", () -> {
            List<Tensor> p = params();
            new SGD(p, 0.1).addParamGroup(p, Map.of());
        }, "SGD", "more than one parameter group");
        t.iae("group with negative lr", () -> sgd().addParamGroup(params(), Map.of("lr", -1.0)), "SGD", "learning rate", "-1");
        t.row("LBFGS without closure", ISE, () -> new LBFGS(params()).step(), "LBFGS", "closure");
        t.iae("loadStateDict missing keys", () -> sgd().loadStateDict(Map.of()), "SGD", "loadStateDict", "'state'", "'param_groups'");
        t.iae("loadStateDict group count", () -> sgd().loadStateDict(Map.of("state", Map.of(), "param_groups", List.of())),
                "SGD", "loadStateDict", "number of parameter groups");
        t.iae("loadStateDict group size", () -> {
            Map<String, Object> sd = sgd().stateDict();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) sd.get("param_groups");
            Map<String, Object> g = new LinkedHashMap<>(groups.get(0));
            g.put("params", List.of(0, 1));
            sgd().loadStateDict(Map.of("state", Map.of(), "param_groups", List.of(g)));
        }, "SGD", "loadStateDict", "doesn't match the size");
        t.iae("loadStateDict wrong types", () -> sgd().loadStateDict(Map.of("state", List.of(), "param_groups", "x")),
                "SGD", "loadStateDict");
        return t.tests();
    }

    @TestFactory
    List<DynamicTest> schedulers() {
        BadCalls t = new BadCalls();
        t.iae("StepLR step_size 0", () -> new StepLR(sgd(), 0), "StepLR", "step_size", "0");
        t.iae("CosineAnnealingLR T_max", () -> new CosineAnnealingLR(sgd(), -1), "CosineAnnealingLR", "T_max", "-1");
        t.iae("CosineAnnealingWarmRestarts T_0", () -> new CosineAnnealingWarmRestarts(sgd(), 0), "CosineAnnealingWarmRestarts", "T_0", "0");
        t.iae("CosineAnnealingWarmRestarts T_mult", () -> new CosineAnnealingWarmRestarts(sgd(), 2, 0, 0), "CosineAnnealingWarmRestarts", "T_mult", "0");
        t.iae("CosineAnnealingWarmRestarts negative epoch", () -> new CosineAnnealingWarmRestarts(sgd(), 2).step(-1),
                "CosineAnnealingWarmRestarts", "epoch", "-1");
        t.iae("ConstantLR factor", () -> new ConstantLR(sgd(), 1.5, 3), "ConstantLR", "1.5");
        t.iae("LinearLR start factor", () -> new LinearLR(sgd(), 0, 1, 3), "LinearLR", "starting multiplicative factor", "0");
        t.iae("LinearLR end factor", () -> new LinearLR(sgd(), 0.5, 2, 3), "LinearLR", "ending", "2");
        t.iae("OneCycleLR no length", () -> new OneCycleLR(sgd(), 1, OneCycleLR.options()), "OneCycleLR", "total_steps");
        t.iae("OneCycleLR negative length", () -> new OneCycleLR(sgd(), 1, OneCycleLR.options().totalSteps(-3)), "OneCycleLR", "total_steps");
        t.iae("OneCycleLR pct_start", () -> new OneCycleLR(sgd(), 1, OneCycleLR.options().totalSteps(10).pctStart(1.5)), "OneCycleLR", "pct_start", "1.5");
        t.iae("OneCycleLR anneal", () -> new OneCycleLR(sgd(), 1, OneCycleLR.options().totalSteps(10).annealStrategy("exp")), "OneCycleLR", "exp");
        t.row("OneCycleLR stepping past the end", ISE, () -> {
            var s = new OneCycleLR(sgd(), 1, OneCycleLR.options().totalSteps(2));
            for (int i = 0; i < 3; i++) s.step();
        }, "OneCycleLR", "tried to step 3 times", "total steps is 2");
        t.iae("OneCycleLR momentum without momentum", () -> new OneCycleLR(new Adagrad(params(), 0.1), 1, OneCycleLR.options().totalSteps(5)),
                "OneCycleLR", "momentum");
        t.iae("CyclicLR mode", () -> new CyclicLR(sgd(), 0.01, 0.1, CyclicLR.options().mode("sawtooth")), "CyclicLR", "sawtooth");
        t.iae("CyclicLR zero cycle", () -> new CyclicLR(sgd(), 0.01, 0.1, CyclicLR.options().stepSizeUp(0).stepSizeDown(0)), "CyclicLR", "step_size");
        t.iae("ReduceLROnPlateau factor", () -> new ReduceLROnPlateau(sgd(), ReduceLROnPlateau.options().factor(1.0)), "ReduceLROnPlateau", "factor", "1.0");
        t.iae("ReduceLROnPlateau mode", () -> new ReduceLROnPlateau(sgd(), ReduceLROnPlateau.options().mode("up")), "ReduceLROnPlateau", "up");
        t.iae("SequentialLR milestones", () -> {
            Optimizer o = sgd();
            new SequentialLR(o, List.of(new StepLR(o, 2), new StepLR(o, 3)), new int[0]);
        }, "SequentialLR", "one more than the number of milestone");
        t.iae("SequentialLR other optimizer", () -> {
            Optimizer o = sgd();
            new SequentialLR(o, List.of(new StepLR(o, 2), new StepLR(sgd(), 3)), new int[] {2});
        }, "SequentialLR", "same optimizer");
        t.iae("scheduler of no optimizer", () -> new StepLR(null, 2), "StepLR", "optimizer", "null");
        return t.tests();
    }
}
