package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The fallback chains cuBLAS → own sgemm and cuDNN → own convolution kernels, with fake libraries that load or
 * fail the ways real installations do, checked by the exact lines {@code info} and {@code selftest} print. (The
 * last link, GPU → CPU, is {@code DevicesCudaTest}.)
 */
class AcceleratorChainTest {
    private static final String JCUDA_LOADER = "Error while loading native library \"%s-12.6.0-linux-x86_64\"\n"
            + "Operating system name: Linux\n---(start of nested stack traces)---\njava.lang.UnsatisfiedLinkError: "
            + "/tmp/lib%s-12.6.0-linux-x86_64.so: %s\n\tat java.base/...";

    private static UnsatisfiedLinkError loaderError(String binding, String cause) {
        return new UnsatisfiedLinkError(String.format(JCUDA_LOADER, binding, binding, cause));
    }

    static final String NO_CUBLAS = NativeFailures.explain(loaderError("JCublas2",
            "libcublas.so.12: cannot open shared object file: No such file or directory"), "JCublas2",
            JCudaLibraries.CUBLAS, JCudaLibraries.CUBLAS_INSTALL);
    static final String NO_CUDNN = NativeFailures.explain(loaderError("JCudnn",
            "libcudnn.so.8: cannot open shared object file: No such file or directory"), "JCudnn",
            CudnnNatives.LIBRARY, CudnnNatives.INSTALL);

    private static List<String> lines(GpuOptions options, Supplier<ColumnMajorBlas> blas,
                                      Supplier<ConvLibrary<?>> dnn) {
        return lines(options, GpuLibraries.of(tf32 -> blas.get(), tf32 -> dnn.get()));
    }

    private static List<String> lines(GpuOptions options, GpuLibraries libs) {
        CudaBackend b = new CudaBackend("cuda:0", new CudaProbeTest.NoopDevice() {
            @Override
            public GpuLibraries libraries() {
                return libs;
            }
        }, CudaBackend.DEFAULT_COLUMN_LIMIT, options);
        List<String> l = b.libraries().stream().map(LibraryChain.Choice::message).toList();
        b.close();
        return l;
    }

    private static <T> Supplier<T> failing(String reason) {
        return () -> {
            throw new LibraryUnavailableException(reason);
        };
    }

    private static final Supplier<ColumnMajorBlas> FAKE_BLAS = () -> new HostBlas(null);
    private static final Supplier<ConvLibrary<?>> FAKE_DNN = () -> new HostDnn(null);

    @Test
    void bothLibrariesLoad() {
        assertEquals(List.of("gemm: cuBLAS (host fake)", "conv3d: cuDNN (host fake)"),
                lines(GpuOptions.DEFAULT, FAKE_BLAS, FAKE_DNN));
    }

    @Test
    void driverOnlyMachineRunsTheOwnKernelsAndSaysWhatToInstall() {
        assertEquals("libcublas.so.12 not found (install the CUDA 12 cuBLAS library, e.g. the libcublas-12-x package)",
                NO_CUBLAS);
        assertEquals("libcudnn.so.8 not found (install cuDNN 8.9 for CUDA 12, e.g. the libcudnn8 package)", NO_CUDNN);
        assertEquals(List.of(
                "gemm: own CUDA kernels (cuBLAS unavailable: " + NO_CUBLAS + ")",
                "conv3d: own CUDA kernels (vol2col + own sgemm) (cuDNN unavailable: " + NO_CUDNN + ")"),
                lines(GpuOptions.DEFAULT, failing(NO_CUBLAS), failing(NO_CUDNN)));
    }

    @Test
    void cublasWithoutCudnnRunsTheOwnConvolutionOnCublas() {
        assertEquals(List.of("gemm: cuBLAS (host fake)",
                "conv3d: own CUDA kernels (vol2col + cuBLAS (host fake)) (cuDNN unavailable: " + NO_CUDNN + ")"),
                lines(GpuOptions.DEFAULT, FAKE_BLAS, failing(NO_CUDNN)));
    }

