package dev.nn4j.optim;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * L-BFGS ({@code torch.optim.LBFGS}, without line search): quasi-Newton steps from the last
 * {@code history_size} curvature pairs, up to {@code max_iter} closure evaluations per {@link #step(Supplier)}.
 * Needs a closure that zeroes the gradients, computes the loss and calls backward.
 */
public final class LBFGS extends Optimizer {

    /** Hyper-parameters with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {
        private boolean maxEvalGiven;

        Options() {
            put("lr", 1.0);
            put("max_iter", 20.0);
            put("max_eval", 25.0);
            put("tolerance_grad", 1e-7);
            put("tolerance_change", 1e-9);
            put("history_size", 100.0);
            maxEvalGiven = false;
        }

        @Override
        protected Options put(String key, Object value) {
            if (key.equals("max_eval")) maxEvalGiven = true;
            return super.put(key, value);
        }

        /** Unless max_eval was given, it is {@code max_iter * 5 // 4}, as PyTorch derives it (whatever the order of the setters). */
        @Override
        public Map<String, Object> map() {
            Map<String, Object> m = super.map();
            if (!maxEvalGiven) m.put("max_eval", Math.floor(((Number) m.get("max_iter")).doubleValue() * 5 / 4));
            return m;
        }

        public Options maxIter(int v) { return put("max_iter", (double) v); }

        public Options maxEval(int v) { return put("max_eval", (double) v); }
        public Options toleranceGrad(double v) { return put("tolerance_grad", v); }
        public Options toleranceChange(double v) { return put("tolerance_change", v); }
        public Options historySize(int v) { return put("history_size", (double) v); }
    }

    public static Options options() {
        return new Options();
    }

    private final List<Tensor> params;
    // persistent algorithm state, as PyTorch keeps in state[params[0]]
    private double[] d, prevFlatGrad;
    private double t, hDiag = 1;
    private final List<double[]> oldDirs = new ArrayList<>(), oldStps = new ArrayList<>();
    private final List<Double> ro = new ArrayList<>();
    private int funcEvals, nIter;

    public LBFGS(Iterable<Tensor> params, Options options) {
        super(params, options.map());
        if (paramGroups().size() != 1) throw new IllegalArgumentException("LBFGS doesn't support per-parameter options (parameter groups)");
        this.params = paramGroups().get(0).params();
    }

    public LBFGS(Iterable<Tensor> params) {
        this(params, options());
    }

    @Override
    public void step() {
        throw new IllegalStateException("LBFGS: step() needs a closure that re-evaluates the model: use step(closure)");
    }

    @Override
    protected void update(ParamGroup group, Tensor param, Tensor grad, Map<String, Object> state) {
        throw new IllegalStateException("LBFGS updates all parameters at once in step(closure)");
    }

    @Override
    public Tensor step(Supplier<Tensor> closure) {
        ParamGroup g = paramGroups().get(0);
        double lr = g.lr(), tolGrad = g.getDouble("tolerance_grad"), tolChange = g.getDouble("tolerance_change");
        int maxIter = (int) g.getDouble("max_iter"), maxEval = (int) g.getDouble("max_eval");
        int historySize = (int) g.getDouble("history_size");
        Tensor origLoss = evaluate(closure);
        double loss = origLoss.item();
        int currentEvals = 1;
        funcEvals++;
        double[] flatGrad = flatGrad();
        if (maxAbs(flatGrad) <= tolGrad) return origLoss;
        int n = 0;
        while (n < maxIter) {
            n++;
            nIter++;
            if (nIter == 1) {
                d = neg(flatGrad);
                oldDirs.clear();
                oldStps.clear();
                ro.clear();
                hDiag = 1;
            } else {
                double[] y = new double[flatGrad.length], s = new double[flatGrad.length];
                for (int i = 0; i < y.length; i++) {
                    y[i] = flatGrad[i] - prevFlatGrad[i];
                    s[i] = d[i] * t;
                }
                double ys = dot(y, s);
                if (ys > 1e-10) {
                    if (oldDirs.size() == historySize) {
                        oldDirs.remove(0);
                        oldStps.remove(0);
                        ro.remove(0);
                    }
                    oldDirs.add(y);
                    oldStps.add(s);
                    ro.add(1 / ys);
                    hDiag = ys / dot(y, y);
                }
                int numOld = oldDirs.size();
                double[] al = new double[numOld];
                double[] q = neg(flatGrad);
                for (int i = numOld - 1; i >= 0; i--) {
                    al[i] = dot(oldStps.get(i), q) * ro.get(i);
                    axpy(-al[i], oldDirs.get(i), q);
                }
                for (int i = 0; i < q.length; i++) q[i] *= hDiag;
                for (int i = 0; i < numOld; i++) {
                    double be = dot(oldDirs.get(i), q) * ro.get(i);
                    axpy(al[i] - be, oldStps.get(i), q);
                }
                d = q;
            }
            prevFlatGrad = flatGrad.clone();
            double prevLoss = loss;
            t = nIter == 1 ? Math.min(1, 1 / sumAbs(flatGrad)) * lr : lr;
            double gtd = dot(flatGrad, d);
            if (gtd > -tolChange) break;
            int lsEvals = 0;
            addToParams(t, d);
            boolean optCond = false;
            if (n != maxIter) {
                loss = evaluate(closure).item();
                flatGrad = flatGrad();
                optCond = maxAbs(flatGrad) <= tolGrad;
                lsEvals = 1;
            }
            currentEvals += lsEvals;
            funcEvals += lsEvals;
            if (n == maxIter || currentEvals >= maxEval || optCond) break;
            if (maxAbs(d) * Math.abs(t) <= tolChange) break;
            if (Math.abs(loss - prevLoss) < tolChange) break;
        }
        return origLoss;
    }

    /** Closure evaluations so far (PyTorch's {@code state['func_evals']}). */
    public int funcEvals() {
        return funcEvals;
    }

    private static Tensor evaluate(Supplier<Tensor> closure) {
        try (var g = Autograd.enableGrad()) {
            return closure.get();
        }
    }

    private double[] flatGrad() {
        int total = 0;
        for (Tensor p : params) total += p.numel();
        double[] out = new double[total];
        int k = 0;
        for (Tensor p : params) {
            if (p.grad() != null) {
                double[] gv = p.grad().toDoubleArray();
                System.arraycopy(gv, 0, out, k, gv.length);
            }
            k += p.numel();
        }
        return out;
    }

    private void addToParams(double step, double[] dir) {
        int k = 0;
        try (var ng = Autograd.noGrad()) {
            for (Tensor p : params) {
                Tensor target = p.isContiguous() ? p : p.contiguous(); // a strided parameter goes through a dense copy
                Vec v = Vec.of(target);
                for (int i = 0; i < v.n; i++) v.set(i, v.get(i) + step * dir[k + i]);
                Vec.touched(target);
                if (target != p) p.copy_(target);
                k += v.n;
            }
        }
    }

    private static double[] neg(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = -a[i];
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) y[i] += alpha * x[i];
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, Math.abs(v));
        return m;
    }

    private static double sumAbs(double[] a) {
        double s = 0;
        for (double v : a) s += Math.abs(v);
        return s;
    }
}
