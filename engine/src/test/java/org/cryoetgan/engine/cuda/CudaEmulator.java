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
 * g++ into target/cuda-emu/, once per source version, and reports why when it cannot.
 */
final class CudaEmulator {
    static final Path KERNEL_SOURCES = Paths.get("src/main/cuda");
    static final Path EMULATOR_SOURCES = Paths.get("src/test/cuda");
    private static Path built;
    private static String failure;

    private CudaEmulator() {
    }

    /** The emulator executable, or null with {@link #failure()} saying why. */
    static synchronized Path executable() {
        if (built == null && failure == null) {
            try {
                built = build();
            } catch (IOException | InterruptedException | RuntimeException e) {
                failure = e.getMessage();
            }
        }
        return built;
    }

    static synchronized String failure() {
        return failure;
    }

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(KERNEL_SOURCES, EMULATOR_SOURCES)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().matches(".*\\.(cu|cuh|h|cpp)$")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static Path build() throws IOException, InterruptedException {
        if (!Files.isDirectory(KERNEL_SOURCES)) {
            throw new IllegalStateException("kernel sources not found at " + KERNEL_SOURCES.toAbsolutePath());
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path p : sources()) {
            md.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(p));
        }
        String hash = HexFormat.of().formatHex(md.digest()).substring(0, 16);
        Path dir = Paths.get("target/cuda-emu");
        Files.createDirectories(dir);
        Path exe = dir.resolve("cgemu-" + hash);
        if (Files.isExecutable(exe)) {
            return exe;
        }
        Path tmp = dir.resolve("cgemu-" + hash + ".tmp");
        List<String> cmd = List.of("g++", "-std=c++20", "-O1", "-Wall", "-Werror", "-include",
                EMULATOR_SOURCES.resolve("emu.h").toString(), "-I", KERNEL_SOURCES.toString(),
                EMULATOR_SOURCES.resolve("driver.cpp").toString(), "-pthread", "-o", tmp.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("g++ not available (" + e.getMessage() + ")");
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("g++ failed to build the CUDA emulator:\n" + log);
        }
        Files.move(tmp, exe, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return exe;
    }
}
