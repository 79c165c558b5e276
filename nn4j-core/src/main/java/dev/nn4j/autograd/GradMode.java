package dev.nn4j.autograd;

/** Per-thread switches of the autograd engine: grad recording and anomaly detection. */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});
    private static final ThreadLocal<boolean[]> ANOMALY = ThreadLocal.withInitial(() -> new boolean[] {false});

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
        return ANOMALY.get()[0];
    }

    public static boolean setAnomaly(boolean enabled) {
        boolean[] f = ANOMALY.get();
        boolean prev = f[0];
        f[0] = enabled;
        return prev;
    }
}
