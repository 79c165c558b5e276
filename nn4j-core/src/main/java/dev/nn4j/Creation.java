package dev.nn4j;

import dev.nn4j.internal.Shapes;
import dev.nn4j.internal.Storage;
import java.util.Arrays;

/** Factories and conversions to Java arrays. */
final class Creation {
    private Creation() {}

    static Tensor full(int[] shape, double value, DType dtype) {
        checkShape("full", shape);
        if (dtype == null) throw new IllegalArgumentException("full: dtype must not be null");
        Tensor t = Tensor.allocate(dtype, shape);
        if (value != 0) {
            switch (t.storage) {
                case Storage.F32 s -> Arrays.fill(s.data, (float) value);
                case Storage.F64 s -> Arrays.fill(s.data, value);
                case Storage.I64 s -> Arrays.fill(s.data, (long) value);
                case Storage.Bool s -> Arrays.fill(s.data, true);
            }
        }
        return t;
    }

    static void checkShape(String op, int[] shape) {
        if (shape == null) throw new IllegalArgumentException(op + ": shape must not be null");
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException(op + ": negative dimension " + s + " in shape " + Arrays.toString(shape));
        }
    }

    static Tensor wrap(Storage s, int[] shape) {
        checkShape("fromArray", shape);
        if (Shapes.numel(shape) != s.size()) {
            throw new IllegalArgumentException("fromArray: shape " + Shapes.str(shape) + " needs " + Shapes.numel(shape)
                    + " elements but the array has " + s.size());
        }
        return new Tensor(s, shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    static Tensor fromRows(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("fromArray: ragged rows: row 0 has " + cols + " elements, row " + i + " has " + rows[i].length);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return Tensor.fromArray(data, rows.length, cols);
    }

    static Tensor arange(double start, double end, double step, DType dtype) {
        if (!Double.isFinite(start) || !Double.isFinite(end) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("arange: unsupported range: start=" + start + ", end=" + end + ", step=" + step + " (all must be finite)");
        }
        if (step == 0) throw new IllegalArgumentException("arange: step must be nonzero");
        if ((end - start) / step < 0) {
            throw new IllegalArgumentException("arange: upper bound and larger bound inconsistent with step sign");
        }
        int n = (int) Math.ceil((end - start) / step);
        Tensor t = Tensor.allocate(dtype, n);
        for (int i = 0; i < n; i++) t.storage.setDouble(i, start + i * step);
        return t;
    }

    static Tensor linspace(double start, double end, int steps, DType dtype) {
        if (steps < 0) throw new IllegalArgumentException("linspace: number of steps must be non-negative, got " + steps);
        Tensor t = Tensor.allocate(dtype, steps);
        int half = steps / 2;
        if (dtype == DType.FLOAT32) {
            // PyTorch computes float32 linspace in float arithmetic; doing it in double would differ in the last bit
            float s = (float) start, e = (float) end;
            float fstep = steps > 1 ? (e - s) / (float) (steps - 1) : 0;
            float[] d = ((Storage.F32) t.storage).data;
            for (int i = 0; i < steps; i++) d[i] = i < half ? s + fstep * (float) i : e - fstep * (float) (steps - 1 - i);
            return t;
        }
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        for (int i = 0; i < steps; i++) {
            // fill from both ends, as PyTorch does, so the last value is exactly `end`
            t.storage.setDouble(i, i < half ? start + i * step : end - (steps - 1 - i) * step);
        }
        return t;
    }

    static Tensor eye(int n, int m, DType dtype) {
        if (n < 0 || m < 0) throw new IllegalArgumentException("eye: n and m must be non-negative, got n=" + n + ", m=" + m);
        Tensor t = full(new int[] {n, m}, 0, dtype);
        for (int i = 0; i < Math.min(n, m); i++) t.storage.setDouble(i * m + i, 1);
        return t;
    }

    static Tensor rand(int[] shape, DType dtype, Generator g) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        requireFloating("rand", dtype);
        Tensor t = full(shape, 0, dtype);
        int n = t.numel();
        if (t.storage instanceof Storage.F32 f) g.fillUniform(f.data, 0, n);   // one lock for the whole tensor
        else for (int i = 0; i < n; i++) t.storage.setDouble(i, g.nextDouble());
        return t;
    }

    static Tensor randn(int[] shape, DType dtype, Generator g) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        requireFloating("randn", dtype);
        Tensor t = full(shape, 0, dtype);
        int n = t.numel();
        if (t.storage instanceof Storage.F32 f) g.fillNormal(f.data, 0, n);
        else for (int i = 0; i < n; i++) t.storage.setDouble(i, g.nextGaussian());
        return t;
    }

    static Tensor randint(long low, long high, int[] shape, Generator g) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        if (high <= low) throw new IllegalArgumentException("randint: expected low < high, got low=" + low + ", high=" + high);
        Tensor t = full(shape, 0, DType.INT64);
        long[] d = ((Storage.I64) t.storage).data;
        for (int i = 0; i < d.length; i++) d[i] = low + g.nextLong(high - low);
        return t;
    }

    static Tensor randperm(int n, Generator g) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        if (n < 0) throw new IllegalArgumentException("randperm: n must be non-negative, got " + n);
        long[] d = new long[n];
        for (int i = 0; i < n; i++) d[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = g.nextInt(i + 1);
            long tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return Tensor.fromArray(d, n);
    }

    private static void requireFloating(String op, DType dtype) {
        if (dtype == null) throw new IllegalArgumentException(op + ": dtype must not be null");
        if (!dtype.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected a floating point dtype, got " + dtype);
    }

    static float[] toFloatArray(Tensor t) {
        Tensor c = t.contiguous();
        if (c.storage instanceof Storage.F32 s) {
            return c.offset == 0 && s.data.length == c.numel() && c == t ? s.data.clone() : Arrays.copyOfRange(s.data, c.offset, c.offset + c.numel());
        }
        int n = c.numel();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = (float) c.storage.getDouble(c.offset + i);
        return out;
    }

    static double[] toDoubleArray(Tensor t) {
        Tensor c = t.contiguous();
        int n = c.numel();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = c.storage.getDouble(c.offset + i);
        return out;
    }

    static long[] toLongArray(Tensor t) {
        Tensor c = t.contiguous();
        int n = c.numel();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = c.storage.getLong(c.offset + i);
        return out;
    }

    static boolean[] toBooleanArray(Tensor t) {
        Tensor c = t.contiguous();
        int n = c.numel();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = c.storage.getDouble(c.offset + i) != 0;
        return out;
    }
}
