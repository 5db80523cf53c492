package org.cryoetgan.engine.selftest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Devices;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cpu.ReferenceCpuBackend;
import org.cryoetgan.engine.cuda.CudaBackend;
import org.cryoetgan.engine.cuda.GpuOptions;
import org.cryoetgan.engine.cuda.LibraryChain;

/**
 * The {@code selftest} command's logic: runs every {@link OpChecks case} on the chosen device and on a reference
 * and compares them. A GPU is compared with the CPU backend; the CPU backend (chosen, or {@code auto} without a
 * GPU) with the single-threaded reference kernels ({@link ReferenceCpuBackend}). An explicitly requested GPU that
 * cannot be opened is an error with the reason.
 */
public final class SelfTest {
    /** Largest accepted relative error (see {@link Comparison}). */
    public static final double TOLERANCE = 1e-4;

    /** Exit status when the requested device cannot be used. */
    public static final int NO_DEVICE = 2;

    private SelfTest() {
    }

    /** Runs {@code checks} on both backends and compares every output. */
    public static SelfTestReport compare(Backend device, Backend reference, List<String> libraries,
                                         List<OpCheck> checks, double tolerance) {
        List<SelfTestReport.Row> rows = new ArrayList<>();
        for (OpCheck c : checks) {
            try {
                List<float[]> expected = c.run().apply(reference);
                List<float[]> actual = c.run().apply(device);
                double worst = expected.size() == actual.size() ? 0 : Double.POSITIVE_INFINITY;
                for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                    worst = Math.max(worst, Comparison.maxRelativeError(expected.get(i), actual.get(i)));
                }
                rows.add(new SelfTestReport.Row(c.name(), worst, worst <= tolerance, null));
            } catch (RuntimeException | LinkageError e) {
                rows.add(new SelfTestReport.Row(c.name(), Double.NaN, false, "error: " + e));
            }
        }
        return new SelfTestReport(device.description(), reference.description(), libraries, tolerance, rows);
    }

    /**
     * Chooses the device from {@code spec} ({@code auto}, {@code cpu}, {@code cuda[:N]}), runs the selftest,
     * prints the report to {@code out} and returns the exit status: 0 all passed, 1 a check failed,
     * {@link #NO_DEVICE} when the requested GPU cannot be used (the reason goes to {@code err}).
     */
    public static int run(String spec, PrintStream out, PrintStream err) {
        return run(spec, GpuOptions.fromSystemProperties(), out, err);
    }

    /** {@link #run(String, PrintStream, PrintStream)} with explicit GPU library options. */
    public static int run(String spec, GpuOptions options, PrintStream out, PrintStream err) {
        List<String> notices = new ArrayList<>();
        Backend device;
        try {
            device = "cpu".equalsIgnoreCase(spec == null ? "" : spec.trim()) ? Backends.cpu()
                    : Devices.select(spec, notices::add, options);
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("selftest: cannot use device '" + spec + "': " + e.getMessage());
            return NO_DEVICE;
        }
        List<String> libraries = new ArrayList<>();
        Backend reference;
        if (device instanceof CudaBackend cuda) {
            reference = Backends.cpu();
            for (LibraryChain.Choice c : cuda.libraries()) {
                libraries.add(c.message());
            }
        } else {
            for (String n : notices) {
                out.println(n.replaceFirst("^cryoetgan: ", ""));
            }
            if (!notices.isEmpty()) {
                out.println("no GPU present: checking the CPU backend against the reference kernels instead");
            }
            reference = new ReferenceCpuBackend();
        }
        SelfTestReport report = compare(device, reference, libraries, OpChecks.all(), TOLERANCE);
        report.print(out);
        return report.passed() ? 0 : 1;
    }
}
