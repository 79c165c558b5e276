package dev.nn4j.nn.init;

import dev.nn4j.Autograd;
import dev.nn4j.DType;
import dev.nn4j.Generator;
import dev.nn4j.Tensor;
import java.util.Arrays;

/**
 * Parameter initialization, as {@code torch.nn.init}. Every function fills its tensor in place (without
 * recording autograd), returns it, and draws from the given {@link Generator} (the default generator
 * when none is given, so {@code Nn4j.manualSeed} makes it reproducible).
 *
 * <pre>{@code
 * Init.kaimingUniform_(conv.weight, Math.sqrt(5), Init.Mode.FAN_IN, "leaky_relu");
 * Init.zeros_(conv.bias);
 * Init.xavierNormal_(linear.weight, Init.calculateGain("tanh"));
 * }</pre>
 */
public final class Init {
    private Init() {}

    /** Which fan {@link #kaimingUniform_} and {@link #kaimingNormal_} preserve: the forward ({@code fan_in}) or backward ({@code fan_out}) pass. */
    public enum Mode {
        FAN_IN, FAN_OUT;

        /** {@code "fan_in"} or {@code "fan_out"}. */
        public static Mode of(String name) {
            return switch (name) {
                case "fan_in" -> FAN_IN;
                case "fan_out" -> FAN_OUT;
                default -> throw new IllegalArgumentException("Mode " + name + " not supported, please use one of fan_in, fan_out");
            };
        }
    }

    // ------------------------------------------------------------------ gain and fans

