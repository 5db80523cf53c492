package org.cryoetgan.cli;

import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Devices;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.cuda.GpuOptions;
import picocli.CommandLine.Option;

/**
 * The {@code --device} and {@code --tf32} options, mixed into the commands that compute ({@code train},
 * {@code selftest}, {@code info}). {@link #apply()} makes the chosen backend the engine's default.
 */
final class DeviceOption {
    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "Compute device: auto (the first GPU if one works, else the CPU), cpu, cuda or cuda:N "
                    + "(default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--tf32", description = "Allow TF32 tensor-core math in cuBLAS/cuDNN (faster on Ampere and "
            + "newer; products rounded to 10-bit mantissas). Default: true fp32.")
    boolean tf32;

    /** The GPU library options: the system properties, with TF32 switched on by {@code --tf32}. */
    GpuOptions options() {
        GpuOptions o = GpuOptions.fromSystemProperties();
        return tf32 ? o.withTf32(true) : o;
    }

    /** The GPU ordinal named by {@code --device} (0 for auto, cpu and cuda). */
    int ordinal() {
        String s = device.trim().toLowerCase(java.util.Locale.ROOT);
        return s.matches("cuda:\\d{1,3}") ? Integer.parseInt(s.substring(5)) : 0;
    }

    /**
     * Selects the backend and makes it the default for new tensors.
     *
     * @throws IllegalStateException when a GPU was asked for explicitly and cannot be used (with the reason)
     */
    Backend apply() {
        Backend b = Devices.select(device, System.err::println, options());
        Backends.setDefault(b);
        return b;
    }
}
