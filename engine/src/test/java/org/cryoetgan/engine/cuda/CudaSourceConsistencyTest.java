package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.backend.ReduceOp;
import org.cryoetgan.engine.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * Java and CUDA agree without a compiler: op numbers equal enum ordinals, launch constants equal the kernels'
 * #defines, and every kernel exists in the sources, the committed PTX, the emulator and the Java launches.
 */
class CudaSourceConsistencyTest {
    private static final Path SRC = Paths.get("src/main/cuda");

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static int define(String source, String name) {
        Matcher m = Pattern.compile("#define " + name + " (\\d+)").matcher(source);
        assertTrue(m.find(), "#define " + name + " missing");
        return Integer.parseInt(m.group(1));
    }

    private static Set<String> matches(String text, String regex) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void opNumbersAreEnumOrdinals() throws IOException {
        String ew = read(SRC.resolve("elementwise.cu"));
        for (UnaryOp op : UnaryOp.values()) {
            assertEquals(op.ordinal(), define(ew, "UOP_" + op.name()), op.name());
        }
        for (BinaryOp op : BinaryOp.values()) {
            assertEquals(op.ordinal(), define(ew, "BOP_" + op.name()), op.name());
        }
        String pad = read(SRC.resolve("pad.cu"));
        for (PadMode m : PadMode.values()) {
            assertEquals(m.ordinal(), define(pad, "PAD_" + m.name()), m.name());
        }
        assertEquals(List.of(ReduceOp.SUM, ReduceOp.MAX, ReduceOp.MIN), List.of(ReduceOp.values()),
                "reduce.cu numbers ops 0 = sum, 1 = max, 2 = min");
    }

    @Test
    void launchConstantsMatchTheKernels() throws IOException {
        assertEquals(LaunchConfig.REDUCE_THREADS, define(read(SRC.resolve("common.cuh")), "CG_REDUCE_THREADS"));
        String conv = read(SRC.resolve("conv.cu"));
        assertEquals(LaunchConfig.GEMM_THREADS, define(conv, "GM_THREADS"));
        assertEquals(LaunchConfig.GEMM_TILE, define(conv, "GM_BM"));
        assertEquals(LaunchConfig.GEMM_TILE, define(conv, "GM_BN"));
    }

    @Test
    void everyKernelIsEverywhere() throws IOException {
        Set<String> kernels = new TreeSet<>();
        for (String m : KernelSources.MODULES) {
            String src = read(SRC.resolve(m + ".cu"));
            Set<String> here = matches(src, "extern \"C\" __global__ void (cg_\\w+)\\(");
            kernels.addAll(here);
            String ptx = new String(KernelSources.ptx(m), StandardCharsets.US_ASCII);
            assertEquals(here, matches(ptx, "\\.entry (cg_\\w+)\\("), "PTX of " + m + " is stale: run "
                    + "tools/build_cuda_kernels.sh");
        }
        try (Stream<Path> files = Files.list(SRC)) {
            assertEquals(KernelSources.MODULES.size(), files.filter(p -> p.toString().endsWith(".cu")).count(),
                    "every .cu file is a module in KernelSources.MODULES");
        }
        String driver = read(Paths.get("src/test/cuda/driver.cpp"));
        assertEquals(kernels, matches(driver, "KERNEL\\((cg_\\w+)\\)"), "the emulator registers every kernel");
        Set<String> launched = new TreeSet<>();
        try (Stream<Path> java = Files.list(Paths.get("src/main/java/org/cryoetgan/engine/cuda"))) {
            for (Path p : java.toList()) {
                launched.addAll(matches(read(p), "\"(cg_\\w+)\""));
            }
        }
        assertTrue(kernels.containsAll(launched), "launched but not defined: " + launched);
        assertEquals(kernels, launched, "defined but never launched");
    }
}
