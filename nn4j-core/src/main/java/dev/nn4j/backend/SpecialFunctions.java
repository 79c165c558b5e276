package dev.nn4j.backend;

/** Special functions the JDK lacks, accurate to double precision (float64 gradient checks need that). */
public final class SpecialFunctions {
    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private SpecialFunctions() {}

    public static double erf(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 0) return -erf(-x);
        if (x < 2.5) return erfSeries(x);
        return 1 - erfcFraction(x);
    }

    public static double erfc(double x) {
        if (Double.isNaN(x)) return x;
        if (x < 0) return 2 - erfc(-x);
        if (x < 2.5) return 1 - erfSeries(x);
        return erfcFraction(x);
    }

    // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n (2x^2)^n x / (1*3*...*(2n+1)): all terms positive, no cancellation.
    private static double erfSeries(double x) {
        double x2 = 2 * x * x;
        double term = x, sum = x;
        for (int n = 1; n < 200; n++) {
            term *= x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return 2 / SQRT_PI * Math.exp(-x * x) * sum;
    }

    // Continued fraction erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated backwards.
    private static double erfcFraction(double x) {
        if (x > 27) return 0;
        double t = x;
        for (int k = 60; k >= 1; k--) {
            t = x + (k / 2.0) / t;
        }
        return Math.exp(-x * x) / SQRT_PI / t;
    }

    public static double erfinv(double x) {
        if (Double.isNaN(x) || x < -1 || x > 1) return Double.NaN;
        if (x == 1) return Double.POSITIVE_INFINITY;
        if (x == -1) return Double.NEGATIVE_INFINITY;
        // Giles' single-precision approximation, refined by Newton steps on the accurate erf.
        double w = -Math.log((1 - x) * (1 + x)), p;
        if (w < 5) {
            w -= 2.5;
            p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
        } else {
            w = Math.sqrt(w) - 3;
            p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
        }
        double y = p * x;
        for (int i = 0; i < 2; i++) {
            double err = erf(y) - x;
            y -= err / (2 / SQRT_PI * Math.exp(-y * y));
        }
        return y;
    }

    public static double lgamma(double x) {
        if (Double.isNaN(x)) return x;
        if (Double.isInfinite(x)) return Double.POSITIVE_INFINITY;
        if (x <= 0 && x == Math.rint(x)) return Double.POSITIVE_INFINITY;
        if (x == 1 || x == 2) return 0;   // exact, as PyTorch; the Lanczos sum is off by an ulp or two there
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
        }
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += LANCZOS[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }

    public static double digamma(double x) {
        if (Double.isNaN(x)) return x;
        if (x == 0) return Math.copySign(Double.POSITIVE_INFINITY, -x);   // PyTorch: -inf at +0, +inf at -0
        if (x < 0) {
            if (x == Math.rint(x)) return Double.NaN;
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
        }
        double r = 0;
        // shift up until the asymptotic series' first omitted term (691 / (32760 x^12)) is below 1e-15
        while (x < 12) {
            r -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        return r + Math.log(x) - 0.5 / x
                - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
    }

    /** trigamma(x) = d digamma / dx (PyTorch's {@code polygamma(1, x)}): reflection below 0, recurrence, asymptotic series. */
    public static double trigamma(double x) {
        if (Double.isNaN(x)) return x;
        if (x <= 0 && x == Math.rint(x)) return Double.POSITIVE_INFINITY;
        if (x < 0) {
            double s = Math.sin(Math.PI * x);
            return Math.PI * Math.PI / (s * s) - trigamma(1 - x);
        }
        double r = 0;
        while (x < 6) {
            r += 1 / (x * x);
            x += 1;
        }
        double f = 1 / (x * x);
        return r + 1 / x + f / 2 + f / x * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f * (1.0 / 30 - f * (5.0 / 66)))));
    }
}
