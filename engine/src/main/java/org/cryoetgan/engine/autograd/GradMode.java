package org.cryoetgan.engine.autograd;

/**
 * Whether ops record the graph on the current thread. {@code try (var g = GradMode.disable()) {...}} runs a
 * block without recording (inference, optimizer updates, metrics).
 */
public final class GradMode implements AutoCloseable {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private final boolean previous;

    private GradMode(boolean enabled) {
        boolean[] flag = ENABLED.get();
        previous = flag[0];
        flag[0] = enabled;
    }

    /** Turns recording off until the returned handle is closed. */
    public static GradMode disable() {
        return new GradMode(false);
    }

    /** Turns recording on until the returned handle is closed. */
    public static GradMode enable() {
        return new GradMode(true);
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    @Override
    public void close() {
        ENABLED.get()[0] = previous;
    }
}
