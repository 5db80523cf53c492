package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The cuDNN 9 / cuBLAS 13 path through the real bytedeco JNI bindings, linked against host fakes of the CUDA 13
 * libraries ({@link CudaStubLibraries}) in a child JVM ({@link BytedecoStubCheck}): the probe order, the version
 * check, a missing cuDNN, and sgemm and the three convolution passes (descriptors, operand order, algorithm choice
 * under FMA and TF32 math, workspace, alpha/beta) computed from exactly what the bindings pass.
 */
class BytedecoStubLibrariesTest {

    private static List<String> child(Path libs, Map<String, String> env, String... args) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dorg.bytedeco.javacpp.cachedir=" + Paths.get("target/javacpp-cache").toAbsolutePath(),
                BytedecoStubCheck.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", libs.toAbsolutePath().toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the stub check did not finish");
        assertEquals(0, p.exitValue(), "the stub check failed:\n" + out);
        return out.lines().toList();
    }

    @Test
    void cudnn9AndCublas13RunThroughTheBindings() throws Exception {
        List<String> out = child(CudaStubLibraries.foldersOrSkip().all(), Map.of(), "compute");
        assertEquals(List.of("device gemm: cuBLAS 13.1.0", "device conv3d: cuDNN 9.19.0 for CUDA 13.1",
                "probe gemm: cuBLAS 13.1.0 loads", "probe conv3d: cuDNN 9.19.0 for CUDA 13.1 loads"),
                out.subList(0, 4), String.join("\n", out));
        assertTrue(out.containsAll(List.of("ok sgemm cuBLAS 13.1.0", "ok FORWARD cuDNN 9.19.0 for CUDA 13.1",
                "ok BACKWARD_DATA cuDNN 9.19.0 for CUDA 13.1", "ok BACKWARD_FILTER cuDNN 9.19.0 for CUDA 13.1",
                "ok FORWARD cuDNN 9.19.0 for CUDA 13.1 (TF32)",
                "ok BACKWARD_FILTER cuDNN 9.19.0 for CUDA 13.1 (TF32)")),
                String.join("\n", out));
    }

    @Test
    void aCudnnOtherThan9IsPassedOverWithTheReason() throws Exception {
        List<String> out = child(CudaStubLibraries.foldersOrSkip().all(), Map.of("FAKE_CUDNN_VERSION", "8907"));
        String conv = out.get(1);
        assertTrue(conv.startsWith("device conv3d: own CUDA kernels (vol2col + cuBLAS 13.1.0) (cuDNN 9 unavailable: "
                + "cuDNN 8.9.7 was loaded but the cuDNN 9 binding needs cuDNN 9 (install cuDNN 9 for CUDA 13"), conv);
        assertTrue(conv.contains("; cuDNN 8 unavailable: "), conv);
    }

    @Test
    void aMissingCudnnIsNamedAndCublas13StillRuns() throws Exception {
        List<String> out = child(CudaStubLibraries.foldersOrSkip().withoutCudnn(), Map.of());
        assertEquals("device gemm: cuBLAS 13.1.0", out.get(0));
        assertTrue(out.get(1).matches("device conv3d: own CUDA kernels \\(vol2col \\+ cuBLAS 13\\.1\\.0\\) \\(cuDNN 9 "
                + "unavailable: libcudnn[a-z_]*\\.so\\.9 not found on the library path \\(install cuDNN 9 for "
                + "CUDA 13.*"),
                out.get(1));
    }
}
