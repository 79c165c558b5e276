package dev.nn4j.autograd;

/** Per-thread switches of the autograd engine: grad recording and anomaly detection. */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});
    /** Anomaly modes: off, NaN only (PyTorch's check), NaN and infinities. */
    public static final int ANOMALY_OFF = 0, ANOMALY_NAN = 1, ANOMALY_NAN_INF = 2;
    private static final ThreadLocal<int[]> ANOMALY = ThreadLocal.withInitial(() -> new int[] {ANOMALY_OFF});

    private GradMode() {}

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Sets grad mode for this thread and returns the previous value. */
    public static boolean set(boolean enabled) {
        boolean[] f = ENABLED.get();
        boolean prev = f[0];
        f[0] = enabled;
        return prev;
    }

    public static boolean isAnomalyEnabled() {
        return ANOMALY.get()[0] != ANOMALY_OFF;
    }

    public static int anomalyMode() {
        return ANOMALY.get()[0];
    }

    /** Sets the anomaly mode for this thread and returns the previous one. */
    public static int setAnomaly(int mode) {
        int[] f = ANOMALY.get();
        int prev = f[0];
        f[0] = mode;
        return prev;
    }
}
