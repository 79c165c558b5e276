package dev.nn4j;

import dev.nn4j.autograd.GradMode;
import dev.nn4j.autograd.Node;
import dev.nn4j.backend.Backend;
import dev.nn4j.internal.Shapes;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * In-place ops. Each computes its out-of-place twin and writes the result back into the tensor's
 * storage, bumping the version counter. When autograd is tracking, the tensor takes the twin's
 * node as its own (PyTorch's "rebase"), with the old value cloned so the twin's saved inputs stay valid.
 */
final class InPlace {
    private InPlace() {}

    private static void checkLeaf(Tensor t, String op) {
        if (GradMode.isEnabled() && t.requiresGrad && t.gradFn == null) {
            throw new IllegalStateException(op + ": a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** PyTorch's assert_no_internal_overlap: a write through a broadcast (stride-0) dim would hit one element several times. */
    private static void checkNoInternalOverlap(Tensor t, String op) {
        for (int i = 0; i < t.shape.length; i++) {
            if (t.shape[i] > 1 && t.strides[i] == 0) {
                throw new IllegalArgumentException(op + ": unsupported operation: more than one element of the written-to tensor (shape "
                        + Shapes.str(t.shape) + ", strides " + Arrays.toString(t.strides) + ") refers to a single memory location."
                        + " Please clone() the tensor before performing the operation.");
            }
        }
    }

    private static void checkFloating(Tensor t, String op) {
        if (!t.dtype.isFloatingPoint()) throw new IllegalArgumentException(op + ": expected a floating point tensor, got " + t.dtype);
    }

    static Tensor apply(Tensor t, String op, UnaryOperator<Tensor> f) {
        checkLeaf(t, op);
        checkNoInternalOverlap(t, op);
        if (!GradMode.isEnabled()) {
            writeBack(t, f.apply(t), op);
            return t;
        }
        Tensor old = t.requiresGrad ? t.clone() : t;
        Tensor r = f.apply(old);
        if (!r.requiresGrad) {
            writeBack(t, r, op);
            return t;
        }
        // the twin's node may have saved t itself (t.mul_(w) saves t for w's gradient): give it a copy that survives the write
        if (old == t) r = f.apply(t.clone());
        if (t.base != null) {
            rebaseView(t, r, op);
            return t;
        }
        boolean prev = GradMode.set(false);
        try {
            writeBack(t, r, op);
        } finally {
            GradMode.set(prev);
        }
        t.gradFn = r.gradFn;
        t.requiresGrad = true;
        return t;
    }

    /**
     * In-place on a view {@code t} of {@code base}: the base takes a CopySlices node (its old value with the view's
     * region replaced by {@code r}) and {@code t} becomes a strided view of the new base, as in PyTorch.
     * Views of the base taken before the write keep their old nodes.
     */
    private static void rebaseView(Tensor t, Tensor r, String op) {
        Tensor base = t.base;
        if (base.requiresGrad && base.gradFn == null) {
            throw new IllegalStateException(op + ": a view of a leaf Variable that requires grad is being used in an in-place operation.");
        }
        if (!base.isContiguous()) {
            throw new UnsupportedOperationException(op + ": in-place operations that need gradients on views of a non-contiguous base "
                    + Shapes.str(base.shape) + " are not supported; use the out-of-place op");
        }
        int[] shape = t.shape.clone(), strides = t.strides.clone(), baseShape = base.shape.clone();
        int off = t.offset - base.offset;
        boolean prev = GradMode.set(false);
        try {
            writeBack(t, r, op);
        } finally {
            GradMode.set(prev);
        }
        boolean baseNeedsGrad = base.requiresGrad;
        base.gradFn = new Node("CopySlices", new Tensor[] {base, r}, null, g -> {
            Tensor gb = Tensor.zeros(g.dtype, baseShape);
            Backend.current().copy(g, gb);
            Tensor region = new Tensor(gb.storage, shape, strides, off);
            Tensor gr = Views.copy(region, "CopySlices");
            Backend.current().copy(Elementwise.expandNoGrad(Tensor.zeros(g.dtype), shape), region);
            return new Tensor[] {baseNeedsGrad ? gb : null, gr};
        });
        base.requiresGrad = true;
        asStridedOfBase(t);
    }

    /** Makes view {@code t} a strided view (AsStridedBackward0) of its base's current node. */
    private static void asStridedOfBase(Tensor t) {
        Tensor base = t.base;
        int[] shape = t.shape.clone(), strides = t.strides.clone(), baseShape = base.shape.clone();
        int off = t.offset - base.offset;
        t.gradFn = new Node("AsStridedBackward0", new Tensor[] {base}, null, g -> {
            Tensor z = Tensor.zeros(g.dtype, baseShape);
            Backend.current().copy(g, new Tensor(z.storage, shape, strides, off));
            return new Tensor[] {z};
        });
        t.requiresGrad = true;
        t.baseGradFn = base.gradFn;
    }

    /**
     * A view taken before an in-place op rebased its base still points at the base's old node; as PyTorch
     * regenerates a stale view's grad_fn, it becomes a strided view of the base's new node when next used.
     */
    static void refreshView(Tensor t) {
        Tensor base = t.base;
        if (base == null || base.gradFn == t.baseGradFn) return;
        t.baseGradFn = base.gradFn;
        if (base.gradFn != null && base.isContiguous()) asStridedOfBase(t);
    }

    /** {@code src} (broadcast, cast) in place of {@code old}, differentiable in both with no NaN from old's values. */
    private static Tensor overwrite(Tensor old, Tensor src) {
        return Tensor.where(Tensor.scalar(1, DType.BOOL), src.to(old.dtype), old);
    }

    /** Whether writing into {@code t} must be recorded: it, or the tensor it views, is tracked by autograd. */
    private static boolean tracked(Tensor t) {
        return GradMode.isEnabled() && (t.requiresGrad || t.base != null && t.base.requiresGrad);
    }

    private static void writeBack(Tensor t, Tensor r, String op) {
        if (!Arrays.equals(r.shape, t.shape)) {
            throw new IllegalArgumentException(op + ": output with shape " + Shapes.str(t.shape)
                    + " doesn't match the broadcast shape " + Shapes.str(r.shape));
        }
        // PyTorch's can_cast: an in-place op may not narrow floating point to integers, or anything to bool
        if (r.dtype.isFloatingPoint() && !t.dtype.isFloatingPoint() || r.dtype != DType.BOOL && t.dtype == DType.BOOL) {
            throw new IllegalArgumentException(op + ": result type " + r.dtype + " can't be cast to the desired output type " + t.dtype);
        }
        Backend.current().copy(r, t);
        t.storage.bumpVersion();
    }

    static Tensor fill(Tensor t, double value) {
        checkLeaf(t, "fill_");
        if (tracked(t)) return apply(t, "fill_", old -> overwrite(old, Creation.full(new int[0], value, old.dtype)));
        Backend.current().copy(Elementwise.expandNoGrad(Creation.full(new int[0], value, t.dtype), t.shape), t);
        t.storage.bumpVersion();
        return t;
    }

    static Tensor copy(Tensor t, Tensor src) {
        if (src == null) throw new IllegalArgumentException("copy_: src must not be null");
        checkLeaf(t, "copy_");
        checkNoInternalOverlap(t, "copy_");
        Shapes.broadcast("copy_", src.shape, t.shape);
        if (GradMode.isEnabled() && src.requiresGrad || tracked(t)) {
            return apply(t, "copy_", old -> overwrite(old, src.expand(old.shape)));
        }
        Backend.current().copy(Elementwise.expandNoGrad(src, t.shape), t);
        t.storage.bumpVersion();
        return t;
    }

    static Tensor uniform(Tensor t, double from, double to, Generator g) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        checkLeaf(t, "uniform_");
        checkFloating(t, "uniform_");
        checkNoInternalOverlap(t, "uniform_");
        if (!(from <= to)) throw new IllegalArgumentException("uniform_: expects to return a [from, to) range, but found from=" + from + " > to=" + to);
        int n = t.numel();
        Tensor r = Tensor.allocate(t.dtype, t.shape);
        for (int i = 0; i < n; i++) r.storage.setDouble(i, from + (to - from) * g.nextDouble());
        Backend.current().copy(r, t);
        t.storage.bumpVersion();
        return t;
    }

    static Tensor normal(Tensor t, double mean, double std, Generator g) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        checkLeaf(t, "normal_");
        checkFloating(t, "normal_");
        checkNoInternalOverlap(t, "normal_");
        if (!(std >= 0)) throw new IllegalArgumentException("normal_: expects std >= 0.0, but found std " + std);
        int n = t.numel();
        Tensor r = Tensor.allocate(t.dtype, t.shape);
        for (int i = 0; i < n; i++) r.storage.setDouble(i, mean + std * g.nextGaussian());
        Backend.current().copy(r, t);
        t.storage.bumpVersion();
        return t;
    }

    static Tensor bernoulli(Tensor t, double p, Generator g) {
        if (g == null) g = Generator.getDefault();   // PyTorch's generator=None
        checkLeaf(t, "bernoulli_");
        checkNoInternalOverlap(t, "bernoulli_");
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli_: expected 0 <= p <= 1, got " + p);
        int n = t.numel();
        Tensor r = Tensor.allocate(t.dtype, t.shape);
        for (int i = 0; i < n; i++) r.storage.setDouble(i, g.nextDouble() < p ? 1 : 0);
        Backend.current().copy(r, t);
        t.storage.bumpVersion();
        return t;
    }
}
