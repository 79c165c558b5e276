package dev.nn4j.backend.cpu;

import dev.nn4j.DType;
import dev.nn4j.Tensor;
import dev.nn4j.backend.Backend;
import dev.nn4j.backend.BinaryOp;
import dev.nn4j.backend.ReduceOp;
import dev.nn4j.backend.UnaryOp;
import dev.nn4j.internal.Storage;

/** The pure-Java CPU backend: float32 fast paths on the Vector API, a generic path for every dtype. */
public final class CpuBackend implements Backend {
    public static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {}

    @Override
    public void unary(UnaryOp op, Tensor x, Tensor out) {
        Storage xs = x.storage(), os = out.storage();
        int[][] strides = {x.stride(), out.stride()};
        int[] offs = {x.storageOffset(), out.storageOffset()};
        if (xs instanceof Storage.F32 xf && os instanceof Storage.F32 of) {
            Loops.forEachRow(out.shape(), strides, offs,
                    (n, off, in) -> ElementwiseKernels.unary(op, n, xf.data, off[0], in[0], of.data, off[1], in[1]));
        } else if (op.keepsIntegers() && xs instanceof Storage.I64 xl && os instanceof Storage.I64 ol) {
            Loops.forEachRow(out.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) {
                    long v = xl.data[off[0] + i * in[0]];
                    ol.data[off[1] + i * in[1]] = switch (op) {
                        case NEG -> -v;
                        case ABS -> Math.abs(v);
                        case SQUARE -> v * v;
                        case SIGN -> Long.signum(v);
                        case RELU -> Math.max(v, 0);
                        default -> v;
                    };
                }
            });
        } else {
            Loops.forEachRow(out.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) {
                    os.setDouble(off[1] + i * in[1], op.apply(xs.getDouble(off[0] + i * in[0])));
                }
            });
        }
    }

    @Override
    public void binary(BinaryOp op, Tensor a, Tensor b, Tensor out) {
        Storage as = a.storage(), bs = b.storage(), os = out.storage();
        int[][] strides = {a.stride(), b.stride(), out.stride()};
        int[] offs = {a.storageOffset(), b.storageOffset(), out.storageOffset()};
        if (as instanceof Storage.F32 af && bs instanceof Storage.F32 bf && os instanceof Storage.F32 of) {
            Loops.forEachRow(out.shape(), strides, offs, (n, off, in) -> ElementwiseKernels.binary(op, n,
                    af.data, off[0], in[0], bf.data, off[1], in[1], of.data, off[2], in[2]));
        } else if (as instanceof Storage.I64 al && bs instanceof Storage.I64 bl && os instanceof Storage.I64 ol
                && integerExact(op)) {
            Loops.forEachRow(out.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) {
                    long x = al.data[off[0] + i * in[0]], y = bl.data[off[1] + i * in[1]];
                    ol.data[off[2] + i * in[2]] = switch (op) {
                        case ADD -> x + y;
                        case SUB -> x - y;
                        case MUL -> x * y;
                        case MAXIMUM -> Math.max(x, y);
                        case POW -> powi(x, y);
                        default -> Math.min(x, y);
                    };
                }
            });
        } else {
            Loops.forEachRow(out.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) {
                    os.setDouble(off[2] + i * in[2],
                            op.apply(as.getDouble(off[0] + i * in[0]), bs.getDouble(off[1] + i * in[1])));
                }
            });
        }
    }

    private static boolean integerExact(BinaryOp op) {
        return op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.MAXIMUM
                || op == BinaryOp.MINIMUM || op == BinaryOp.POW;
    }

    /**
     * PyTorch's integer pow (powi): exact, wrapping like int64 multiplication; a negative exponent gives 1 for base 1,
     * +-1 for base -1 and 0 for every other base (0 included).
     */
    static long powi(long a, long b) {
        if (b < 0) {
            if (a == 1) return 1;
            if (a == -1) return (b & 1) == 0 ? 1 : -1;
            return 0;
        }
        long result = 1;
        while (b > 0) {
            if ((b & 1) != 0) result *= a;
            b >>= 1;
            a *= a;
        }
        return result;
    }

    @Override
    public void copy(Tensor src, Tensor dst) {
        Storage ss = src.storage(), ds = dst.storage();
        int[][] strides = {src.stride(), dst.stride()};
        int[] offs = {src.storageOffset(), dst.storageOffset()};
        if (ss instanceof Storage.F32 sf && ds instanceof Storage.F32 df) {
            Loops.forEachRow(dst.shape(), strides, offs, (n, off, in) -> {
                if (in[0] == 1 && in[1] == 1) {
                    System.arraycopy(sf.data, off[0], df.data, off[1], n);
                } else {
                    for (int i = 0; i < n; i++) df.data[off[1] + i * in[1]] = sf.data[off[0] + i * in[0]];
                }
            });
        } else if (ss.dtype() == DType.INT64 || ds.dtype() == DType.INT64) {
            Loops.forEachRow(dst.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) ds.setLong(off[1] + i * in[1], ss.getLong(off[0] + i * in[0]));
            });
        } else {
            Loops.forEachRow(dst.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) ds.setDouble(off[1] + i * in[1], ss.getDouble(off[0] + i * in[0]));
            });
        }
    }

    @Override
    public void reduce(ReduceOp op, Tensor x, int rowLen, Tensor out) {
        Storage xs = x.storage(), os = out.storage();
        int base = x.storageOffset();
        int rows = out.numel();
        int grain = Math.max(1, (1 << 14) / Math.max(rowLen, 1));
        Parallel.forRange(rows, grain, (start, end) -> {
            for (int r = start; r < end; r++) {
                int off = base + r * rowLen;
                if (xs instanceof Storage.F32 xf && os instanceof Storage.F32 of && (op == ReduceOp.SUM
                        || op == ReduceOp.MAX || op == ReduceOp.MIN)) {
                    of.data[r] = switch (op) {
                        case SUM -> ElementwiseKernels.sum(xf.data, off, rowLen);
                        case MAX -> ElementwiseKernels.max(xf.data, off, rowLen);
                        default -> ElementwiseKernels.min(xf.data, off, rowLen);
                    };
                } else if (xs instanceof Storage.I64 xl && op != ReduceOp.ALL && op != ReduceOp.ANY) {
                    reduceLong(op, xl.data, off, rowLen, os, r);
                } else {
                    reduceGeneric(op, xs, off, rowLen, os, r);
                }
            }
        });
    }

    /** int64 rows stay in long arithmetic: doubles would round values beyond 2^53. */
    private static void reduceLong(ReduceOp op, long[] x, int off, int n, Storage os, int r) {
        switch (op) {
            case SUM, PROD -> {
                long acc = op == ReduceOp.SUM ? 0 : 1;
                for (int i = 0; i < n; i++) acc = op == ReduceOp.SUM ? acc + x[off + i] : acc * x[off + i];
                os.setLong(r, acc);
            }
            default -> {
                boolean max = op == ReduceOp.MAX || op == ReduceOp.ARGMAX;
                int best = 0;
                for (int i = 1; i < n; i++) {
                    if (max ? x[off + i] > x[off + best] : x[off + i] < x[off + best]) best = i;
                }
                os.setLong(r, op == ReduceOp.MAX || op == ReduceOp.MIN ? x[off + best] : best);
            }
        }
    }

    private static void reduceGeneric(ReduceOp op, Storage xs, int off, int n, Storage os, int r) {
        switch (op) {
            case SUM -> {
                double s = 0;
                for (int i = 0; i < n; i++) s += xs.getDouble(off + i);
                os.setDouble(r, s);
            }
            case PROD -> {
                double s = 1;
                for (int i = 0; i < n; i++) s *= xs.getDouble(off + i);
                os.setDouble(r, s);
            }
            case MAX, MIN -> {
                double m = op == ReduceOp.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = xs.getDouble(off + i);
                    m = op == ReduceOp.MAX ? Math.max(m, v) : Math.min(m, v);
                }
                os.setDouble(r, m);
            }
            case ARGMAX, ARGMIN -> {
                int best = 0;
                double bv = xs.getDouble(off);
                for (int i = 1; i < n && !Double.isNaN(bv); i++) {
                    double v = xs.getDouble(off + i);
                    if (Double.isNaN(v) || (op == ReduceOp.ARGMAX ? v > bv : v < bv)) {
                        bv = v;
                        best = i;
                    }
                }
                os.setLong(r, best);
            }
            case ALL -> {
                boolean all = true;
                for (int i = 0; i < n && all; i++) all = xs.getDouble(off + i) != 0;
                os.setDouble(r, all ? 1 : 0);
            }
            case ANY -> {
                boolean any = false;
                for (int i = 0; i < n && !any; i++) any = xs.getDouble(off + i) != 0;
                os.setDouble(r, any ? 1 : 0);
            }
        }
    }

    @Override
    public void matmul(Tensor a, Tensor b, Tensor out) {
        int m = a.size(0), k = a.size(1), n = b.size(1);
        if (!rowMajor(a) && !colMajor(a)) a = a.contiguous();
        if (!rowMajor(b) && !colMajor(b)) b = b.contiguous();
        boolean ta = !rowMajor(a), tb = !rowMajor(b);
        int lda = leadingDim(a, ta), ldb = leadingDim(b, tb);
        if (out.storage() instanceof Storage.F32 of) {
            Gemm.sgemm(ta, tb, m, n, k, 1f, ((Storage.F32) a.storage()).data, a.storageOffset(), lda,
                    ((Storage.F32) b.storage()).data, b.storageOffset(), ldb, 0f, of.data, out.storageOffset(), n);
        } else if (out.storage() instanceof Storage.F64 od) {
            GemmReference.dgemm(ta, tb, m, n, k, 1.0, ((Storage.F64) a.storage()).data, a.storageOffset(), lda,
                    ((Storage.F64) b.storage()).data, b.storageOffset(), ldb, 0.0, od.data, out.storageOffset(), n);
        } else {
            throw new IllegalArgumentException("matmul: unsupported dtype " + out.dtype());
        }
    }

    private static boolean rowMajor(Tensor t) {
        int rows = t.size(0), cols = t.size(1);
        int[] st = t.stride();
        return (cols == 1 || st[1] == 1) && (rows == 1 || st[0] >= cols);
    }

    private static boolean colMajor(Tensor t) {
        int rows = t.size(0), cols = t.size(1);
        int[] st = t.stride();
        return (rows == 1 || st[0] == 1) && (cols == 1 || st[1] >= rows);
    }

    private static int leadingDim(Tensor t, boolean trans) {
        int rows = t.size(0), cols = t.size(1);
        int[] st = t.stride();
        if (!trans) return rows == 1 ? Math.max(cols, 1) : st[0];
        return cols == 1 ? Math.max(rows, 1) : st[1];
    }

    @Override
    public void where(Tensor cond, Tensor a, Tensor b, Tensor out) {
        Storage cs = cond.storage(), as = a.storage(), bs = b.storage(), os = out.storage();
        int[][] strides = {cond.stride(), a.stride(), b.stride(), out.stride()};
        int[] offs = {cond.storageOffset(), a.storageOffset(), b.storageOffset(), out.storageOffset()};
        if (cs instanceof Storage.Bool c && as instanceof Storage.F32 af && bs instanceof Storage.F32 bf
                && os instanceof Storage.F32 of) {
            Loops.forEachRow(out.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) {
                    of.data[off[3] + i * in[3]] = c.data[off[0] + i * in[0]] ? af.data[off[1] + i * in[1]] : bf.data[off[2] + i * in[2]];
                }
            });
        } else {
            Loops.forEachRow(out.shape(), strides, offs, (n, off, in) -> {
                for (int i = 0; i < n; i++) {
                    boolean c = cs.getDouble(off[0] + i * in[0]) != 0;
                    if (out.dtype() == DType.INT64) {
                        os.setLong(off[3] + i * in[3], c ? as.getLong(off[1] + i * in[1]) : bs.getLong(off[2] + i * in[2]));
                    } else {
                        os.setDouble(off[3] + i * in[3], c ? as.getDouble(off[1] + i * in[1]) : bs.getDouble(off[2] + i * in[2]));
                    }
                }
            });
        }
    }

    @Override
    public void cumsum(Tensor x, int rowLen, Tensor out) {
        Storage xs = x.storage(), os = out.storage();
        int base = x.storageOffset();
        int rows = rowLen == 0 ? 0 : x.numel() / rowLen;
        Parallel.forRange(rows, Math.max(1, 4096 / Math.max(rowLen, 1)), (start, end) -> {
            for (int r = start; r < end; r++) {
                if (xs instanceof Storage.I64 xl) {
                    long s = 0;
                    for (int i = 0; i < rowLen; i++) {
                        s += xl.data[base + r * rowLen + i];
                        os.setLong(r * rowLen + i, s);
                    }
                } else {
                    double s = 0;
                    for (int i = 0; i < rowLen; i++) {
                        s += xs.getDouble(base + r * rowLen + i);
                        os.setDouble(r * rowLen + i, s);
                    }
                }
            }
        });
    }
}
