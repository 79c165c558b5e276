package dev.nn4j.internal;

import dev.nn4j.DType;

/**
 * A flat Java array behind one or more tensors. Views share a storage; the version counter
 * counts in-place writes so autograd can detect that a saved tensor was modified.
 */
public abstract sealed class Storage permits Storage.F32, Storage.F64, Storage.I64, Storage.Bool {
    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();
    private int version;
    /** Creation order: lets autograd tell a gradient computed during this backward from an older tensor. */
    private final long serial = SERIALS.getAndIncrement();

    public abstract DType dtype();

    public abstract int size();

    public abstract double getDouble(int i);

    public abstract void setDouble(int i, double v);

    public long getLong(int i) {
        return (long) getDouble(i);
    }

    public void setLong(int i, long v) {
        setDouble(i, v);
    }

    public int version() {
        return version;
    }

    /** This storage's creation number; storages created later have larger ones. */
    public long serial() {
        return serial;
    }

    /** The serial the next storage will get. */
    public static long nextSerial() {
        return SERIALS.get();
    }

    public void bumpVersion() {
        version++;
    }

    public static Storage allocate(DType dtype, int n) {
        return switch (dtype) {
            case FLOAT32 -> new F32(new float[n]);
            case FLOAT64 -> new F64(new double[n]);
            case INT64 -> new I64(new long[n]);
            case BOOL -> new Bool(new boolean[n]);
        };
    }

    public static final class F32 extends Storage {
        public final float[] data;

        public F32(float[] data) { this.data = data; }

        @Override public DType dtype() { return DType.FLOAT32; }
        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = (float) v; }
    }

    public static final class F64 extends Storage {
        public final double[] data;

        public F64(double[] data) { this.data = data; }

        @Override public DType dtype() { return DType.FLOAT64; }
        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = v; }
    }

    public static final class I64 extends Storage {
        public final long[] data;

        public I64(long[] data) { this.data = data; }

        @Override public DType dtype() { return DType.INT64; }
        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i]; }
        @Override public void setDouble(int i, double v) { data[i] = (long) v; }
        @Override public long getLong(int i) { return data[i]; }
        @Override public void setLong(int i, long v) { data[i] = v; }
    }

    public static final class Bool extends Storage {
        public final boolean[] data;

        public Bool(boolean[] data) { this.data = data; }

        @Override public DType dtype() { return DType.BOOL; }
        @Override public int size() { return data.length; }
        @Override public double getDouble(int i) { return data[i] ? 1 : 0; }
        @Override public void setDouble(int i, double v) { data[i] = v != 0; }
    }
}
