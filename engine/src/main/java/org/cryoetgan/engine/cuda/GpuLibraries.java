package org.cryoetgan.engine.cuda;

import java.util.List;
import java.util.function.Function;

/**
 * The optional vendor libraries of one device, as bindings to try in order: for a {@link JCudaDevice} cuBLAS 13
 * then cuBLAS 12 for matrix products, cuDNN 9 then cuDNN 8 for convolutions. Each binding opens a ready handle or
 * throws {@link LibraryUnavailableException} with the reason; {@link Accelerators} turns the lists into the fallback
 * chains whose last link is the engine's own kernels. Implemented by {@link JCudaLibraries}, by {@link #NONE} for
 * devices without libraries (the kernel emulator), and by fakes in tests ({@link #of}).
 */
public interface GpuLibraries {

    /**
     * One binding of a vendor library: its name in messages (e.g. {@code cuDNN 9}) and how to open it; the
     * argument of {@code open} says whether TF32 tensor-core math is allowed (else true fp32).
     */
    record Binding<T>(String name, Function<Boolean, T> open) {
    }

    /** The cuBLAS bindings, best first. */
    List<Binding<ColumnMajorBlas>> blas();

    /** The cuDNN bindings, best first. */
    List<Binding<ConvLibrary<?>>> dnn();

    /** One binding each, named {@code cuBLAS} and {@code cuDNN}. */
    static GpuLibraries of(Function<Boolean, ColumnMajorBlas> blas, Function<Boolean, ConvLibrary<?>> dnn) {
        List<Binding<ColumnMajorBlas>> b = List.of(new Binding<>("cuBLAS", blas));
        List<Binding<ConvLibrary<?>>> d = List.of(new Binding<>("cuDNN", dnn));
        return new GpuLibraries() {
            @Override
            public List<Binding<ColumnMajorBlas>> blas() {
                return b;
            }

            @Override
            public List<Binding<ConvLibrary<?>>> dnn() {
                return d;
            }
        };
    }

    /** No vendor libraries (a device that only runs the engine's own kernels). */
    GpuLibraries NONE = of(tf32 -> {
        throw new LibraryUnavailableException("not available on this device");
    }, tf32 -> {
        throw new LibraryUnavailableException("not available on this device");
    });
}
