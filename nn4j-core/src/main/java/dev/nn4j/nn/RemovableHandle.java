package dev.nn4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The handle of a registered hook: {@link #remove()} unregisters it (PyTorch's {@code RemovableHandle}). */
public final class RemovableHandle {
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private final Map<Integer, ?> hooks;
    private final int id;

    private RemovableHandle(Map<Integer, ?> hooks, int id) {
        this.hooks = hooks;
        this.id = id;
    }

    /** Adds {@code hook} to {@code hooks} (at the front when {@code prepend}) and returns its handle. */
    static <H> RemovableHandle add(LinkedHashMap<Integer, H> hooks, H hook, boolean prepend) {
        if (hook == null) throw new IllegalArgumentException("hook must not be null");
        int id = NEXT_ID.getAndIncrement();
        if (prepend) {
            LinkedHashMap<Integer, H> rest = new LinkedHashMap<>(hooks);
            hooks.clear();
            hooks.put(id, hook);
            hooks.putAll(rest);
        } else {
            hooks.put(id, hook);
        }
        return new RemovableHandle(hooks, id);
    }

    /** Unregisters the hook; calling it again does nothing. */
    public void remove() {
        hooks.remove(id);
    }

    /** The hook's unique id. */
    public int id() {
        return id;
    }
}
