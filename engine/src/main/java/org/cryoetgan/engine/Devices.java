package org.cryoetgan.engine;

import java.util.function.Consumer;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cuda.CudaProbe;

/**
 * Chooses the compute backend from a user's device string: {@code cpu}, {@code cuda} (= {@code cuda:0}),
 * {@code cuda:N}, or {@code auto} (the first GPU if one works, else the CPU with a one-line notice saying why).
 * CUDA backends are opened once per ordinal and shared.
 */
public final class Devices {
    private static final java.util.Map<Integer, Backend> OPENED = new java.util.HashMap<>();

    private Devices() {
    }

    /** {@link #select(String, Consumer)} with notices printed to standard error. */
    public static Backend select(String spec) {
        return select(spec, System.err::println);
    }

    /**
     * The backend for {@code spec}.
     *
     * @param notices receives the one-line notice when {@code auto} falls back to the CPU
     * @throws IllegalArgumentException for an unknown spec
     * @throws IllegalStateException when a GPU is requested explicitly and cannot be used (with the reason)
     */
    public static Backend select(String spec, Consumer<String> notices) {
        return select(spec, notices, new CudaProbe());
    }

    static synchronized Backend select(String spec, Consumer<String> notices, CudaProbe probe) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("cpu")) {
            return Backends.cpu();
        }
        if (s.equals("auto")) {
            try {
                return cuda(0, probe);
            } catch (IllegalStateException e) {
                notices.accept("cryoetgan: no usable GPU (" + e.getMessage() + "); running on the CPU ("
                        + Backends.cpu().threads() + " threads)");
                return Backends.cpu();
            }
        }
        if (s.equals("cuda") || s.matches("cuda:\\d{1,3}")) {
            return cuda(s.equals("cuda") ? 0 : Integer.parseInt(s.substring(5)), probe);
        }
        throw new IllegalArgumentException("unknown device '" + spec + "': use auto, cpu, cuda or cuda:N");
    }

    private static Backend cuda(int ordinal, CudaProbe probe) {
        Backend b = OPENED.get(ordinal);
        if (b != null) {
            return b;
        }
        CudaProbe.Result r = probe.open(ordinal);
        if (!r.ok()) {
            throw new IllegalStateException("cuda:" + ordinal + ": " + r.reason());
        }
        OPENED.put(ordinal, r.backend());
        return r.backend();
    }
}
