package org.cryoetgan.engine.cpu;

/** Whether the incubating Vector API ({@code jdk.incubator.vector}) is available to this JVM. */
public final class VectorSupport {
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("cryoetgan.noVector");

    private VectorSupport() {
    }

    /** True when SIMD kernels can be used (module present and not disabled by {@code -Dcryoetgan.noVector=true}). */
    public static boolean available() {
        return PRESENT;
    }

    public static String describe() {
        return PRESENT ? "Vector API kernels" : "plain-Java kernels (start the JVM with --add-modules jdk.incubator.vector)";
    }
}
