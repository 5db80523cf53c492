package org.cryoetgan.engine.cuda;

import java.util.List;
import java.util.function.Supplier;

/**
 * The vendor libraries of a {@link JCudaDevice}, newest first: cuBLAS 13 and cuDNN 9 through the bytedeco CUDA
 * presets, then cuBLAS 12 (JCublas2) and cuDNN 8 (JCudnn 11.7), each with the reason when it does not load.
 */
final class JCudaLibraries implements GpuLibraries {
    static final String CUBLAS = "libcublas.so.12";
    static final String CUBLAS_INSTALL = "the CUDA 12 cuBLAS library, e.g. the libcublas-12-x package";

    private final GpuDevice device;

    JCudaLibraries(GpuDevice device) {
        this.device = device;
    }

    @Override
    public List<Binding<ColumnMajorBlas>> blas() {
        return List.of(new Binding<>("cuBLAS 13", tf32 -> bytedeco(() -> new Cublas13Blas(device, tf32))),
                new Binding<>("cuBLAS 12", this::jcublas));
    }

    @Override
    public List<Binding<ConvLibrary<?>>> dnn() {
        return List.of(new Binding<>("cuDNN 9", tf32 -> bytedeco(() -> new Cudnn9Library(device, tf32,
                        BytedecoNatives.cudnnVersion()))),
                new Binding<>("cuDNN 8", this::jcudnn));
    }

    /** Opens a bytedeco binding, turning a loading failure into the reason. */
    private static <T> T bytedeco(Supplier<T> open) {
        try {
            return open.get();
        } catch (LinkageError | RuntimeException e) {
            throw new LibraryUnavailableException(BytedecoNatives.explain(e));
        }
    }

    private ColumnMajorBlas jcublas(boolean tf32) {
        try {
            return new JCublasBlas(device, tf32);
        } catch (LinkageError | RuntimeException e) {
            throw new LibraryUnavailableException(NativeFailures.explain(e, "JCublas2", CUBLAS, CUBLAS_INSTALL));
        }
    }

    private ConvLibrary<?> jcudnn(boolean tf32) {
        String version = CudnnNatives.load();
        try {
            return new JCudnnLibrary(device, tf32, version);
        } catch (LinkageError | RuntimeException e) {
            throw new LibraryUnavailableException(NativeFailures.explain(e, "JCudnn", CudnnNatives.LIBRARY,
                    CudnnNatives.INSTALL));
        }
    }

    /**
     * Whether JCublas2 loads (it links {@code libcublas.so.12}), without a device.
     *
     * @throws LibraryUnavailableException with the reason when it does not
     */
    static String jcublasLoads() {
        try {
            jcuda.jcublas.JCublas2.setExceptionsEnabled(false);
            return "JCublas2 " + jcuda.JCudaVersion.get();
        } catch (LinkageError | RuntimeException e) {
            throw new LibraryUnavailableException(NativeFailures.explain(e, "JCublas2", CUBLAS, CUBLAS_INSTALL));
        }
    }
}
