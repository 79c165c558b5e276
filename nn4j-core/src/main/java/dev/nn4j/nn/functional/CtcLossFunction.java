package dev.nn4j.nn.functional;

import dev.nn4j.DType;
import dev.nn4j.Function;
import dev.nn4j.Tensor;
import dev.nn4j.backend.cpu.Parallel;

/**
 * Per-sample CTC negative log-likelihood (Graves et al. 2006) over {@code (T, N, C)} log-probabilities, computed
 * with the log-space alpha recursion in float64; the backward runs the beta recursion and forms PyTorch's
 * gradient {@code exp(lp) - exp(log(sum_{s: l'_s = c} alpha_t(s) beta_t(s)) + nll - lp)} (eq. 16), which is the
 * gradient with respect to the logits of a log_softmax, i.e. exact once back-propagated through the
 * log_softmax that produces {@code log_probs}. Time steps past a sample's input length get a zero gradient.
 */
final class CtcLossFunction extends Function {
    private final long[][] targets;
    private final int[] inputLengths;
    private final int blank;
    private final boolean zeroInfinity;

    CtcLossFunction(long[][] targets, int[] inputLengths, int blank, boolean zeroInfinity) {
        this.targets = targets;
        this.inputLengths = inputLengths;
        this.blank = blank;
        this.zeroInfinity = zeroInfinity;
    }

    @Override
    protected String name() {
        return "CtcLossBackward0";
    }

    private static double lse(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) return b;
        if (b == Double.NEGATIVE_INFINITY) return a;
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    /** The extended label sequence l': blank, l1, blank, l2, ..., blank. */
    private int label(long[] target, int s) {
        return s % 2 == 0 ? blank : (int) target[s / 2];
    }

    @Override
    protected Tensor forward(Context ctx, Tensor... inputs) {
        Tensor lpT = inputs[0];
        int tMax = lpT.size(0), n = lpT.size(1), c = lpT.size(2);
        double[] lp = lpT.contiguous().toDoubleArray();
        double[][] alphas = new double[n][];
        double[] nll = new double[n];
        Parallel.forRange(n, 1, (s0, e0) -> {
            for (int b = s0; b < e0; b++) {
                long[] tg = targets[b];
                int tb = inputLengths[b], sl = 2 * tg.length + 1;
                double[] alpha = new double[Math.max(tb, 1) * sl];
                java.util.Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
                if (tb == 0) {
                    nll[b] = tg.length == 0 ? 0 : Double.POSITIVE_INFINITY;
                    alphas[b] = alpha;
                    continue;
                }
                alpha[0] = lp[b * c + blank];
                if (sl > 1) alpha[1] = lp[b * c + label(tg, 1)];
                for (int t = 1; t < tb; t++) {
                    int row = t * sl, prev = row - sl, lpo = (t * n + b) * c;
                    for (int s = 0; s < sl; s++) {
                        int l = label(tg, s);
                        double a = alpha[prev + s];
                        if (s > 0) a = lse(a, alpha[prev + s - 1]);
                        if (s > 1 && l != blank && l != label(tg, s - 2)) a = lse(a, alpha[prev + s - 2]);
                        alpha[row + s] = a == Double.NEGATIVE_INFINITY ? a : a + lp[lpo + l];
                    }
                }
                int last = (tb - 1) * sl;
                double ll = alpha[last + sl - 1];
                if (sl > 1) ll = lse(ll, alpha[last + sl - 2]);
                nll[b] = -ll;
                alphas[b] = alpha;
            }
        });
        ctx.put("lp", lp);
        ctx.put("alphas", alphas);
        ctx.put("nll", nll);
        ctx.put("dtype", lpT.dtype());
        ctx.put("shape", new int[] {tMax, n, c});
        return Tensor.fromArray(nll.clone(), n).to(lpT.dtype());
    }

    @Override
    protected Tensor[] backward(Context ctx, Tensor gradOutput) {
        if (!ctx.needsInputGrad(0)) return new Tensor[] {null};
        double[] lp = ctx.get("lp");
        double[][] alphas = ctx.get("alphas");
        double[] nll = ctx.get("nll");
        DType dtype = ctx.get("dtype");
        int[] shape = ctx.get("shape");
        int tMax = shape[0], n = shape[1], cc = shape[2];
        double[] g = gradOutput.contiguous().toDoubleArray();
        double[] grad = new double[lp.length];
        Parallel.forRange(n, 1, (s0, e0) -> {
            for (int b = s0; b < e0; b++) {
                int tb = inputLengths[b];
                double gr = g[b];
                if (tb == 0 || zeroInfinity && nll[b] == Double.POSITIVE_INFINITY) continue;
                long[] tg = targets[b];
                int sl = 2 * tg.length + 1;
                double[] alpha = alphas[b];
                double[] beta = new double[tb * sl];
                java.util.Arrays.fill(beta, Double.NEGATIVE_INFINITY);
                int lastLp = ((tb - 1) * n + b) * cc;
                beta[(tb - 1) * sl + sl - 1] = lp[lastLp + blank];
                if (sl > 1) beta[(tb - 1) * sl + sl - 2] = lp[lastLp + label(tg, sl - 2)];
                for (int t = tb - 2; t >= 0; t--) {
                    int row = t * sl, next = row + sl, lpo = (t * n + b) * cc;
                    for (int s = 0; s < sl; s++) {
                        int l = label(tg, s);
                        double v = beta[next + s];
                        if (s < sl - 1) v = lse(v, beta[next + s + 1]);
                        if (s < sl - 2 && l != blank && label(tg, s + 2) != l) v = lse(v, beta[next + s + 2]);
                        beta[row + s] = v == Double.NEGATIVE_INFINITY ? v : v + lp[lpo + l];
                    }
                }
                double[] lcab = new double[cc];
                for (int t = 0; t < tb; t++) {
                    java.util.Arrays.fill(lcab, Double.NEGATIVE_INFINITY);
                    for (int s = 0; s < sl; s++) {
                        int l = label(tg, s);
                        lcab[l] = lse(lcab[l], alpha[t * sl + s] + beta[t * sl + s]);
                    }
                    int lpo = (t * n + b) * cc;
                    for (int k = 0; k < cc; k++) {
                        double lpv = lp[lpo + k];
                        grad[lpo + k] = (Math.exp(lpv) - Math.exp(lcab[k] + nll[b] - lpv)) * gr;
                    }
                }
            }
        });
        return new Tensor[] {Tensor.fromArray(grad, tMax, n, cc).to(dtype)};
    }
}
