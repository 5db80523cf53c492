package org.cryoetgan.cli;

import java.util.concurrent.Callable;
import org.cryoetgan.engine.selftest.SelfTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cryoetgan-cli selftest [--device auto|cpu|cuda[:N]]}: every op and a few training steps on the device,
 * compared with the CPU (see {@link SelfTest}).
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Run every tensor op (forward and backward) and a few training steps on the chosen device and "
                + "compare with the CPU backend (relative tolerance " + SelfTest.TOLERANCE + "); prints a pass/fail "
                + "table and the libraries in use (driver, cuBLAS, cuDNN or own kernels).",
            "Without a GPU, --device auto checks the CPU backend against the reference kernels; --device cuda fails "
                + "with the reason (exit status " + SelfTest.NO_DEVICE + ")."})
final class SelftestCommand implements Callable<Integer> {
    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() {
        return SelfTest.run(device.device, device.options(), System.out, System.err);
    }
}