    /**
     * The recommended gain for a nonlinearity: 1 for linear, conv*, conv_transpose* and sigmoid; 5/3 for
     * tanh; √2 for relu; √(2 / (1 + slope²)) for leaky_relu (slope {@code param}, default 0.01); 3/4 for selu.
     */
    public static double calculateGain(String nonlinearity, Double param) {
        switch (nonlinearity) {
            case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid":
                return 1;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu": {
                double slope = param == null ? 0.01 : param;
                if (Double.isNaN(slope)) throw new IllegalArgumentException("calculateGain: negative_slope " + slope + " not a valid number");
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("calculateGain: unsupported nonlinearity " + nonlinearity);
        }
    }

    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /**
     * {@code {fan_in, fan_out}} of a weight of at least 2 dims: {@code fan_in = size(1)·∏size[2:]},
     * {@code fan_out = size(0)·∏size[2:]} (the receptive field of a conv kernel counts in both).
     */
    public static int[] calculateFanInAndFanOut(Tensor tensor) {
        if (tensor.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions, got shape "
                    + Arrays.toString(tensor.shape()));
        }
        int receptive = 1;
        for (int d = 2; d < tensor.dim(); d++) receptive *= tensor.size(d);
        return new int[] {tensor.size(1) * receptive, tensor.size(0) * receptive};
    }

    private static int fan(Tensor tensor, Mode mode) {
        int[] f = calculateFanInAndFanOut(tensor);
        return mode == Mode.FAN_IN ? f[0] : f[1];
    }

    // ------------------------------------------------------------------ simple fills

    /** Fills with U(a, b). */
    public static Tensor uniform_(Tensor tensor, double a, double b, Generator generator) {
        try (var g = Autograd.noGrad()) {
            return tensor.uniform_(a, b, gen(generator));
        }
    }

    public static Tensor uniform_(Tensor tensor, double a, double b) {
        return uniform_(tensor, a, b, null);
    }

    /** Fills with U(0, 1). */
    public static Tensor uniform_(Tensor tensor) {
        return uniform_(tensor, 0, 1, null);
    }

    /** Fills with N(mean, std²). */
    public static Tensor normal_(Tensor tensor, double mean, double std, Generator generator) {
        try (var g = Autograd.noGrad()) {
            return tensor.normal_(mean, std, gen(generator));
        }
    }

    public static Tensor normal_(Tensor tensor, double mean, double std) {
        return normal_(tensor, mean, std, null);
    }

    /** Fills with N(0, 1). */
    public static Tensor normal_(Tensor tensor) {
        return normal_(tensor, 0, 1, null);
    }

    /**
     * Fills with N(mean, std²) truncated to [a, b] by the inverse-CDF method (uniform in the CDF range,
     * then the normal quantile), as {@code trunc_normal_}. Defaults: mean 0, std 1, a -2, b 2.
     */
    public static Tensor truncNormal_(Tensor tensor, double mean, double std, double a, double b, Generator generator) {
        if (!(a < b)) throw new IllegalArgumentException("truncNormal_: expected a < b, got a=" + a + ", b=" + b);
        if (std <= 0) throw new IllegalArgumentException("truncNormal_: expected std > 0, got " + std);
        try (var g = Autograd.noGrad()) {
            double l = normCdf((a - mean) / std), u = normCdf((b - mean) / std);
            Tensor v = Tensor.empty(DType.FLOAT64, tensor.shape()).uniform_(2 * l - 1, 2 * u - 1, gen(generator));
            v = v.erfinv().mul(std * Math.sqrt(2.0)).add(mean).clamp(a, b);
            return tensor.copy_(v);
        }
    }

    public static Tensor truncNormal_(Tensor tensor, double mean, double std, double a, double b) {
        return truncNormal_(tensor, mean, std, a, b, null);
    }

    public static Tensor truncNormal_(Tensor tensor) {
        return truncNormal_(tensor, 0, 1, -2, 2, null);
    }

    private static double normCdf(double x) {
        return (1 + erf(x / Math.sqrt(2.0))) / 2;
    }

    private static double erf(double x) {
        return Tensor.scalar(x, DType.FLOAT64).erf().item();
    }

    /** Fills with {@code val}. */
    public static Tensor constant_(Tensor tensor, double val) {
        try (var g = Autograd.noGrad()) {
            return tensor.fill_(val);
        }
    }

    public static Tensor ones_(Tensor tensor) {
        return constant_(tensor, 1);
    }

    public static Tensor zeros_(Tensor tensor) {
        return constant_(tensor, 0);
    }

    /** Fills a 2-D tensor with the identity matrix (ones on the diagonal of a possibly non-square matrix). */
    public static Tensor eye_(Tensor tensor) {
        if (tensor.dim() != 2) throw new IllegalArgumentException("eye_: only tensors with 2 dimensions are supported, got " + tensor.dim());
        try (var g = Autograd.noGrad()) {
            return tensor.copy_(Tensor.eye(tensor.size(0), tensor.size(1), tensor.dtype()));
        }
    }

    /**
     * Fills a 3-, 4- or 5-D conv weight with the Dirac delta, so the convolution is the identity on as
     * many channels as possible (per group when {@code groups > 1}).
     */
    public static Tensor dirac_(Tensor tensor, int groups) {
        int dims = tensor.dim();
        if (dims < 3 || dims > 5) throw new IllegalArgumentException("dirac_: only tensors with 3, 4, or 5 dimensions are supported, got " + dims);
        int[] sizes = tensor.shape();
        if (sizes[0] % groups != 0) throw new IllegalArgumentException("dirac_: dim 0 (" + sizes[0] + ") must be divisible by groups (" + groups + ")");
        int outPerGroup = sizes[0] / groups;
        int minDim = Math.min(outPerGroup, sizes[1]);
        try (var g = Autograd.noGrad()) {
            tensor.zero_();
            for (int gi = 0; gi < groups; gi++) {
                for (int d = 0; d < minDim; d++) {
                    int[] idx = new int[dims];
                    idx[0] = gi * outPerGroup + d;
                    idx[1] = d;
                    for (int k = 2; k < dims; k++) idx[k] = sizes[k] / 2;
                    tensor.set(1, idx);
                }
            }
        }
        return tensor;
    }

    public static Tensor dirac_(Tensor tensor) {
        return dirac_(tensor, 1);
    }

    // ------------------------------------------------------------------ fan-scaled

    /** Glorot uniform: U(-a, a) with {@code a = gain·√(6 / (fan_in + fan_out))}. */
    public static Tensor xavierUniform_(Tensor tensor, double gain, Generator generator) {
        int[] f = calculateFanInAndFanOut(tensor);
        double a = Math.sqrt(3.0) * gain * Math.sqrt(2.0 / (f[0] + f[1]));
        return uniform_(tensor, -a, a, generator);
    }

    public static Tensor xavierUniform_(Tensor tensor, double gain) {
        return xavierUniform_(tensor, gain, null);
    }

    public static Tensor xavierUniform_(Tensor tensor) {
        return xavierUniform_(tensor, 1, null);
    }

    /** Glorot normal: N(0, std²) with {@code std = gain·√(2 / (fan_in + fan_out))}. */
    public static Tensor xavierNormal_(Tensor tensor, double gain, Generator generator) {
        int[] f = calculateFanInAndFanOut(tensor);
        return normal_(tensor, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])), generator);
    }

    public static Tensor xavierNormal_(Tensor tensor, double gain) {
        return xavierNormal_(tensor, gain, null);
    }

    public static Tensor xavierNormal_(Tensor tensor) {
        return xavierNormal_(tensor, 1, null);
    }

    /**
     * He uniform: U(-bound, bound) with {@code bound = √3 · gain / √fan}, {@code gain = calculateGain(nonlinearity, a)}.
     * PyTorch's defaults are {@code a = 0, mode = fan_in, nonlinearity = leaky_relu}; Linear and Conv use
     * {@code a = √5}, which gives U(±1/√fan_in). A tensor with no elements is left as is.
     */
    public static Tensor kaimingUniform_(Tensor tensor, double a, Mode mode, String nonlinearity, Generator generator) {
        if (tensor.numel() == 0) return tensor;
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(tensor, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform_(tensor, -bound, bound, generator);
    }

    public static Tensor kaimingUniform_(Tensor tensor, double a, Mode mode, String nonlinearity) {
        return kaimingUniform_(tensor, a, mode, nonlinearity, null);
    }

    /** {@code kaiming_uniform_(tensor, a)} with mode fan_in and nonlinearity leaky_relu. */
    public static Tensor kaimingUniform_(Tensor tensor, double a) {
        return kaimingUniform_(tensor, a, Mode.FAN_IN, "leaky_relu", null);
    }

    public static Tensor kaimingUniform_(Tensor tensor) {
        return kaimingUniform_(tensor, 0);
    }

    /** He normal: N(0, std²) with {@code std = gain / √fan}. Defaults as {@link #kaimingUniform_}. */
    public static Tensor kaimingNormal_(Tensor tensor, double a, Mode mode, String nonlinearity, Generator generator) {
        if (tensor.numel() == 0) return tensor;
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(tensor, mode));
        return normal_(tensor, 0, std, generator);
    }

    public static Tensor kaimingNormal_(Tensor tensor, double a, Mode mode, String nonlinearity) {
        return kaimingNormal_(tensor, a, mode, nonlinearity, null);
    }

    public static Tensor kaimingNormal_(Tensor tensor, double a) {
        return kaimingNormal_(tensor, a, Mode.FAN_IN, "leaky_relu", null);
    }

    public static Tensor kaimingNormal_(Tensor tensor) {
        return kaimingNormal_(tensor, 0);
    }

    // ------------------------------------------------------------------ structured

    /**
     * Fills with a (semi-)orthogonal matrix times {@code gain}: the Q of the QR decomposition of a normal
     * matrix of shape (rows, ∏ rest), with signs fixed by R's diagonal (Saxe et al. 2013). Needs ≥ 2 dims.
     */
    public static Tensor orthogonal_(Tensor tensor, double gain, Generator generator) {
        if (tensor.dim() < 2) throw new IllegalArgumentException("orthogonal_: only tensors with 2 or more dimensions are supported, got " + tensor.dim());
        if (tensor.numel() == 0) return tensor;
        int rows = tensor.size(0), cols = tensor.numel() / rows;
        Generator gn = gen(generator);
        boolean transpose = rows < cols;
        int m = transpose ? cols : rows, n = transpose ? rows : cols; // QR of a tall m×n matrix
        double[][] a = new double[m][n];
        double[][] flat = new double[rows][cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) flat[i][j] = gn.nextGaussian();
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) a[i][j] = transpose ? flat[j][i] : flat[i][j];
        double[][] q = householderQ(a, m, n);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) out[i * cols + j] = gain * (transpose ? q[j][i] : q[i][j]);
        }
        try (var g = Autograd.noGrad()) {
            return tensor.copy_(Tensor.fromArray(out, tensor.shape()));
        }
    }

    public static Tensor orthogonal_(Tensor tensor, double gain) {
        return orthogonal_(tensor, gain, null);
    }

    public static Tensor orthogonal_(Tensor tensor) {
        return orthogonal_(tensor, 1, null);
    }

    /** The m×n Q of a Householder QR of the tall matrix {@code a}, columns signed so that diag(R) > 0. */
    private static double[][] householderQ(double[][] a, int m, int n) {
        double[][] r = new double[m][];
        for (int i = 0; i < m; i++) r[i] = a[i].clone();
        double[][] vs = new double[n][];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) norm += r[i][k] * r[i][k];
            norm = Math.sqrt(norm);
            double[] v = new double[m];
            double alpha = r[k][k] >= 0 ? -norm : norm;
            for (int i = k; i < m; i++) v[i] = r[i][k];
            v[k] -= alpha;
            double vnorm = 0;
            for (int i = k; i < m; i++) vnorm += v[i] * v[i];
            if (vnorm > 0) {
                for (int j = k; j < n; j++) {
                    double dot = 0;
                    for (int i = k; i < m; i++) dot += v[i] * r[i][j];
                    double f = 2 * dot / vnorm;
                    for (int i = k; i < m; i++) r[i][j] -= f * v[i];
                }
            }
            vs[k] = vnorm > 0 ? v : null;
        }
        // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity.
        double[][] q = new double[m][n];
        for (int j = 0; j < n; j++) q[j][j] = 1;
        for (int k = n - 1; k >= 0; k--) {
            double[] v = vs[k];
            if (v == null) continue;
            double vnorm = 0;
            for (int i = k; i < m; i++) vnorm += v[i] * v[i];
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int i = k; i < m; i++) dot += v[i] * q[i][j];
                double f = 2 * dot / vnorm;
                for (int i = k; i < m; i++) q[i][j] -= f * v[i];
            }
        }
        for (int j = 0; j < n; j++) {
            if (r[j][j] < 0) for (int i = 0; i < m; i++) q[i][j] = -q[i][j];
        }
        return q;
    }

    /**
     * Fills a 2-D tensor as a sparse matrix: N(0, std²) values with {@code ceil(sparsity · rows)} zeros
     * per column at random rows (Martens 2010). Default std 0.01.
     */
    public static Tensor sparse_(Tensor tensor, double sparsity, double std, Generator generator) {
        if (tensor.dim() != 2) throw new IllegalArgumentException("sparse_: only tensors with 2 dimensions are supported, got " + tensor.dim());
        int rows = tensor.size(0), cols = tensor.size(1);
        int numZeros = (int) Math.ceil(sparsity * rows);
        Generator gn = gen(generator);
        try (var g = Autograd.noGrad()) {
            tensor.normal_(0, std, gn);
            for (int c = 0; c < cols; c++) {
                long[] perm = Tensor.randperm(rows, gn).toLongArray();
                for (int z = 0; z < numZeros; z++) tensor.set(0, (int) perm[z], c);
            }
        }
        return tensor;
    }

    public static Tensor sparse_(Tensor tensor, double sparsity) {
        return sparse_(tensor, sparsity, 0.01, null);
    }

    private static Generator gen(Generator g) {
        return g == null ? Generator.getDefault() : g;
    }
}
