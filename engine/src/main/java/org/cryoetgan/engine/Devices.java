package org.cryoetgan.engine;

import java.util.function.Consumer;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cuda.CudaProbe;
import org.cryoetgan.engine.cuda.GpuOptions;

/**
 * Chooses the compute backend from a user's device string: {@code cpu}, {@code cuda} (= {@code cuda:0}),
 * {@code cuda:N}, or {@code auto} (the first GPU if one works, else the CPU with a one-line notice saying why).
 * CUDA backends are opened once per ordinal and options, and shared. GPU options ({@link GpuOptions}: cuBLAS,
 * cuDNN, TF32) come from the system properties unless given.
 */
public final class Devices {
    private static final java.util.Map<String, Backend> OPENED = new java.util.HashMap<>();

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
        return select(spec, notices, GpuOptions.fromSystemProperties());
    }

    /** {@link #select(String, Consumer)} with explicit GPU options (e.g. TF32 allowed). */
    public static Backend select(String spec, Consumer<String> notices, GpuOptions options) {
        return select(spec, notices, new CudaProbe(), options);
    }

    static Backend select(String spec, Consumer<String> notices, CudaProbe probe) {
        return select(spec, notices, probe, GpuOptions.fromSystemProperties());
    }

    static synchronized Backend select(String spec, Consumer<String> notices, CudaProbe probe, GpuOptions options) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("cpu")) {
            return Backends.cpu();
        }
        if (s.equals("auto")) {
            try {
                return cuda(0, probe, options);
            } catch (IllegalStateException e) {
                notices.accept("cryoetgan: no usable GPU (" + e.getMessage() + "); running on the CPU ("
                        + Backends.cpu().threads() + " threads)");
                return Backends.cpu();
            }
        }
        if (s.equals("cuda") || s.matches("cuda:\\d{1,3}")) {
            return cuda(s.equals("cuda") ? 0 : Integer.parseInt(s.substring(5)), probe, options);
        }
        throw new IllegalArgumentException("unknown device '" + spec + "': use auto, cpu, cuda or cuda:N");
    }

    private static Backend cuda(int ordinal, CudaProbe probe, GpuOptions options) {
        String key = ordinal + " " + options;
        Backend b = OPENED.get(key);
        if (b != null) {
            return b;
        }
        CudaProbe.Result r = probe.open(ordinal, options);
        if (!r.ok()) {
            throw new IllegalStateException("cuda:" + ordinal + ": " + r.reason());
        }
        OPENED.put(key, r.backend());
        return r.backend();
    }

    /**
     * One line per backend for {@code info}: the CPU (threads, Vector API or not) and the GPU {@code ordinal}
     * (device, driver, how the kernels were loaded, then the cuBLAS/cuDNN/own-kernel choices) or why it is
     * unavailable, followed then by which library bindings load without a device ({@link
     * org.cryoetgan.engine.cuda.LibraryProbe}). Opens the GPU if it was not open yet.
     */
    public static java.util.List<String> report(int ordinal, GpuOptions options) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(Backends.cpu().description());
        try {
            Backend b = select("cuda:" + ordinal, s -> { }, options);
            org.cryoetgan.engine.cuda.CudaBackend cuda = (org.cryoetgan.engine.cuda.CudaBackend) b;
            lines.add(cuda.name() + ": " + cuda.device().describe());
            for (org.cryoetgan.engine.cuda.LibraryChain.Choice c : cuda.libraries()) {
                lines.add("  " + c.message());
            }
        } catch (IllegalStateException e) {
            lines.add("cuda: unavailable (" + e.getMessage() + ")");
            lines.add("  libraries, probed without a device:");
            for (String l : org.cryoetgan.engine.cuda.LibraryProbe.report()) {
                lines.add("    " + l);
            }
        }
        return lines;
    }
}
