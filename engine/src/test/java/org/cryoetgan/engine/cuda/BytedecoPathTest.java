package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The host side of the cuDNN 9 / cuBLAS 13 path: the reasons given for the ways the bytedeco presets fail to
 * load, the version check, the pointer bridge, the shared algorithm choice, and the clean fallback of the real
 * loaders where the CUDA 13 libraries are absent (as on a build machine). The bindings themselves run against
 * native fakes in {@link BytedecoStubLibrariesTest}.
 */
class BytedecoPathTest {
    /** The error chain javacpp's loader gives when a library that a JNI part links is missing. */
    private static UnsatisfiedLinkError missing(String jni, String library) {
        UnsatisfiedLinkError top = new UnsatisfiedLinkError("no " + jni + " in java.library.path: /usr/lib");
        top.initCause(new UnsatisfiedLinkError("/root/.javacpp/cache/cuda-13.1-9.19-1.5.13-linux-x86_64.jar/org/"
                + "bytedeco/cuda/linux-x86_64/lib" + jni + ".so: " + library + ": cannot open shared object file: No "
                + "such file or directory"));
        return top;
    }

    @Test
    void eachMissingLibraryIsNamedWithWhatToInstall() {
        assertEquals("libcuda.so.1 not found on the library path (install the NVIDIA driver)",
                BytedecoNatives.explain(missing("jnicudart", "libcuda.so.1")));
        assertEquals("libcudart.so.13 not found on the library path (install the CUDA 13 runtime, e.g. the pip wheel "
                + "nvidia-cuda-runtime 13.x or the cuda-cudart-13-x package)",
                BytedecoNatives.explain(missing("jnicudart", "libcudart.so.13")));
        assertEquals("libcublasLt.so.13 not found on the library path (install cuBLAS for CUDA 13, e.g. the pip wheel "
                + "nvidia-cublas 13.x or the libcublas-13-x package)",
                BytedecoNatives.explain(missing("jnicublas", "libcublasLt.so.13")));
        assertEquals("libcudnn_graph.so.9 not found on the library path (install cuDNN 9 for CUDA 13, e.g. the pip "
                + "wheel nvidia-cudnn-cu13 or the cudnn9-cuda-13 package)",
                BytedecoNatives.explain(missing("jnicudnn", "libcudnn_graph.so.9")));
        assertTrue(BytedecoNatives.explain(new UnsatisfiedLinkError("/x/libjnicudnn.so: undefined symbol: "
                + "cudnnGetLastErrorString")).startsWith("a CUDA library is not the version the bytedeco presets"));
        assertEquals("the bytedeco CUDA presets are not on the class path (org/bytedeco/javacpp/Loader)",
                BytedecoNatives.explain(new NoClassDefFoundError("org/bytedeco/javacpp/Loader")));
        assertEquals("the bytedeco CUDA presets could not be loaded (UnsatisfiedLinkError: no jnicudart in "
                + "java.library.path)", BytedecoNatives.explain(new UnsatisfiedLinkError(
                        "no jnicudart in java.library.path")));
    }

    @Test
    void onlyCudnn9IsAccepted() {
        assertNull(BytedecoNatives.versionProblem(91900));
        assertNull(BytedecoNatives.versionProblem(90000));
        assertTrue(BytedecoNatives.versionProblem(8907).startsWith("cuDNN 8.9.7 was loaded but the cuDNN 9 binding "
                + "needs cuDNN 9"), BytedecoNatives.versionProblem(8907));
        assertTrue(BytedecoNatives.versionProblem(100100).startsWith("cuDNN 10.1.0 was loaded"));
    }

    @Test
    void deviceAddressesBecomePointersWithoutCopies() {
        long address = 0x7f12_3456_7800L;
        assertEquals(address, DevicePointers.at(address).address());
        assertEquals(address, DevicePointers.floats(address).address());
        assertEquals(0, DevicePointers.floats(address).capacity(), "nothing allocated, nothing owned");
        assertEquals(0, DevicePointers.at(0).address());
    }

    @Test
    void algorithmChoiceHonoursStatusWorkspaceAndMath() {
        List<AlgorithmSuggestions.Suggestion> s = List.of(
                new AlgorithmSuggestions.Suggestion(6, 9, AlgorithmSuggestions.FMA_MATH, 0),   // failed status
                new AlgorithmSuggestions.Suggestion(5, 0, AlgorithmSuggestions.FMA_MATH, 5000), // too much memory
                new AlgorithmSuggestions.Suggestion(4, 0, 1, 10),                               // tensor-op math
                new AlgorithmSuggestions.Suggestion(2, 0, AlgorithmSuggestions.FMA_MATH, 100));
        assertEquals(new ConvAlgorithm(2, 3, 700), AlgorithmSuggestions.first(ConvDirection.FORWARD, s, false, 1000,
                algo -> 700));
        assertEquals(new ConvAlgorithm(4, 1, 10), AlgorithmSuggestions.first(ConvDirection.FORWARD, s, true, 1000,
                algo -> 0), "TF32 allows tensor-op math; the workspace is the larger figure");
        assertThrows(UnsupportedOperationException.class, () -> AlgorithmSuggestions.first(
                ConvDirection.BACKWARD_DATA, s.subList(0, 3), false, 1000, algo -> 0));
        assertEquals(jcuda.jcudnn.cudnnMathType.CUDNN_FMA_MATH, AlgorithmSuggestions.FMA_MATH);
        assertEquals(org.bytedeco.cuda.global.cudnn.CUDNN_FMA_MATH, AlgorithmSuggestions.FMA_MATH);
        assertEquals(org.bytedeco.cuda.global.cudnn.CUDNN_DEFAULT_MATH, AlgorithmSuggestions.mathType(true));
    }

    @Test
    void withoutTheCuda13LibrariesEveryPathFallsBackAndSaysWhy() {
        String cudnn9;
        try {
            cudnn9 = "loaded cuDNN " + BytedecoNatives.cudnnVersion();
        } catch (LibraryUnavailableException e) {
            cudnn9 = e.getMessage();
        }
        Assumptions.assumeFalse(cudnn9.startsWith("loaded"), "cuDNN 9 is installed here");
        assertTrue(cudnn9.matches("lib\\S+ not found on the library path \\(install .*\\)"), cudnn9);
        String again = assertThrows(LibraryUnavailableException.class, BytedecoNatives::cudnnVersion).getMessage();
        assertEquals(cudnn9, again, "the first reason is remembered");

        GpuDevice device = new CudaProbeTest.NoopDevice() {
            @Override
            public GpuLibraries libraries() {
                return new JCudaLibraries(this);
            }
        };
        CudaBackend b = new CudaBackend("cuda:0", device, CudaBackend.DEFAULT_COLUMN_LIMIT, GpuOptions.DEFAULT);
        String conv = b.libraries().get(1).message();
        b.close();
        assertTrue(conv.startsWith("conv3d: own CUDA kernels (vol2col + "), conv);
        assertTrue(conv.contains("(cuDNN 9 unavailable: " + cudnn9 + "; cuDNN 8 unavailable: "), conv);
        List<String> probe = LibraryProbe.report();
        assertEquals(2, probe.size());
        assertTrue(probe.get(0).startsWith("gemm: ") && probe.get(0).contains("cuBLAS 13 unavailable: "), probe.get(0));
        assertTrue(probe.get(1).contains("cuDNN 9 unavailable: " + cudnn9), probe.get(1));
    }
}
