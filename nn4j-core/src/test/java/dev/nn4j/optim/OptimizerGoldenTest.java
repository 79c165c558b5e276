package dev.nn4j.optim;

import static dev.nn4j.optim.Golden.assertClose;
import static dev.nn4j.optim.Golden.list;
import static dev.nn4j.optim.Golden.map;
import static dev.nn4j.optim.Golden.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer against a PyTorch 1.13 trajectory (tools/golden/gen_training.py): two parameters of different
 * shapes in two parameter groups with different options (lr, weight decay, maximize, amsgrad, nesterov, centered,
 * lr_decay, momentum_decay, betas, eps...), seven steps, the second parameter without a gradient on one step (it
 * must keep its value and state). After the last step the optimizer's state (keys and values) must be PyTorch's.
 * In float64 the trajectory agrees to rounding; in float32 within float32 accuracy.
 */
class OptimizerGoldenTest {

    static Stream<Arguments> cases() {
        return list(Golden.training().get("optim_groups")).stream()
                .flatMap(c -> Stream.of(Arguments.of(map(c).get("id"), c, DType.FLOAT64), Arguments.of(map(c).get("id"), c, DType.FLOAT32)));
    }

    /** An optimizer by PyTorch name with PyTorch's defaults overridden by {@code args} (PyTorch keys). */
    static Optimizer create(String name, List<Tensor> params, Map<String, Object> args) {
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
            default -> throw new IllegalArgumentException(name);
        };
        options(args).forEach(o::set);
        return switch (name) {
            case "SGD" -> new SGD(params, (SGD.Options) o);
            case "Adam" -> new Adam(params, (Adam.Options) o);
            case "AdamW" -> new AdamW(params, (Adam.Options) o);
            case "RMSprop" -> new RMSprop(params, (RMSprop.Options) o);
            case "Adagrad" -> new Adagrad(params, (Adagrad.Options) o);
            case "Adadelta" -> new Adadelta(params, (Adadelta.Options) o);
            case "Adamax" -> new Adamax(params, (Adamax.Options) o);
            case "NAdam" -> new NAdam(params, (NAdam.Options) o);
            default -> new RAdam(params, (RAdam.Options) o);
        };
    }

    /** JSON option values as the optimizers take them (pairs as double[]). */
    static Map<String, Object> options(Object json) {
        Map<String, Object> out = new LinkedHashMap<>();
        map(json).forEach((k, v) -> out.put(k, v instanceof List<?> l ? Golden.doubles(l) : v));
        return out;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void trajectoryAndStateMatchPyTorch(String id, Object json, DType dtype) {
        Map<String, Object> c = map(json);
        boolean f64 = dtype == DType.FLOAT64;
        double rtol = f64 ? 1e-10 : 2e-5, atol = f64 ? 1e-12 : 2e-6;
        List<Object> start = list(c.get("params")), groups = list(c.get("groups"));
        Tensor p0 = Golden.tensor(start.get(0), dtype).requiresGrad_(true), p1 = Golden.tensor(start.get(1), dtype).requiresGrad_(true);
        Optimizer opt = create((String) c.get("optimizer"), List.of(p0), map(c.get("defaults")));
        opt.paramGroups().get(0).options().putAll(options(groups.get(0)));
        opt.addParamGroup(List.of(p1), options(groups.get(1)));
        List<Object> steps = list(c.get("steps"));
        for (int s = 0; s < steps.size(); s++) {
            Map<String, Object> step = map(steps.get(s));
            List<Object> grads = list(step.get("grads")), after = list(step.get("after"));
            p0.setGrad(Golden.tensor(grads.get(0), dtype));
            p1.setGrad(grads.get(1) == null ? null : Golden.tensor(grads.get(1), dtype));
            opt.step();
            assertClose(id + " step " + s + " param 0", after.get(0), p0, rtol, atol);
            assertClose(id + " step " + s + " param 1", after.get(1), p1, rtol, atol);
        }
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) opt.stateDict().get("state");
        List<Object> want = list(c.get("state"));
        for (int i = 0; i < want.size(); i++) {
            Map<String, Object> w = map(want.get(i)), got = state.getOrDefault(i, Map.of());
            assertEquals(new TreeSet<>(w.keySet()), new TreeSet<>(got.keySet()), id + ": state keys of param " + i);
            for (var e : w.entrySet()) {
                Object g = got.get(e.getKey());
                assertNotNull(g, e.getKey());
                String what = id + " state[" + i + "]." + e.getKey();
                if (e.getValue() instanceof Number n) {
                    assertEquals(n.doubleValue(), num(g), 1e-6 * Math.abs(n.doubleValue()), what);
                } else {
                    assertClose(what, e.getValue(), (Tensor) g, rtol, atol);
                }
            }
        }
    }
}
