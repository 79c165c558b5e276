package dev.nn4j;

import dev.nn4j.autograd.Engine;
import dev.nn4j.autograd.GradMode;
import dev.nn4j.autograd.Node;
import dev.nn4j.backend.BinaryOp;
import dev.nn4j.backend.UnaryOp;
import dev.nn4j.internal.Shapes;
import dev.nn4j.internal.Storage;
import java.util.Arrays;
import java.util.List;

/**
 * An n-dimensional array of float32, float64, int64 or bool elements with reverse-mode autograd.
 *
 * <p>A tensor is a strided view (shape, strides, offset) of a {@link Storage}; view ops such as
 * {@link #view}, {@link #transpose}, {@link #narrow} and {@link #expand} share the storage. Math is fluent
 * ({@code x.matmul(w.t()).add(b)}) and follows PyTorch's names, broadcasting, type promotion and
 * gradients. Tensors are ordinary Java objects: the garbage collector frees them.
 *
 * <pre>{@code
 * Tensor x = Tensor.randn(2, 3).requiresGrad_(true);
 * Tensor y = x.mul(x).sum();
 * y.backward();          // x.grad() == 2 * x
 * }</pre>
 */
public final class Tensor {
    Storage storage;
    DType dtype;
    int[] shape;
    int[] strides;
    int offset;
    boolean requiresGrad;
    Tensor grad;
    Node gradFn;
    /** The tensor whose storage this view shares, or null when this tensor owns its storage. */
    Tensor base;
    /** The base's node when this view's own node was made; a different one means an in-place op rebased the base. */
    Node baseGradFn;

    Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.dtype = storage.dtype();
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    static Tensor allocate(DType dtype, int... shape) {
        if (dtype == null) throw new IllegalArgumentException("dtype must not be null");
        return new Tensor(Storage.allocate(dtype, Shapes.numel(shape)), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    // ------------------------------------------------------------------ factories (torch.xxx)

    public static Tensor empty(int... shape) { return Creation.full(shape, 0, DType.FLOAT32); }
    public static Tensor empty(DType dtype, int... shape) { return Creation.full(shape, 0, dtype); }
    public static Tensor zeros(int... shape) { return Creation.full(shape, 0, DType.FLOAT32); }
    public static Tensor zeros(DType dtype, int... shape) { return Creation.full(shape, 0, dtype); }
    public static Tensor ones(int... shape) { return Creation.full(shape, 1, DType.FLOAT32); }
    public static Tensor ones(DType dtype, int... shape) { return Creation.full(shape, 1, dtype); }
    public static Tensor full(int[] shape, double value) { return Creation.full(shape, value, DType.FLOAT32); }
    public static Tensor full(int[] shape, double value, DType dtype) { return Creation.full(shape, value, dtype); }
    /** A 0-dimensional float32 tensor. */
    public static Tensor scalar(double value) { return Creation.full(new int[0], value, DType.FLOAT32); }
    public static Tensor scalar(double value, DType dtype) { return Creation.full(new int[0], value, dtype); }
    public static Tensor zerosLike(Tensor t) { return Creation.full(req(t, "zerosLike", "input").shape, 0, t.dtype); }
    public static Tensor onesLike(Tensor t) { return Creation.full(req(t, "onesLike", "input").shape, 1, t.dtype); }
    public static Tensor fullLike(Tensor t, double value) { return Creation.full(req(t, "fullLike", "input").shape, value, t.dtype); }
    public static Tensor emptyLike(Tensor t) { return Creation.full(req(t, "emptyLike", "input").shape, 0, t.dtype); }
    /** {@code [0, end)} as int64. */
    public static Tensor arange(long end) { return Creation.arange(0, end, 1, DType.INT64); }
    public static Tensor arange(double start, double end, double step) {
        boolean integral = start == Math.rint(start) && end == Math.rint(end) && step == Math.rint(step);
        return Creation.arange(start, end, step, integral ? DType.INT64 : DType.FLOAT32);
    }
    public static Tensor arange(double start, double end, double step, DType dtype) { return Creation.arange(start, end, step, dtype); }
    public static Tensor linspace(double start, double end, int steps) { return Creation.linspace(start, end, steps, DType.FLOAT32); }
    public static Tensor linspace(double start, double end, int steps, DType dtype) { return Creation.linspace(start, end, steps, dtype); }
    public static Tensor eye(int n) { return Creation.eye(n, n, DType.FLOAT32); }
    public static Tensor eye(int n, int m, DType dtype) { return Creation.eye(n, m, dtype); }
    /** Uniform [0, 1) from the default generator. */
    public static Tensor rand(int... shape) { return Creation.rand(shape, DType.FLOAT32, Generator.getDefault()); }
    public static Tensor rand(Generator g, int... shape) { return Creation.rand(shape, DType.FLOAT32, g); }
    public static Tensor rand(DType dtype, Generator g, int... shape) { return Creation.rand(shape, dtype, g); }
    /** Standard normal from the default generator. */
    public static Tensor randn(int... shape) { return Creation.randn(shape, DType.FLOAT32, Generator.getDefault()); }
    public static Tensor randn(Generator g, int... shape) { return Creation.randn(shape, DType.FLOAT32, g); }
    public static Tensor randn(DType dtype, Generator g, int... shape) { return Creation.randn(shape, dtype, g); }
    /** Integers uniform in {@code [low, high)} as int64. */
    public static Tensor randint(long low, long high, int... shape) { return Creation.randint(low, high, shape, Generator.getDefault()); }
    public static Tensor randint(long low, long high, Generator g, int... shape) { return Creation.randint(low, high, shape, g); }
    /** A random permutation of {@code 0..n-1} as int64. */
    public static Tensor randperm(int n) { return Creation.randperm(n, Generator.getDefault()); }
    public static Tensor randperm(int n, Generator g) { return Creation.randperm(n, g); }
    public static Tensor randLike(Tensor t) { return Creation.rand(req(t, "randLike", "input").shape, t.dtype, Generator.getDefault()); }
    public static Tensor randnLike(Tensor t) { return Creation.randn(req(t, "randnLike", "input").shape, t.dtype, Generator.getDefault()); }

    /** A 1-D float32 tensor holding {@code values}. */
    public static Tensor of(float... values) { return fromArray(nonNull(values).clone(), values.length); }
    public static Tensor of(double... values) { return fromArray(nonNull(values).clone(), values.length); }
    public static Tensor of(long... values) { return fromArray(nonNull(values).clone(), values.length); }
    public static Tensor of(boolean... values) { return fromArray(nonNull(values).clone(), values.length); }

    /** Wraps {@code data} (row-major, not copied) as a float32 tensor of the given shape. */
    public static Tensor fromArray(float[] data, int... shape) { return Creation.wrap(new Storage.F32(nonNull(data)), shape); }
    public static Tensor fromArray(double[] data, int... shape) { return Creation.wrap(new Storage.F64(nonNull(data)), shape); }
    public static Tensor fromArray(long[] data, int... shape) { return Creation.wrap(new Storage.I64(nonNull(data)), shape); }
    public static Tensor fromArray(boolean[] data, int... shape) { return Creation.wrap(new Storage.Bool(nonNull(data)), shape); }
    public static Tensor fromArray(float[][] rows) { return Creation.fromRows(nonNull(rows)); }

    /** A null operand is the caller's mistake: named here, not an NPE inside an op. */
    private static <T> T req(T value, String op, String arg) {
        if (value == null) throw new IllegalArgumentException(op + ": " + arg + " must not be null");
        return value;
    }

    /** size(dim)/stride(dim) of a 0-dim tensor has no dimension to return (PyTorch's IndexError). */
    private int requireDims(String op, int dim) {
        if (shape.length == 0) throw new IllegalArgumentException(op + ": dimension specified as " + dim + " but tensor has no dimensions");
        return shape.length;
    }

    private static <A> A nonNull(A data) {
        if (data == null) throw new IllegalArgumentException("fromArray: data must not be null");
        return data;
    }

    // ------------------------------------------------------------------ properties

    public int[] shape() { return shape.clone(); }
    /** Size of dimension {@code dim} (negative counts from the end). */
    public int size(int dim) { return shape[Shapes.wrapDim("size", dim, requireDims("size", dim))]; }
    public int dim() { return shape.length; }
    public int ndim() { return shape.length; }
    public int numel() { return Shapes.numel(shape); }
    public DType dtype() { return dtype; }
    public boolean isFloatingPoint() { return dtype.isFloatingPoint(); }
    public int[] stride() { return strides.clone(); }
    public int stride(int dim) { return strides[Shapes.wrapDim("stride", dim, requireDims("stride", dim))]; }
    public int storageOffset() { return offset; }
    /** The storage behind this tensor (shared with its views). Kernels read it directly. */
    public Storage storage() { return storage; }
    /** The in-place modification counter of this tensor's storage. */
    public int version() { return storage.version(); }

    public boolean isContiguous() {
        int expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    public boolean requiresGrad() {
        if (base != null) InPlace.refreshView(this);
        return requiresGrad;
    }
    public Tensor grad() { return grad; }
    public void setGrad(Tensor g) {
        if (g != null && !Arrays.equals(g.shape, shape)) {
            throw new IllegalArgumentException("setGrad: assigned grad has shape " + Shapes.str(g.shape)
                    + " but the tensor has shape " + Shapes.str(shape));
        }
        grad = g;
    }
    /** The node that produced this tensor, or null for leaves. */
    public Node gradFn() {
        if (base != null) InPlace.refreshView(this);
        return gradFn;
    }
    public boolean isLeaf() { return gradFn == null; }

    /** Sets whether autograd records operations on this leaf; returns this. */
    public Tensor requiresGrad_(boolean flag) {
        if (!flag && gradFn != null) {
            throw new IllegalStateException("requiresGrad_: you can only change requires_grad flags of leaf variables. "
                    + "Use detach() to get a tensor that does not require grad.");
        }
        if (flag && !dtype.isFloatingPoint()) {
            throw new IllegalArgumentException("requiresGrad_: only Tensors of floating point dtype can require gradients, got " + dtype);
        }
        requiresGrad = flag;
        return this;
    }

    public Tensor requiresGrad_() { return requiresGrad_(true); }

    /** Keeps the gradient of this non-leaf tensor in {@link #grad()} after backward. */
    public Tensor retainGrad() {
        if (gradFn != null) gradFn.retainGradFor(this);
        return this;
    }

    /** A tensor sharing storage that is cut from the graph (a new leaf: in-place ops on it don't reach this graph). */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset);
    }

    /** Replaces this tensor's data with {@code other}'s (PyTorch's {@code t.data = other}); autograd is not told. */
    public void setData(Tensor other) {
        storage = req(other, "setData", "other").storage;
        dtype = other.dtype;
        shape = other.shape.clone();
        strides = other.strides.clone();
        offset = other.offset;
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item: a Tensor with " + numel() + " elements cannot be converted to a scalar");
        }
        return storage.getDouble(offset);
    }

