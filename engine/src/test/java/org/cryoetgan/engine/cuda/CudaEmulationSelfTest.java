package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.engine.cpu.CpuBackend;
import org.cryoetgan.engine.selftest.OpChecks;
import org.cryoetgan.engine.selftest.SelfTest;
import org.cryoetgan.engine.selftest.SelfTestReport;
import org.junit.jupiter.api.Test;

/**
 * The whole selftest (every op through the engine, forward and backward, and training steps) on the kernel
 * emulator against the CPU backend: the GPU path of {@code cryoetgan-cli selftest --device cuda}, short of the
 * driver.
 */
class CudaEmulationSelfTest {
    @Test
    void selftestPassesOnTheEmulatedGpu() throws IOException {
        Path exe = CudaEmulator.executableOrSkip();
        CudaBackend gpu = new CudaBackend("cuda-emu", new EmulatedGpuDevice(exe));
        try {
            SelfTestReport r = SelfTest.compare(gpu, new CpuBackend(2), gpu.libraries().stream()
                    .map(LibraryChain.Choice::message).toList(), OpChecks.all(), SelfTest.TOLERANCE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.print(new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            System.out.println(text);
            assertTrue(r.passed(), text);
            assertTrue(text.contains("gemm: own CUDA kernels (cuBLAS unavailable: not available on this device)"),
                    text);
        } finally {
            gpu.close();
        }
    }
}
