package org.cryoetgan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cryoetgan-cli info}: version, JVM, available backends and thread count. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the version, the JVM, the available compute backends and the thread count.")
final class InfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("cryoetgan " + VersionProvider.version());
        System.out.println("jvm:      " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("vector:   " + (VectorModuleRelauncher.vectorModulePresent() ? "jdk.incubator.vector loaded" : "absent (plain-Java kernels)"));
        return 0;
    }
}
