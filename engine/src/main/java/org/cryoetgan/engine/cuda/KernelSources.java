package org.cryoetgan.engine.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The kernel modules shipped in the jar: PTX compiled ahead of time by {@code tools/build_cuda_kernels.sh}
 * (resources {@code /cuda/<module>.ptx}) and the CUDA C sources they came from ({@code /cuda/src/}), which the
 * NVRTC fallback compiles at run time.
 */
public final class KernelSources {
    /** Module names: one .cu file and one .ptx resource each. */
    public static final List<String> MODULES = List.of("elementwise", "random", "reduce", "instnorm", "pad", "pool",
            "conv");
    /** Headers the modules include. */
    public static final List<String> HEADERS = List.of("common.cuh");

    private KernelSources() {
    }

    /** The committed PTX of a module. */
    public static byte[] ptx(String module) {
        return resource("/cuda/" + module + ".ptx");
    }

    /** The CUDA C source of a module or header. */
    public static String source(String file) {
        return new String(resource("/cuda/src/" + file), StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) {
        try (InputStream in = KernelSources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PTX ISA version a PTX text declares ({@code .version 9.0} gives 90), or -1 when absent.
     */
    public static int ptxIsaVersion(byte[] ptx) {
        String text = new String(ptx, 0, Math.min(ptx.length, 4096), StandardCharsets.US_ASCII);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\.version\\s+(\\d+)\\.(\\d+)").matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) * 10 + Integer.parseInt(m.group(2)) : -1;
    }
}
