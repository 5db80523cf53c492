package org.cryoetgan.engine.cuda;

/**
 * Opens the optional vendor libraries of one device. Each method returns a ready handle or throws
 * {@link LibraryUnavailableException} with the reason; {@link Accelerators} turns that into the fallback
 * chain. Implemented on JCublas2/JCudnn by {@link JCudaLibraries}, by {@link #NONE} for devices without them
 * (the kernel emulator), and by fakes in tests.
 */
public interface GpuLibraries {

    /** cuBLAS, with TF32 tensor-core math when {@code tf32}. */
    ColumnMajorBlas openBlas(boolean tf32);

    /** cuDNN convolutions, with TF32 tensor-core math when {@code tf32} (else FMA math). */
    ConvLibrary<?> openDnn(boolean tf32);

    /** No vendor libraries (a device that only runs the engine's own kernels). */
    GpuLibraries NONE = new GpuLibraries() {
        @Override
        public ColumnMajorBlas openBlas(boolean tf32) {
            throw new LibraryUnavailableException("not available on this device");
        }

        @Override
        public ConvLibrary<?> openDnn(boolean tf32) {
            throw new LibraryUnavailableException("not available on this device");
        }
    };
}
