package org.cryoetgan.engine.cuda;

/** cuBLAS (JCublas2) and cuDNN (JCudnn) for a {@link JCudaDevice}, with the reasons when they do not load. */
final class JCudaLibraries implements GpuLibraries {
    static final String CUBLAS = "libcublas.so.12";
    static final String CUBLAS_INSTALL = "the CUDA 12 cuBLAS library, e.g. the libcublas-12-x package";

    private final GpuDevice device;

    JCudaLibraries(GpuDevice device) {
        this.device = device;
    }

    @Override
    public ColumnMajorBlas openBlas(boolean tf32) {
        try {
            return new JCublasBlas(device, tf32);
        } catch (LinkageError | RuntimeException e) {
            throw new LibraryUnavailableException(NativeFailures.explain(e, "JCublas2", CUBLAS, CUBLAS_INSTALL));
        }
    }

    @Override
    public ConvLibrary<?> openDnn(boolean tf32) {
        String version = CudnnNatives.load();
        try {
            return new JCudnnLibrary(device, tf32, version);
        } catch (LinkageError | RuntimeException e) {
            throw new LibraryUnavailableException(NativeFailures.explain(e, "JCudnn", CudnnNatives.LIBRARY,
                    CudnnNatives.INSTALL));
        }
    }
}
