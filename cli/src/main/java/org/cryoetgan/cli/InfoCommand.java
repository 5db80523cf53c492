package org.cryoetgan.cli;

import java.util.concurrent.Callable;
import org.cryoetgan.engine.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cryoetgan-cli info}: version, JVM, the compute backends (CPU, and the GPU or why there is none). */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the version, the JVM, and the compute backends: the CPU (threads, Vector API) and the "
                + "GPU (device, driver, cuBLAS/cuDNN/own kernels) or why it is unavailable.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    DeviceOption device = new DeviceOption();

    @Override
    public Integer call() {
        System.out.println("cryoetgan " + VersionProvider.version());
        System.out.println("jvm:      " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("vector:   " + (VectorModuleRelauncher.vectorModulePresent() ? "jdk.incubator.vector loaded" : "absent (plain-Java kernels)"));
        System.out.println("backends:");
        for (String line : Devices.report(device.ordinal(), device.options())) {
            System.out.println("  " + line);
        }
        return 0;
    }
}
