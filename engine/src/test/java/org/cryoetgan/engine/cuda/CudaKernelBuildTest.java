package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where nvcc exists: every kernel compiles without warnings ({@code -Werror all-warnings}), and the committed PTX
 * is what the sources compile to (when the committed PTX came from the same nvcc release). Skipped otherwise.
 */
class CudaKernelBuildTest {

    private static String nvccRelease(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Cuda compilation tools, release [0-9.]+, V[0-9.]+")
                .matcher(text);
        return m.find() ? m.group() : "unknown";
    }

    @Test
    void kernelsCompileCleanlyAndMatchTheCommittedPtx() throws IOException, InterruptedException {
        Path out = Paths.get("target/cuda-ptx-check");
        Process p;
        try {
            p = new ProcessBuilder("bash", "../tools/build_cuda_kernels.sh", out.toAbsolutePath().toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "skipping the nvcc check: bash unavailable (" + e.getMessage() + ")");
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(300, TimeUnit.SECONDS);
        assumeTrue(p.exitValue() != 2, "skipping the nvcc check: " + log.trim());
        assertEquals(0, p.exitValue(), "nvcc reported errors or warnings:\n" + log);
        for (String m : KernelSources.MODULES) {
            byte[] fresh = Files.readAllBytes(out.resolve(m + ".ptx"));
            byte[] committed = KernelSources.ptx(m);
            String freshRelease = nvccRelease(new String(fresh, StandardCharsets.US_ASCII));
            if (!freshRelease.equals(nvccRelease(new String(committed, StandardCharsets.US_ASCII)))) {
                System.out.println("CudaKernelBuildTest: committed PTX of " + m + " comes from another nvcc than "
                        + freshRelease + "; not compared");
                continue;
            }
            assertArrayEquals(committed, fresh, m + ".ptx is stale: run tools/build_cuda_kernels.sh and commit");
        }
    }
}
