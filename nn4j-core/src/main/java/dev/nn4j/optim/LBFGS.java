package dev.nn4j.optim;

import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * L-BFGS ({@code torch.optim.LBFGS}): quasi-Newton steps from the last {@code history_size} curvature pairs, up to
 * {@code max_iter} iterations per {@link #step(Supplier)}, each a fixed step of {@code lr} or, with
 * {@code line_search_fn = "strong_wolfe"}, a step length found by PyTorch's strong-Wolfe line search.
 * Needs a closure that zeroes the gradients, computes the loss and calls backward.
 *
 * <pre>{@code
 * var opt = new LBFGS(model.parameters(), LBFGS.options().historySize(10).lineSearchFn("strong_wolfe"));
 * opt.step(() -> { opt.zeroGrad(); Tensor loss = lossOf(model); loss.backward(); return loss; });
 * }</pre>
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
            put("line_search_fn", null);
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
        /** {@code "strong_wolfe"} or null (fixed steps of lr). */
        public Options lineSearchFn(String v) { return put("line_search_fn", v); }
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
        Object ls = paramGroups().get(0).options().get("line_search_fn");
        if (ls != null && !"strong_wolfe".equals(ls)) {
            throw new IllegalArgumentException("LBFGS: only 'strong_wolfe' is supported as line_search_fn, got '" + ls + "'");
        }
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
        boolean strongWolfe = "strong_wolfe".equals(g.options().get("line_search_fn"));
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
            boolean optCond = false;
            if (strongWolfe) {
                // PyTorch does not pass the group's tolerance_change to the line search: it uses its default 1e-9
                LineSearch ls = strongWolfe(closure, t, d, loss, flatGrad, gtd, 1e-9);
                loss = ls.f;
                flatGrad = ls.g;
                t = ls.t;
                lsEvals = ls.evals;
                addToParams(t, d);
                optCond = maxAbs(flatGrad) <= tolGrad;
            } else {
                addToParams(t, d);
                if (n != maxIter) {
                    loss = evaluate(closure).item();
                    flatGrad = flatGrad();
                    optCond = maxAbs(flatGrad) <= tolGrad;
                    lsEvals = 1;
                }
            }
            currentEvals += lsEvals;
            funcEvals += lsEvals;
            if (n == maxIter || currentEvals >= maxEval || optCond) break;
            if (maxAbs(d) * Math.abs(t) <= tolChange) break;
            if (Math.abs(loss - prevLoss) < tolChange) break;
        }
        return origLoss;
    }

    private record LineSearch(double f, double[] g, double t, int evals) {}

    /** Loss and flat gradient at {@code x + t d}; the parameters are restored to {@code x} afterwards. */
    private record Probe(double f, double[] g) {}

    private Probe directionalEvaluate(Supplier<Tensor> closure, double[] x, double step, double[] dir) {
        addToParams(step, dir);
        double f = evaluate(closure).item();
        double[] grad = flatGrad();
        setParams(x);
        return new Probe(f, grad);
    }

    /**
     * PyTorch's {@code _strong_wolfe} (from torch/optim's lswolfe.lua): brackets a step satisfying the strong Wolfe
     * conditions ({@code c1 = 1e-4}, {@code c2 = 0.9}, at most 25 evaluations), then zooms in with cubic
     * interpolation. Ported statement by statement so that the evaluated points are PyTorch's.
     */
    private LineSearch strongWolfe(Supplier<Tensor> closure, double t, double[] dir, double f, double[] g, double gtd, double tolChange) {
        final double c1 = 1e-4, c2 = 0.9;
        final int maxLs = 25;
        double[] x = flatParams();
        double dNorm = maxAbs(dir);
        Probe p = directionalEvaluate(closure, x, t, dir);
        double fNew = p.f;
        double[] gNew = p.g;
        int evals = 1;
        double gtdNew = dot(gNew, dir);
        double tPrev = 0, fPrev = f, gtdPrev = gtd;
        double[] gPrev = g.clone();
        boolean done = false;
        int lsIter = 0;
        double[] bracket = null, bracketF = null, bracketGtd = null;
        double[][] bracketG = null;
        while (lsIter < maxLs) {
            if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
                bracket = new double[] {tPrev, t};
                bracketF = new double[] {fPrev, fNew};
                bracketG = new double[][] {gPrev, gNew.clone()};
                bracketGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            if (Math.abs(gtdNew) <= -c2 * gtd) {
                bracket = new double[] {t};
                bracketF = new double[] {fNew};
                bracketG = new double[][] {gNew};
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                bracket = new double[] {tPrev, t};
                bracketF = new double[] {fPrev, fNew};
                bracketG = new double[][] {gPrev, gNew.clone()};
                bracketGtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            double minStep = t + 0.01 * (t - tPrev), maxStep = t * 10, tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            p = directionalEvaluate(closure, x, t, dir);
            fNew = p.f;
            gNew = p.g;
            evals++;
            gtdNew = dot(gNew, dir);
            lsIter++;
        }
        if (lsIter == maxLs) {
            bracket = new double[] {0, t};
            bracketF = new double[] {f, fNew};
            bracketG = new double[][] {g, gNew};
        }
        boolean insufProgress = false;
        int low = bracketF[0] <= bracketF[bracketF.length - 1] ? 0 : 1, high = 1 - low;
        while (!done && lsIter < maxLs) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < tolChange) break;
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1],
                    Math.min(bracket[0], bracket[1]), Math.max(bracket[0], bracket[1]));
            double bMax = Math.max(bracket[0], bracket[1]), bMin = Math.min(bracket[0], bracket[1]);
            double eps = 0.1 * (bMax - bMin);
            if (Math.min(bMax - t, t - bMin) < eps) {
                if (insufProgress || t >= bMax || t <= bMin) {
                    t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }
            p = directionalEvaluate(closure, x, t, dir);
            fNew = p.f;
            gNew = p.g;
            evals++;
            gtdNew = dot(gNew, dir);
            lsIter++;
            if (fNew > f + c1 * t * gtd || fNew >= bracketF[low]) {
                bracket[high] = t;
                bracketF[high] = fNew;
                bracketG[high] = gNew.clone();
                bracketGtd[high] = gtdNew;
                low = bracketF[0] <= bracketF[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -c2 * gtd) {
                    done = true;
                } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
                    bracket[high] = bracket[low];
                    bracketF[high] = bracketF[low];
                    bracketG[high] = bracketG[low];
                    bracketGtd[high] = bracketGtd[low];
                }
                bracket[low] = t;
                bracketF[low] = fNew;
                bracketG[low] = gNew.clone();
                bracketGtd[low] = gtdNew;
            }
        }
        return new LineSearch(bracketF[low], bracketG[low], bracket[low], evals);
    }

    /** The minimizer of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to [lo, hi] (PyTorch's {@code _cubic_interpolate}). */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return Math.min(Math.max(minPos, lo), hi);
        }
        return (lo + hi) / 2;
    }

    private double[] flatParams() {
        int total = 0;
        for (Tensor p : params) total += p.numel();
        double[] out = new double[total];
        int k = 0;
        for (Tensor p : params) {
            double[] v = p.toDoubleArray();
            System.arraycopy(v, 0, out, k, v.length);
            k += v.length;
        }
        return out;
    }

    private void setParams(double[] x) {
        int k = 0;
        try (var ng = Autograd.noGrad()) {
            for (Tensor p : params) {
                Tensor target = p.isContiguous() ? p : p.contiguous();
                Vec v = Vec.of(target);
                for (int i = 0; i < v.n; i++) v.set(i, x[k + i]);
                Vec.touched(target);
                if (target != p) p.copy_(target);
                k += v.n;
            }
        }
    }

    /**
     * PyTorch's layout: the algorithm's state is the state of the first parameter ({@code func_evals, n_iter, d, t,
     * old_dirs, old_stps, ro, H_diag, prev_flat_grad}); vectors are float64 tensors, so a resumed run is exact.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> stateDict() {
        Map<String, Object> sd = super.stateDict();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("func_evals", funcEvals);
        s.put("n_iter", nIter);
        if (d != null) {
            s.put("d", vector(d));
            s.put("t", t);
            s.put("old_dirs", vectors(oldDirs));
            s.put("old_stps", vectors(oldStps));
            s.put("ro", new ArrayList<>(ro));
            s.put("H_diag", hDiag);
            s.put("prev_flat_grad", vector(prevFlatGrad));
        }
        ((Map<Integer, Object>) sd.get("state")).put(0, s);
        return sd;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> sd) {
        super.loadStateDict(sd);
        state.clear(); // LBFGS keeps its state in fields
        Map<String, Object> s = sd.get("state") instanceof Map<?, ?> m ? (Map<String, Object>) m.get(0) : null;
        funcEvals = s == null ? 0 : ((Number) s.getOrDefault("func_evals", 0)).intValue();
        nIter = s == null ? 0 : ((Number) s.getOrDefault("n_iter", 0)).intValue();
        oldDirs.clear();
        oldStps.clear();
        ro.clear();
        if (s == null || s.get("d") == null) {
            d = null;
            prevFlatGrad = null;
            t = 0;
            hDiag = 1;
            return;
        }
        d = ((Tensor) s.get("d")).toDoubleArray();
        prevFlatGrad = ((Tensor) s.get("prev_flat_grad")).toDoubleArray();
        t = ((Number) s.get("t")).doubleValue();
        hDiag = ((Number) s.get("H_diag")).doubleValue();
        for (Object v : (List<?>) s.get("old_dirs")) oldDirs.add(((Tensor) v).toDoubleArray());
        for (Object v : (List<?>) s.get("old_stps")) oldStps.add(((Tensor) v).toDoubleArray());
        for (Object v : (List<?>) s.get("ro")) ro.add(((Number) v).doubleValue());
    }

    private static Tensor vector(double[] v) {
        return Tensor.fromArray(v.clone(), v.length);
    }

    private static List<Tensor> vectors(List<double[]> vs) {
        List<Tensor> out = new ArrayList<>();
        for (double[] v : vs) out.add(vector(v));
        return out;
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
