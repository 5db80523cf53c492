package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed emulator build is told apart from a missing compiler, so that it fails the tests instead of skipping. */
class CudaEmulatorTest {

    private static boolean compilerPresent() {
        try {
            Process p = new ProcessBuilder("g++", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aSourceThatDoesNotCompileIsABuildFailureNotAMissingCompiler(@TempDir Path tmp) throws Exception {
        assumeTrue(compilerPresent(), "g++ is not installed");
        Path kernels = Files.createDirectories(tmp.resolve("kernels"));
        Path emulator = Files.createDirectories(tmp.resolve("emulator"));
        Files.writeString(kernels.resolve("k.cuh"), "// empty\n");
        Files.writeString(emulator.resolve("emu.h"), "#pragma once\n");
        Files.writeString(emulator.resolve("driver.cpp"), "int main() { return undeclared_name; }\n");
        CudaEmulator.Build b = CudaEmulator.build(kernels, emulator, tmp.resolve("out"));
        assertNull(b.executable());
        assertFalse(b.compilerMissing(), b.failure());
        assertTrue(b.failure().contains("g++ failed") && b.failure().contains("undeclared_name"), b.failure());
    }
}
