package org.cryoetgan.engine.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the host fakes of the CUDA 13 libraries (engine/src/test/native/cuda_stubs.c) with the C compiler into
 * target/cuda-stubs/: a folder with all of them, and one without cuDNN. Each library gets the soname and the
 * symbol version node of the real one, so the bytedeco JNI bindings link against them unchanged.
 */
final class CudaStubLibraries {
    static final Path SOURCE = Paths.get("src/test/native/cuda_stubs.c");
    static final List<String> CUDA = List.of("libcuda.so.1", "libcudart.so.13", "libcublas.so.13",
            "libcublasLt.so.13");
    static final List<String> CUDNN = List.of("libcudnn.so.9", "libcudnn_graph.so.9", "libcudnn_ops.so.9",
            "libcudnn_cnn.so.9", "libcudnn_adv.so.9");

    /** The two folders: every library, and all but cuDNN. */
    record Folders(Path all, Path withoutCudnn) {
    }

    private static Folders built;

    private CudaStubLibraries() {
    }

    /** The stub folders; the test is skipped when no C compiler can be started, and fails when the build fails. */
    static synchronized Folders foldersOrSkip() throws IOException, InterruptedException,
            java.security.NoSuchAlgorithmException {
        if (built == null) {
            String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(SOURCE)), 0, 8);
            Path root = Paths.get("target/cuda-stubs", hash);
            Path object = root.resolve("cuda_stubs.o");
            Files.createDirectories(root);
            if (!Files.exists(object)) {
                run(List.of("cc", "-O1", "-fPIC", "-Wall", "-Werror", "-Wno-unused-parameter", "-c", SOURCE.toString(),
                        "-o", object.toString()));
            }
            Folders f = new Folders(root.resolve("all"), root.resolve("without-cudnn"));
            List<String> all = new ArrayList<>(CUDA);
            all.addAll(CUDNN);
            link(object, f.all(), all);
            link(object, f.withoutCudnn(), CUDA);
            built = f;
        }
        return built;
    }

    private static void link(Path object, Path dir, List<String> names) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        for (String so : names) {
            Path lib = dir.resolve(so);
            if (Files.exists(lib)) {
                continue;
            }
            Path map = dir.resolve(so + ".map");
            Files.writeString(map, so + " { global: *; };\n");
            run(List.of("cc", "-shared", "-o", lib.toString(), object.toString(), "-Wl,-soname," + so,
                    "-Wl,--version-script=" + map));
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("skipping the CUDA library stubs: no C compiler (" + e.getMessage()
                    + ")");
            return;
        }
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + log);
        }
    }
}
