package dev.nn4j.optim;

import dev.nn4j.Tensor;
import dev.nn4j.internal.Storage;

/**
 * Element access to a contiguous float32/float64 tensor for the fused update loops: one pass over memory
 * per step instead of one per arithmetic op. Math runs in double and rounds once per stored value.
 */
abstract class Vec {
    final int n;

    private Vec(int n) {
        this.n = n;
    }

    abstract double get(int i);

    abstract void set(int i, double v);

    static Vec of(Tensor t) {
        if (!t.isContiguous()) throw new IllegalStateException("optimizer: expected a contiguous tensor");
        int off = t.storageOffset(), n = t.numel();
        return switch (t.storage()) {
            case Storage.F32 s -> new Vec(n) {
                double get(int i) { return s.data[off + i]; }
                void set(int i, double v) { s.data[off + i] = (float) v; }
            };
            case Storage.F64 s -> new Vec(n) {
                double get(int i) { return s.data[off + i]; }
                void set(int i, double v) { s.data[off + i] = v; }
            };
            default -> throw new IllegalArgumentException("optimizer: expected a floating point tensor, got " + t.dtype());
        };
    }

    /** Marks the storage as modified (autograd's version counter). */
    static void touched(Tensor t) {
        t.storage().bumpVersion();
    }
}