    @Test
    void wrongVersionsAndBrokenLibrariesAreNamed() {
        String old = CudnnNatives.versionProblem(7605);
        assertEquals("conv3d: own CUDA kernels (vol2col + cuBLAS (host fake)) (cuDNN unavailable: cuDNN 7.6.5 was "
                + "loaded but JCudnn 11.7 needs cuDNN 8 (install cuDNN 8.9 for CUDA 12, e.g. the libcudnn8 package))",
                lines(GpuOptions.DEFAULT, FAKE_BLAS, failing(old)).get(1));
        String symbol = NativeFailures.explain(loaderError("JCudnn",
                "undefined symbol: cudnnGetFoldedConvBackwardDataDescriptors, version libcudnn.so.8"), "JCudnn",
                CudnnNatives.LIBRARY, CudnnNatives.INSTALL);
        assertEquals("libcudnn.so.8 is not the version JCudnn was built for (undefined symbol: "
                + "cudnnGetFoldedConvBackwardDataDescriptors, version libcudnn.so.8); install cuDNN 8.9 for CUDA 12, "
                + "e.g. the libcudnn8 package", symbol);
        assertEquals("gemm: own CUDA kernels (cuBLAS unavailable: IllegalStateException: boom)",
                lines(GpuOptions.DEFAULT, () -> {
                    throw new IllegalStateException("boom");
                }, FAKE_DNN).get(0));
        assertEquals("JFake failed to load earlier in this run (Could not initialize class jcuda.JFake)",
                NativeFailures.explain(new NoClassDefFoundError("Could not initialize class jcuda.JFake"),
                        "JFake", "libfake.so.1", "fake"), "no earlier explanation to repeat");
        NativeFailures.explain(loaderError("JFake2", "libfake.so.2: cannot open shared object file: No such file"),
                "JFake2", "libfake.so.2", "the fake");
        assertEquals("libfake.so.2 not found (install the fake)", NativeFailures.explain(new NoClassDefFoundError(
                "Could not initialize class jcuda.JFake2"), "JFake2", "libfake.so.2", "the fake"),
                "later attempts repeat the first explanation");
        assertEquals("JCudnn is not on the class path (jcuda/jcudnn/JCudnn)",
                NativeFailures.explain(new NoClassDefFoundError("jcuda/jcudnn/JCudnn"), "JCudnn",
                        CudnnNatives.LIBRARY, CudnnNatives.INSTALL));
    }

    @Test
    void newerBindingsAreTriedFirstAndEachFailureIsNamed() {
        Supplier<ColumnMajorBlas> noBlas13 = failing("libcublas.so.13 not found");
        Supplier<ConvLibrary<?>> noDnn9 = failing("libcudnn_cnn.so.9 not found");
        Supplier<ConvLibrary<?>> noDnn8 = failing(NO_CUDNN);
        GpuLibraries libs = new GpuLibraries() {
            @Override
            public List<Binding<ColumnMajorBlas>> blas() {
                return List.of(new Binding<>("cuBLAS 13", tf32 -> noBlas13.get()),
                        new Binding<>("cuBLAS 12", tf32 -> FAKE_BLAS.get()));
            }

            @Override
            public List<Binding<ConvLibrary<?>>> dnn() {
                return List.of(new Binding<>("cuDNN 9", tf32 -> noDnn9.get()),
                        new Binding<>("cuDNN 8", tf32 -> noDnn8.get()));
            }
        };
        assertEquals(List.of("gemm: cuBLAS (host fake) (cuBLAS 13 unavailable: libcublas.so.13 not found)",
                "conv3d: own CUDA kernels (vol2col + cuBLAS (host fake)) (cuDNN 9 unavailable: libcudnn_cnn.so.9 not "
                        + "found; cuDNN 8 unavailable: " + NO_CUDNN + ")"), lines(GpuOptions.DEFAULT, libs));
        assertEquals(List.of("gemm: own CUDA kernels (cuBLAS unavailable: disabled by -Dcryoetgan.cublas=false)",
                "conv3d: own CUDA kernels (vol2col + own sgemm) (cuDNN unavailable: disabled by "
                        + "-Dcryoetgan.cudnn=false)"), lines(GpuOptions.DEFAULT.ownKernelsOnly(), libs),
                "switched off: one line for all bindings");
    }

    @Test
    void librariesCanBeSwitchedOff() {
        assertEquals(List.of("gemm: own CUDA kernels (cuBLAS unavailable: disabled by -Dcryoetgan.cublas=false)",
                "conv3d: own CUDA kernels (vol2col + own sgemm) (cuDNN unavailable: disabled by "
                        + "-Dcryoetgan.cudnn=false)"),
                lines(GpuOptions.DEFAULT.ownKernelsOnly(), FAKE_BLAS, FAKE_DNN));
    }

    @Test
    void closingTheBackendClosesTheLibraries() {
        HostBlas blas = new HostBlas(null);
        HostDnn dnn = new HostDnn(null);
        lines(GpuOptions.DEFAULT, () -> blas, () -> dnn);
        assertTrue(blas.closed && dnn.closed);
    }

    @Test
    void optionsFromSystemProperties() {
        assertEquals(GpuOptions.DEFAULT, GpuOptions.fromSystemProperties());
        System.setProperty("cryoetgan.tf32", "true");
        System.setProperty("cryoetgan.cudnn", "false");
        try {
            assertEquals(new GpuOptions(true, false, true), GpuOptions.fromSystemProperties());
        } finally {
            System.clearProperty("cryoetgan.tf32");
            System.clearProperty("cryoetgan.cudnn");
        }
    }
}