    /** The element at {@code index} (one index per dimension). */
    public double get(int... index) { return storage.getDouble(elementOffset("get", index)); }
    public long getLong(int... index) { return storage.getLong(elementOffset("getLong", index)); }

    /** Writes one element in place (no autograd). */
    public void set(double value, int... index) {
        storage.setDouble(elementOffset("set", index), value);
        storage.bumpVersion();
    }

    private int elementOffset(String op, int[] index) {
        req(index, op, "index");
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": expected " + shape.length + " indices for shape "
                    + Shapes.str(shape) + ", got " + index.length);
        }
        int o = offset;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException(op + ": index " + index[d] + " is out of bounds for dimension "
                        + d + " with size " + shape[d]);
            }
            o += i * strides[d];
        }
        return o;
    }

    public float[] toFloatArray() { return Creation.toFloatArray(this); }
    public double[] toDoubleArray() { return Creation.toDoubleArray(this); }
    public long[] toLongArray() { return Creation.toLongArray(this); }
    public boolean[] toBooleanArray() { return Creation.toBooleanArray(this); }

    /** Whether any element is NaN or infinite. */
    public boolean hasNonFinite() {
        if (!dtype.isFloatingPoint()) return false;
        for (double v : toDoubleArray()) {
            if (!Double.isFinite(v)) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ autograd entry points

    /** Back-propagates from this scalar tensor into the leaves' {@code .grad}. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward: grad can be implicitly created only for scalar outputs, but this tensor has shape "
                    + Shapes.str(shape) + "; pass a gradient of that shape");
        }
        backward(onesLike(this), false);
    }

    public void backward(Tensor gradOutput) { backward(gradOutput, false); }

    public void backward(Tensor gradOutput, boolean retainGraph) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: element 0 of tensors does not require grad and does not have a grad_fn");
        }
        if (!Arrays.equals(gradOutput.shape, shape)) {
            throw new IllegalArgumentException("backward: gradient has shape " + Shapes.str(gradOutput.shape)
                    + " but the output has shape " + Shapes.str(shape));
        }
        Engine.run(List.of(this), List.of(gradOutput), retainGraph, null);
    }

    // ------------------------------------------------------------------ views and shape

    public Tensor view(int... shape) { return Views.view(this, shape); }
    public Tensor reshape(int... shape) { return Views.reshape(this, shape); }
    public Tensor viewAs(Tensor other) { return view(req(other, "view_as", "other").shape); }
    public Tensor reshapeAs(Tensor other) { return reshape(req(other, "reshape_as", "other").shape); }
    public Tensor transpose(int dim0, int dim1) { return Views.transpose(this, dim0, dim1); }
    /** Transpose of a tensor of at most 2 dims. */
    public Tensor t() {
        if (shape.length > 2) throw new IllegalArgumentException("t: expects a tensor with <= 2 dimensions, but got " + shape.length + "D");
        return shape.length < 2 ? this : transpose(0, 1);
    }
    /** The transpose of the last two dims ({@code x.mT}). */
    public Tensor mT() { return transpose(-2, -1); }
    public Tensor permute(int... dims) { return Views.permute(this, req(dims, "permute", "dims")); }
    public Tensor movedim(int source, int destination) { return Views.movedim(this, source, destination); }
    public Tensor narrow(int dim, int start, int length) { return Views.slice(this, dim, start, start + length, 1, "narrow"); }
    /** {@code x[..., start:end:step, ...]} along {@code dim}; bounds are clamped as in Python slicing. */
    public Tensor slice(int dim, int start, int end, int step) { return Views.slice(this, dim, start, end, step, "slice"); }
    public Tensor slice(int dim, int start, int end) { return slice(dim, start, end, 1); }
    public Tensor select(int dim, int index) { return Views.select(this, dim, index); }
    public Tensor expand(int... sizes) { return Views.expand(this, req(sizes, "expand", "sizes")); }
    public Tensor expandAs(Tensor other) { return expand(req(other, "expand_as", "other").shape); }
    public Tensor broadcastTo(int... shape) { return expand(shape); }
    public Tensor squeeze() { return Views.squeeze(this, null); }
    public Tensor squeeze(int dim) { return Views.squeeze(this, dim); }
    public Tensor unsqueeze(int dim) { return Views.unsqueeze(this, dim); }
    public Tensor flatten() { return flatten(0, -1); }
    /** {@code flatten(startDim, -1)}, as {@code x.flatten(1)} in PyTorch. */
    public Tensor flatten(int startDim) { return flatten(startDim, -1); }
    public Tensor flatten(int startDim, int endDim) { return Views.flatten(this, startDim, endDim); }
    public Tensor unflatten(int dim, int... sizes) { return Views.unflatten(this, dim, sizes); }
    public Tensor contiguous() { return isContiguous() ? this : Views.copy(this, "contiguous"); }
    /** A copy with its own storage, differentiable. */
    public Tensor clone() { return Views.copy(this, "clone"); }
    public Tensor to(DType dtype) {
        if (dtype == null) throw new IllegalArgumentException("to: dtype must not be null");
        return dtype == this.dtype ? this : Views.cast(this, dtype);
    }
    public Tensor toFloat() { return to(DType.FLOAT32); }
    public Tensor toDouble() { return to(DType.FLOAT64); }
    public Tensor toLong() { return to(DType.INT64); }
    public Tensor toBool() { return to(DType.BOOL); }
    /** Sums broadcast dimensions away so the result has {@code shape} (the reverse of expand). */
    public Tensor sumToSize(int... shape) { return Reductions.sumToSize(this, req(shape, "sumToSize", "shape")); }
    public Tensor[] split(int splitSize, int dim) { return Views.split(this, splitSize, dim); }
    public Tensor[] split(int[] sizes, int dim) { return Views.split(this, sizes, dim); }
    public Tensor[] chunk(int chunks, int dim) { return Views.chunk(this, chunks, dim); }
    public Tensor[] unbind(int dim) { return Views.unbind(this, dim); }
    public Tensor repeat(int... repeats) { return Views.repeat(this, req(repeats, "repeat", "repeats")); }
    public Tensor repeatInterleave(int repeats, int dim) { return Views.repeatInterleave(this, repeats, dim); }
    public Tensor flip(int... dims) { return Indexing.flip(this, req(dims, "flip", "dims")); }
    public Tensor roll(int shift, int dim) { return Indexing.roll(this, shift, dim); }

    // ------------------------------------------------------------------ elementwise unary

    public Tensor neg() { return Elementwise.unary(UnaryOp.NEG, this); }
    public Tensor abs() { return Elementwise.unary(UnaryOp.ABS, this); }
    public Tensor exp() { return Elementwise.unary(UnaryOp.EXP, this); }
    public Tensor expm1() { return Elementwise.unary(UnaryOp.EXPM1, this); }
    public Tensor log() { return Elementwise.unary(UnaryOp.LOG, this); }
    public Tensor log1p() { return Elementwise.unary(UnaryOp.LOG1P, this); }
    public Tensor log2() { return Elementwise.unary(UnaryOp.LOG2, this); }
    public Tensor log10() { return Elementwise.unary(UnaryOp.LOG10, this); }
    public Tensor sqrt() { return Elementwise.unary(UnaryOp.SQRT, this); }
    public Tensor rsqrt() { return Elementwise.unary(UnaryOp.RSQRT, this); }
    public Tensor square() { return Elementwise.unary(UnaryOp.SQUARE, this); }
    public Tensor reciprocal() { return Elementwise.unary(UnaryOp.RECIPROCAL, this); }
    public Tensor sin() { return Elementwise.unary(UnaryOp.SIN, this); }
    public Tensor cos() { return Elementwise.unary(UnaryOp.COS, this); }
    public Tensor tan() { return Elementwise.unary(UnaryOp.TAN, this); }
    public Tensor asin() { return Elementwise.unary(UnaryOp.ASIN, this); }
    public Tensor acos() { return Elementwise.unary(UnaryOp.ACOS, this); }
    public Tensor atan() { return Elementwise.unary(UnaryOp.ATAN, this); }
    public Tensor sinh() { return Elementwise.unary(UnaryOp.SINH, this); }
    public Tensor cosh() { return Elementwise.unary(UnaryOp.COSH, this); }
    public Tensor tanh() { return Elementwise.unary(UnaryOp.TANH, this); }
    public Tensor sigmoid() { return Elementwise.unary(UnaryOp.SIGMOID, this); }
    public Tensor relu() { return Elementwise.unary(UnaryOp.RELU, this); }
    public Tensor sign() { return Elementwise.unary(UnaryOp.SIGN, this); }
    public Tensor floor() { return Elementwise.unary(UnaryOp.FLOOR, this); }
    public Tensor ceil() { return Elementwise.unary(UnaryOp.CEIL, this); }
    /** Rounds half to even, as {@code torch.round}. */
    public Tensor round() { return Elementwise.unary(UnaryOp.ROUND, this); }
    public Tensor trunc() { return Elementwise.unary(UnaryOp.TRUNC, this); }
    public Tensor frac() { return Elementwise.unary(UnaryOp.FRAC, this); }
    public Tensor erf() { return Elementwise.unary(UnaryOp.ERF, this); }
    public Tensor erfc() { return Elementwise.unary(UnaryOp.ERFC, this); }
    public Tensor erfinv() { return Elementwise.unary(UnaryOp.ERFINV, this); }
    public Tensor lgamma() { return Elementwise.unary(UnaryOp.LGAMMA, this); }
    public Tensor digamma() { return Elementwise.unary(UnaryOp.DIGAMMA, this); }
    public Tensor logicalNot() { return Elementwise.unary(UnaryOp.LOGICAL_NOT, this); }
    public Tensor isnan() { return Elementwise.unary(UnaryOp.ISNAN, this); }
    public Tensor isinf() { return Elementwise.unary(UnaryOp.ISINF, this); }
    public Tensor isfinite() { return Elementwise.unary(UnaryOp.ISFINITE, this); }

    // ------------------------------------------------------------------ elementwise binary

    public Tensor add(Tensor other) { return Elementwise.binary(BinaryOp.ADD, this, other); }
    /** {@code this + alpha * other}. */
    public Tensor add(Tensor other, double alpha) { return alpha == 1 ? add(other) : add(req(other, "add", "other").mul(alpha)); }
    public Tensor add(double other) { return add(Elementwise.scalarLike(this, other)); }
    public Tensor sub(Tensor other) { return Elementwise.binary(BinaryOp.SUB, this, other); }
    public Tensor sub(Tensor other, double alpha) { return alpha == 1 ? sub(other) : sub(req(other, "sub", "other").mul(alpha)); }
    public Tensor sub(double other) { return sub(Elementwise.scalarLike(this, other)); }
    /** {@code other - this}. */
    public Tensor rsub(double other) { return Elementwise.scalarLike(this, other).sub(this); }
    public Tensor mul(Tensor other) { return Elementwise.binary(BinaryOp.MUL, this, other); }
    public Tensor mul(double other) { return mul(Elementwise.scalarLike(this, other)); }
    /** True division: integer inputs give float32, as {@code torch.div}. */
    public Tensor div(Tensor other) { return Elementwise.binary(BinaryOp.DIV, this, other); }
    public Tensor div(double other) { return div(Elementwise.scalarLike(this, other)); }
    /**
     * {@code torch.div(input, other, rounding_mode=...)}: {@code null} is true division, {@code "trunc"} rounds the
     * quotient toward zero, {@code "floor"} toward -inf (as floor_divide); integer operands stay integer and exact.
     */
    public Tensor div(Tensor other, String roundingMode) { return Elementwise.divRounding(this, other, roundingMode); }
    public Tensor pow(Tensor exponent) { return Elementwise.binary(BinaryOp.POW, this, exponent); }
    public Tensor pow(double exponent) { return Elementwise.powScalar(this, exponent); }
    public Tensor maximum(Tensor other) { return Elementwise.binary(BinaryOp.MAXIMUM, this, other); }
    public Tensor minimum(Tensor other) { return Elementwise.binary(BinaryOp.MINIMUM, this, other); }
    /** {@code torch.fmax}: the elementwise maximum ignoring NaN (NaN only where both are NaN). */
    public Tensor fmax(Tensor other) { return Elementwise.fmax(this, other, true); }
    /** {@code torch.fmin}: the elementwise minimum ignoring NaN (NaN only where both are NaN). */
    public Tensor fmin(Tensor other) { return Elementwise.fmax(this, other, false); }
    public Tensor atan2(Tensor other) { return Elementwise.binary(BinaryOp.ATAN2, this, other); }
    public Tensor fmod(Tensor other) { return Elementwise.binary(BinaryOp.FMOD, this, other); }
    public Tensor fmod(double other) { return fmod(Elementwise.scalarLike(this, other)); }
    public Tensor remainder(Tensor other) { return Elementwise.binary(BinaryOp.REMAINDER, this, other); }
    public Tensor remainder(double other) { return remainder(Elementwise.scalarLike(this, other)); }
    public Tensor floorDivide(Tensor other) { return Elementwise.binary(BinaryOp.FLOOR_DIVIDE, this, other); }
    public Tensor floorDivide(double other) { return floorDivide(Elementwise.scalarLike(this, other)); }
    public Tensor eq(Tensor other) { return Elementwise.binary(BinaryOp.EQ, this, other); }
    public Tensor eq(double other) { return eq(Elementwise.scalarLike(this, other)); }
    public Tensor ne(Tensor other) { return Elementwise.binary(BinaryOp.NE, this, other); }
    public Tensor ne(double other) { return ne(Elementwise.scalarLike(this, other)); }
    public Tensor lt(Tensor other) { return Elementwise.binary(BinaryOp.LT, this, other); }
    public Tensor lt(double other) { return lt(Elementwise.scalarLike(this, other)); }
    public Tensor le(Tensor other) { return Elementwise.binary(BinaryOp.LE, this, other); }
    public Tensor le(double other) { return le(Elementwise.scalarLike(this, other)); }
    public Tensor gt(Tensor other) { return Elementwise.binary(BinaryOp.GT, this, other); }
    public Tensor gt(double other) { return gt(Elementwise.scalarLike(this, other)); }
    public Tensor ge(Tensor other) { return Elementwise.binary(BinaryOp.GE, this, other); }
    public Tensor ge(double other) { return ge(Elementwise.scalarLike(this, other)); }
    public Tensor logicalAnd(Tensor other) { return Elementwise.binary(BinaryOp.LOGICAL_AND, this, other); }
    public Tensor logicalOr(Tensor other) { return Elementwise.binary(BinaryOp.LOGICAL_OR, this, other); }
    public Tensor logicalXor(Tensor other) { return Elementwise.binary(BinaryOp.LOGICAL_XOR, this, other); }
    /** Whether both tensors have the same shape and elements. */
    public boolean equal(Tensor other) {
        if (!Arrays.equals(shape, req(other, "equal", "other").shape)) return false;
        // element by element with ==: NaN is never equal (Arrays.equals would treat NaN as equal to NaN)
        double[] a = toDoubleArray(), b = other.toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
    /** Elementwise |a - b| <= atol + rtol * |b| for every element, as {@code torch.allclose}. */
    public boolean allclose(Tensor other, double rtol, double atol) {
        int[] common = Shapes.broadcast("allclose", shape, req(other, "allclose", "other").shape);
        double[] a = expand(common).toDoubleArray(), b = other.expand(common).toDoubleArray();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i])) && a[i] != b[i]) return false;
        }
        return true;
    }
    public boolean allclose(Tensor other) { return allclose(other, 1e-5, 1e-8); }

    /** Clamps into {@code [min, max]}; pass NaN to leave a side open. */
    public Tensor clamp(double min, double max) { return Elementwise.clamp(this, min, max); }
    public Tensor clampMin(double min) { return clamp(min, Double.NaN); }
    public Tensor clampMax(double max) { return clamp(Double.NaN, max); }
    public Tensor clamp(Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("clamp: at least one of 'min' or 'max' must not be None");
        }
        return Elementwise.clamp(this, min, max);
    }
    /** {@code where(mask, value, this)}. */
    public Tensor maskedFill(Tensor mask, double value) { return Indexing.maskedFill(this, mask, value); }
    public Tensor maskedFill(Tensor mask, Tensor value) { return where(mask, value, this); }
    /** Elementwise {@code condition ? input : other}, broadcasting all three. */
    public static Tensor where(Tensor condition, Tensor input, Tensor other) { return Indexing.where(condition, input, other); }
    public static Tensor where(Tensor condition, double input, Tensor other) { return where(condition, Elementwise.scalarLike(req(other, "where", "other"), input), other); }
    public static Tensor where(Tensor condition, Tensor input, double other) { return where(condition, input, Elementwise.scalarLike(req(input, "where", "input"), other)); }

    // ------------------------------------------------------------------ reductions

    public Tensor sum() { return Reductions.sum(this, null, false); }
    public Tensor sum(int dim) { return Reductions.sum(this, new int[] {dim}, false); }
    public Tensor sum(int dim, boolean keepdim) { return Reductions.sum(this, new int[] {dim}, keepdim); }
    public Tensor sum(int[] dims, boolean keepdim) { return Reductions.sum(this, dims, keepdim); }
    public Tensor mean() { return Reductions.mean(this, null, false); }
    public Tensor mean(int dim) { return Reductions.mean(this, new int[] {dim}, false); }
    public Tensor mean(int dim, boolean keepdim) { return Reductions.mean(this, new int[] {dim}, keepdim); }
    public Tensor mean(int[] dims, boolean keepdim) { return Reductions.mean(this, dims, keepdim); }
    public Tensor prod() { return Reductions.prod(this, null, false); }
    public Tensor prod(int dim, boolean keepdim) { return Reductions.prod(this, new int[] {dim}, keepdim); }
    public Tensor amax(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim, true); }
    public Tensor amax(int dim) { return amax(new int[] {dim}, false); }
    public Tensor amin(int[] dims, boolean keepdim) { return Reductions.amax(this, dims, keepdim, false); }
    public Tensor amin(int dim) { return amin(new int[] {dim}, false); }
    /** The largest element (0-dim). */
    public Tensor max() { return Reductions.amax(this, null, false, true, true); }
    public Tensor min() { return Reductions.amax(this, null, false, false, true); }
    /** Largest values along {@code dim} and their indices. */
    public ValuesIndices max(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, true); }
    public ValuesIndices max(int dim) { return max(dim, false); }
    public ValuesIndices min(int dim, boolean keepdim) { return Reductions.maxDim(this, dim, keepdim, false); }
    public ValuesIndices min(int dim) { return min(dim, false); }
    /** Index of the largest element of the flattened tensor. */
    public Tensor argmax() { return Reductions.argmax(this, null, false, true); }
    public Tensor argmax(int dim) { return Reductions.argmax(this, dim, false, true); }
    public Tensor argmax(int dim, boolean keepdim) { return Reductions.argmax(this, dim, keepdim, true); }
    public Tensor argmin() { return Reductions.argmax(this, null, false, false); }
    public Tensor argmin(int dim) { return Reductions.argmax(this, dim, false, false); }
    public Tensor argmin(int dim, boolean keepdim) { return Reductions.argmax(this, dim, keepdim, false); }
    /** Variance with Bessel's correction (correction = 1), as {@code torch.var}. */
    public Tensor var() { return Reductions.var(this, null, 1, false); }
    public Tensor var(int dim) { return Reductions.var(this, new int[] {dim}, 1, false); }
    public Tensor var(int[] dims, double correction, boolean keepdim) { return Reductions.var(this, dims, correction, keepdim); }
    public Tensor std() { return Reductions.std(this, null, 1, false); }
    public Tensor std(int dim) { return Reductions.std(this, new int[] {dim}, 1, false); }
    public Tensor std(int[] dims, double correction, boolean keepdim) { return Reductions.std(this, dims, correction, keepdim); }
    public Tensor logsumexp(int dim) { return Reductions.logsumexp(this, new int[] {dim}, false); }
    public Tensor logsumexp(int[] dims, boolean keepdim) { return Reductions.logsumexp(this, dims, keepdim); }
    /** The p-norm over all elements. */
    public Tensor norm() { return norm(2, null, false); }
    public Tensor norm(double p, int[] dims, boolean keepdim) { return Reductions.norm(this, p, dims, keepdim); }
    public Tensor all() { return Reductions.logical(this, null, false, true); }
    public Tensor all(int dim) { return Reductions.logical(this, new int[] {dim}, false, true); }
    public Tensor any() { return Reductions.logical(this, null, false, false); }
    public Tensor any(int dim) { return Reductions.logical(this, new int[] {dim}, false, false); }
    public Tensor countNonzero() { return ne(0).sum(); }
    public Tensor cumsum(int dim) { return Reductions.cumsum(this, dim); }
    public Tensor cumprod(int dim) { return Reductions.cumprod(this, dim); }

    // ------------------------------------------------------------------ linear algebra

    /** Matrix product with PyTorch's rules for 1-D operands and broadcast batch dims. */
    public Tensor matmul(Tensor other) { return LinAlg.matmul(this, other); }
    public Tensor mm(Tensor other) { return LinAlg.mm(this, req(other, "mm", "mat2")); }
    public Tensor bmm(Tensor other) { return LinAlg.bmm(this, req(other, "bmm", "mat2")); }
    public Tensor mv(Tensor vec) { return LinAlg.mv(this, req(vec, "mv", "vec")); }
    public Tensor dot(Tensor other) { return LinAlg.dot(this, req(other, "dot", "other")); }
    public Tensor outer(Tensor other) { return LinAlg.outer(this, req(other, "outer", "vec2")); }
    public static Tensor einsum(String equation, Tensor... operands) { return LinAlg.einsum(equation, operands); }

    // ------------------------------------------------------------------ indexing, joining, sorting

    public Tensor gather(int dim, Tensor index) { return Indexing.gather(this, dim, index); }
    /** Out-of-place {@code scatter_add}: a copy of this with {@code src} added at {@code index} along {@code dim}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) { return Indexing.scatterAdd(this, dim, index, src); }
    /** Out-of-place {@code scatter}: a copy of this with {@code src} written at {@code index} along {@code dim}. */
    public Tensor scatter(int dim, Tensor index, Tensor src) { return Indexing.scatter(this, dim, index, src); }
    public Tensor scatter(int dim, Tensor index, double value) { return Indexing.scatter(this, dim, index, fullLike(req(index, "scatter", "index").to(dtype), value)); }
    public Tensor indexSelect(int dim, Tensor index) { return Indexing.indexSelect(this, dim, index); }
    /** Out-of-place {@code index_add}: a copy of this with {@code source} slices added at {@code index} along {@code dim}. */
    public Tensor indexAdd(int dim, Tensor index, Tensor source) { return Indexing.indexAdd(this, dim, index, source); }
    /** The elements where {@code mask} is true, as a 1-D tensor. */
    public Tensor maskedSelect(Tensor mask) { return Indexing.maskedSelect(this, mask); }
    /** Indices of non-zero elements, shape (count, ndim). */
    public Tensor nonzero() { return Indexing.nonzero(this); }
    public static Tensor cat(List<Tensor> tensors, int dim) { return Indexing.cat(tensors, dim); }
    public static Tensor cat(int dim, Tensor... tensors) { return Indexing.cat(tensors == null ? null : java.util.Arrays.asList(tensors), dim); }
    public static Tensor stack(List<Tensor> tensors, int dim) { return Indexing.stack(tensors, dim); }
    public static Tensor stack(int dim, Tensor... tensors) { return Indexing.stack(tensors == null ? null : java.util.Arrays.asList(tensors), dim); }
    public Tensor triu(int diagonal) { return Indexing.triangle(this, diagonal, true); }
    public Tensor triu() { return triu(0); }
    public Tensor tril(int diagonal) { return Indexing.triangle(this, diagonal, false); }
    public Tensor tril() { return tril(0); }
    public ValuesIndices sort(int dim, boolean descending) { return Indexing.sort(this, dim, descending); }
    public ValuesIndices sort() { return sort(-1, false); }
    public Tensor argsort(int dim, boolean descending) { return sort(dim, descending).indices(); }
    public ValuesIndices topk(int k, int dim, boolean largest, boolean sorted) { return Indexing.topk(this, k, dim, largest, sorted); }
    public ValuesIndices topk(int k) { return topk(k, -1, true, true); }
    public ValuesIndices topk(int k, int dim) { return topk(k, dim, true, true); }

    // ------------------------------------------------------------------ in-place (trailing underscore)

    public Tensor add_(Tensor other) { return InPlace.apply(this, "add_", t -> t.add(other)); }
    public Tensor add_(Tensor other, double alpha) { return InPlace.apply(this, "add_", t -> t.add(other, alpha)); }
    public Tensor add_(double other) { return InPlace.apply(this, "add_", t -> t.add(other)); }
    public Tensor sub_(Tensor other) { return InPlace.apply(this, "sub_", t -> t.sub(other)); }
    public Tensor sub_(Tensor other, double alpha) { return InPlace.apply(this, "sub_", t -> t.sub(other, alpha)); }
    public Tensor sub_(double other) { return InPlace.apply(this, "sub_", t -> t.sub(other)); }
    public Tensor mul_(Tensor other) { return InPlace.apply(this, "mul_", t -> t.mul(other)); }
    public Tensor mul_(double other) { return InPlace.apply(this, "mul_", t -> t.mul(other)); }
    public Tensor div_(Tensor other) { return InPlace.apply(this, "div_", t -> t.div(other)); }
    public Tensor div_(double other) { return InPlace.apply(this, "div_", t -> t.div(other)); }
    public Tensor pow_(double exponent) { return InPlace.apply(this, "pow_", t -> t.pow(exponent)); }
    public Tensor neg_() { return InPlace.apply(this, "neg_", Tensor::neg); }
    public Tensor exp_() { return InPlace.apply(this, "exp_", Tensor::exp); }
    public Tensor log_() { return InPlace.apply(this, "log_", Tensor::log); }
    public Tensor sqrt_() { return InPlace.apply(this, "sqrt_", Tensor::sqrt); }
    public Tensor abs_() { return InPlace.apply(this, "abs_", Tensor::abs); }
    public Tensor relu_() { return InPlace.apply(this, "relu_", Tensor::relu); }
    public Tensor sigmoid_() { return InPlace.apply(this, "sigmoid_", Tensor::sigmoid); }
    public Tensor tanh_() { return InPlace.apply(this, "tanh_", Tensor::tanh); }
    public Tensor clamp_(double min, double max) { return InPlace.apply(this, "clamp_", t -> t.clamp(min, max)); }
    public Tensor clampMin_(double min) { return clamp_(min, Double.NaN); }
    public Tensor clampMax_(double max) { return clamp_(Double.NaN, max); }
    public Tensor maskedFill_(Tensor mask, double value) { return InPlace.apply(this, "maskedFill_", t -> t.maskedFill(mask, value)); }
    /** {@code this += value * t1 * t2}. */
    public Tensor addcmul_(Tensor t1, Tensor t2, double value) { return InPlace.apply(this, "addcmul_", t -> t.add(req(t1, "addcmul_", "tensor1").mul(req(t2, "addcmul_", "tensor2")).mul(value))); }
    /** {@code this += value * t1 / t2}. */
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value) { return InPlace.apply(this, "addcdiv_", t -> t.add(req(t1, "addcdiv_", "tensor1").div(req(t2, "addcdiv_", "tensor2")).mul(value))); }
    /** {@code this += weight * (end - this)}. */
    public Tensor lerp_(Tensor end, double weight) { return InPlace.apply(this, "lerp_", t -> t.add(req(end, "lerp_", "end").sub(t).mul(weight))); }
    public Tensor zero_() { return fill_(0); }
    public Tensor fill_(double value) { return InPlace.fill(this, value); }
    /** Copies {@code src} (broadcast to this shape, any dtype) into this tensor. */
    public Tensor copy_(Tensor src) { return InPlace.copy(this, src); }
    public Tensor uniform_(double from, double to) { return InPlace.uniform(this, from, to, Generator.getDefault()); }
    public Tensor uniform_(double from, double to, Generator g) { return InPlace.uniform(this, from, to, g); }
    public Tensor normal_(double mean, double std) { return InPlace.normal(this, mean, std, Generator.getDefault()); }
    public Tensor normal_(double mean, double std, Generator g) { return InPlace.normal(this, mean, std, g); }
    public Tensor bernoulli_(double p, Generator g) { return InPlace.bernoulli(this, p, g); }

    // ------------------------------------------------------------------ printing

    /** PyTorch-style text, e.g. {@code tensor([1., 2.], requires_grad=True)}; large tensors are summarized. */
    @Override
    public String toString() {
        return Printer.format(this);
    }

    /** Values and indices, as returned by {@code max(dim)}, {@code sort}, {@code topk}. */
    public record ValuesIndices(Tensor values, Tensor indices) {}

    /** Whether grad mode is on for this thread. */
    static boolean gradEnabled() {
        return GradMode.isEnabled();
    }
}
