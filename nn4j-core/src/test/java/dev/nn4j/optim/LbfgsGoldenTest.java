package dev.nn4j.optim;

import static dev.nn4j.optim.Golden.assertClose;
import static dev.nn4j.optim.Golden.list;
import static dev.nn4j.optim.Golden.map;
import static dev.nn4j.optim.Golden.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * L-BFGS with a closure against PyTorch 1.13 (tools/golden/gen_training.py), float64: two parameters of different
 * shapes (a vector in a Rosenbrock valley or a quadratic bowl, and a matrix in a weighted quadratic), small
 * history sizes, max_eval below max_iter, tolerances that stop the inner loop early. After every step the
 * parameters, the returned loss (the closure's first value) and the number of closure evaluations are PyTorch's.
 */
class LbfgsGoldenTest {
    private static final Map<String, Object> G = map(Golden.training().get("lbfgs"));
    private static final Tensor Q = Golden.tensor(G.get("Q"), DType.FLOAT64), T = Golden.tensor(G.get("T"), DType.FLOAT64);
    private static final Tensor A = Golden.tensor(G.get("A"), DType.FLOAT64), B = Golden.tensor(G.get("B"), DType.FLOAT64);

    static Stream<Arguments> cases() {
        return list(G.get("cases")).stream().map(c -> Arguments.of(map(c).get("id"), c));
    }

    /** Rosenbrock on x (4) plus the weighted quadratic on w (2, 3): {@code rosen_plus} of the script. */
    static Tensor rosenPlus(Tensor x, Tensor w) {
        int n = x.size(0) - 1;
        Tensor head = x.narrow(0, 0, n), tail = x.narrow(0, 1, n);
        Tensor rosen = tail.sub(head.pow(2)).pow(2).mul(100).add(head.rsub(1).pow(2)).sum();
        return rosen.add(Q.mul(w.sub(T).pow(2)).sum());
    }

    /** 0.5 x'Ax - b'x on x (3) plus the weighted quadratic on w: {@code quadratic} of the script. */
    static Tensor quadratic(Tensor x, Tensor w) {
        return x.mul(A.matmul(x)).sum().mul(0.5).sub(B.mul(x).sum()).add(Q.mul(w.sub(T).pow(2)).sum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trajectoryMatchesPyTorch(String id, Object json) {
        Map<String, Object> c = map(json);
        Tensor x = Tensor.fromArray(Golden.doubles(c.get("x0")), list(c.get("x0")).size()).requiresGrad_(true);
        Tensor w = Tensor.zeros(DType.FLOAT64, 2, 3).requiresGrad_(true);
        LBFGS.Options o = LBFGS.options();
        map(c.get("options")).forEach(o::set);
        LBFGS opt = new LBFGS(List.of(x, w), o);
        boolean rosen = c.get("problem").equals("rosen_plus");
        int[] evals = {0};
        Supplier<Tensor> closure = () -> {
            evals[0]++;
            opt.zeroGrad();
            Tensor loss = rosen ? rosenPlus(x, w) : quadratic(x, w);
            loss.backward();
            return loss;
        };
        List<Object> steps = list(c.get("steps"));
        for (int s = 0; s < steps.size(); s++) {
            Map<String, Object> want = map(steps.get(s));
            Tensor loss = opt.step(closure);
            String at = id + " step " + s;
            assertEquals(num(want.get("loss")), loss.item(), 1e-9 * Math.abs(num(want.get("loss"))) + 1e-12, at + ": returned loss");
            assertClose(at + " x", list(want.get("after")).get(0), x, 1e-8, 1e-12);
            assertClose(at + " w", list(want.get("after")).get(1), w, 1e-8, 1e-12);
            assertEquals((int) num(want.get("func_evals")), opt.funcEvals(), at + ": closure evaluations so far");
            assertEquals((int) num(want.get("func_evals")), evals[0], at + ": closure calls");
        }
    }

    /** Runs {@code steps} steps of L-BFGS on rosenPlus from a fixed start; resumes from a state dict after {@code split} of them. */
    private static Tensor[] run(LBFGS.Options o, int steps, int split) {
        Tensor x = Tensor.of(-0.5, 0.8, 0.6, 1.2).requiresGrad_(true), w = Tensor.zeros(DType.FLOAT64, 2, 3).requiresGrad_(true);
        LBFGS opt = new LBFGS(List.of(x, w), o);
        for (int s = 0; s < steps; s++) {
            if (s == split) {
                Map<String, Object> sd = opt.stateDict();
                opt = new LBFGS(List.of(x, w), LBFGS.options().lr(99).historySize(1)); // fresh, with other options
                opt.loadStateDict(sd);
            }
            LBFGS cur = opt;
            cur.step(() -> {
                cur.zeroGrad();
                Tensor l = rosenPlus(x, w);
                l.backward();
                return l;
            });
        }
        return new Tensor[] {x, w, Tensor.scalar((long) opt.funcEvals())};
    }

    @Test
    void resumingFromAStateDictIsExact() {
        for (LBFGS.Options o : List.of(LBFGS.options().maxIter(4).historySize(3), LBFGS.options().maxIter(5).historySize(4).lineSearchFn("strong_wolfe"))) {
            Tensor[] straight = run(o, 6, -1);
            for (int split : new int[] {0, 1, 3}) {
                Tensor[] resumed = run(o, 6, split);
                for (int i = 0; i < 3; i++) assertTrue(straight[i].equal(resumed[i]), "split at " + split + ", tensor " + i + ": " + resumed[i] + " vs " + straight[i]);
            }
            Tensor[] noState = run(o, 2, -1), fresh = run(o, 1, -1);
            assertTrue(!noState[0].equal(fresh[0]));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) ((Map<Integer, Object>) new LBFGS(List.of(Tensor.zeros(1).requiresGrad_(true))).stateDict().get("state")).get(0);
        assertEquals(0, s.get("func_evals"));
    }

    @Test
    void unknownLineSearchIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LBFGS(List.of(Tensor.zeros(1).requiresGrad_(true)), LBFGS.options().lineSearchFn("backtracking")));
        assertTrue(e.getMessage().contains("only 'strong_wolfe' is supported"), e.getMessage());
    }

    @Test
    void cubicInterpolationFindsTheMinimumOfACubic() {
        // f(x) = (x - 1)^2 (x + 2) + 3 has its local minimum at x = 1: f(0) = 5, f'(0) = -3, f(2) = 7, f'(2) = 9
        assertEquals(1.0, LBFGS.cubicInterpolate(0, 5, -3, 2, 7, 9, 0, 2), 1e-12);
        assertEquals(1.0, LBFGS.cubicInterpolate(2, 7, 9, 0, 5, -3, 0, 2), 1e-12, "either order");
        assertEquals(1.5, LBFGS.cubicInterpolate(0, 5, -3, 2, 7, 9, 1.5, 2), "clamped to the bounds");
        assertEquals(1.0, LBFGS.cubicInterpolate(0, 0, 1, 2, 4.0 / 3, 1, 0, 2), "no real minimum: the middle");
    }

    @Test
    void maxEvalDefaultsToFiveQuartersOfMaxIterWhateverTheOrder() {
        assertEquals(25.0, num(LBFGS.options().map().get("max_eval")));
        assertEquals(6.0, num(LBFGS.options().maxIter(5).map().get("max_eval")), "5 * 5 // 4");
        assertEquals(6.0, num(LBFGS.options().set("max_iter", 5.0).map().get("max_eval")), "set() by PyTorch name");
        assertEquals(3.0, num(LBFGS.options().maxEval(3).maxIter(10).map().get("max_eval")), "an explicit max_eval stays");
        assertEquals(3.0, num(LBFGS.options().maxIter(10).maxEval(3).map().get("max_eval")));
    }

    @Test
    void stepWithoutClosureAndParameterGroupsAreRejected() {
        Tensor x = Tensor.zeros(3).requiresGrad_(true);
        LBFGS opt = new LBFGS(List.of(x));
        var e = assertThrows(IllegalStateException.class, opt::step);
        assertTrue(e.getMessage().contains("closure"), e.getMessage());
    }

    @Test
    void stopsAtOnceWhenTheGradientIsBelowToleranceGrad() {
        Tensor x = Tensor.of(1.0, 1.0, 1.0, 1.0).requiresGrad_(true); // Rosenbrock's minimum
        Tensor w = T.clone().requiresGrad_(true);
        LBFGS opt = new LBFGS(List.of(x, w));
        Tensor loss = opt.step(() -> {
            opt.zeroGrad();
            Tensor l = rosenPlus(x, w);
            l.backward();
            return l;
        });
        assertEquals(0.0, loss.item());
        assertEquals(1, opt.funcEvals());
        assertTrue(x.allclose(Tensor.of(1.0, 1.0, 1.0, 1.0)));
    }
}
