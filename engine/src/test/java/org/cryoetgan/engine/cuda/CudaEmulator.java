package org.cryoetgan.engine.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the kernel emulator (engine/src/test/cuda/driver.cpp with emu.h and the unchanged kernel sources) with
 * g++ into engine/target/cuda-emu/, once per source version, and reports why when it cannot.
 */
final class CudaEmulator {
    /**
     * The engine module's folder: the working directory in the engine's tests, its sibling {@code ../engine} in
     * those of other modules (Maven runs each module's tests in its own folder).
     */
    static final Path ENGINE_DIR = Files.isDirectory(Paths.get("src/main/cuda")) ? Paths.get("")
            : Paths.get("..", "engine");
    static final Path KERNEL_SOURCES = ENGINE_DIR.resolve("src/main/cuda");
    static final Path EMULATOR_SOURCES = ENGINE_DIR.resolve("src/test/cuda");
    /** In the engine's target folder, so that other modules' tests reuse the emulator the engine's tests built. */
    static final Path BUILD_DIR = ENGINE_DIR.resolve("target/cuda-emu");
    private static Build build;

    private CudaEmulator() {
    }

    /**
     * What building the emulator gave.
     *
     * @param executable      the emulator, or null when the build failed
     * @param failure         why it failed, or null
     * @param compilerMissing true when it failed only because g++ cannot be started (the one reason to skip)
     */
    record Build(Path executable, String failure, boolean compilerMissing) {
    }

    /** The emulator built from the project's sources (once per JVM). */
    static synchronized Build build() {
        if (build == null) {
            build = build(KERNEL_SOURCES, EMULATOR_SOURCES, BUILD_DIR);
        }
        return build;
    }

    /**
     * The emulator for a test: the test is skipped when g++ is missing, and fails when g++ is present but the
     * build fails (a broken kernel or driver source must not pass as a skip).
     */
    static Path executableOrSkip() {
        Build b = build();
        if (b.executable() == null) {
            org.junit.jupiter.api.Assumptions.assumeFalse(b.compilerMissing(),
                    () -> "skipping CUDA kernel emulation: " + b.failure());
            org.junit.jupiter.api.Assertions.fail("the CUDA kernel emulator did not build although g++ is present: "
                    + b.failure());
        }
        return b.executable();
    }

    /** Builds the emulator from {@code kernels} and {@code emulator} (driver.cpp, emu.h) into {@code outDir}. */
    static Build build(Path kernels, Path emulator, Path outDir) {
        try {
            return new Build(compile(kernels, emulator, outDir), null, false);
        } catch (CompilerMissing e) {
            return new Build(null, e.getMessage(), true);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new Build(null, e.getMessage(), false);
        }
    }

    /** g++ cannot be started. */
    private static final class CompilerMissing extends IOException {
        private static final long serialVersionUID = 1L;

        CompilerMissing(String message) {
            super(message);
        }
    }

    private static List<Path> sources(Path kernels, Path emulator) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(kernels, emulator)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().matches(".*\\.(cu|cuh|h|cpp)$")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static Path compile(Path kernels, Path emulator, Path dir) throws IOException, InterruptedException {
        if (!Files.isDirectory(kernels)) {
            throw new IllegalStateException("kernel sources not found at " + kernels.toAbsolutePath());
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path p : sources(kernels, emulator)) {
            md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(p));
        }
        String hash = HexFormat.of().formatHex(md.digest()).substring(0, 16);
        Files.createDirectories(dir);
        Path exe = dir.resolve("cgemu-" + hash);
        if (Files.isExecutable(exe)) {
            return exe;
        }
        Path tmp = dir.resolve("cgemu-" + hash + ".tmp");
        List<String> cmd = List.of("g++", "-std=c++20", "-O1", "-Wall", "-Werror", "-include",
                emulator.resolve("emu.h").toString(), "-I", kernels.toString(),
                emulator.resolve("driver.cpp").toString(), "-pthread", "-o", tmp.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new CompilerMissing("g++ not available (" + e.getMessage() + ")");
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("g++ failed to build the CUDA emulator:\n" + log);
        }
        Files.move(tmp, exe, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return exe;
    }
}
