package org.cryoetgan.engine.cuda;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses, once per backend, who runs matrix products (cuBLAS, else the engine's own sgemm kernel) and
 * convolutions (cuDNN, else the engine's own vol2col + sgemm kernels, whose matrix products then use cuBLAS when
 * present) and keeps the one-line explanations ({@link LibraryChain.Choice}) that {@code info} and
 * {@code selftest} print. The last link of the chain, the CPU, is {@link org.cryoetgan.engine.Devices}' choice
 * when no GPU can be opened at all.
 */
final class Accelerators {
    /** The last candidate of every chain on a device. */
    static final String OWN_KERNELS = "own CUDA kernels";

    final DeviceGemm gemm;
    final DeviceConv conv;
    final List<LibraryChain.Choice> choices;
    private final ColumnMajorBlas blas;
    private final CudnnConv3d<?> dnn;

    private Accelerators(DeviceGemm gemm, DeviceConv conv, List<LibraryChain.Choice> choices, ColumnMajorBlas blas,
                         CudnnConv3d<?> dnn) {
        this.gemm = gemm;
        this.conv = conv;
        this.choices = choices;
        this.blas = blas;
        this.dnn = dnn;
    }

    /**
     * The candidates of one library kind: each binding in order, keeping what opened; a single candidate named
     * {@code kind} with the property's reason when the user switched the library off.
     */
    static <T> List<LibraryChain.Candidate> candidates(String kind, boolean enabled, String property,
                                                       List<GpuLibraries.Binding<T>> bindings, boolean tf32,
                                                       List<T> opened) {
        if (!enabled) {
            return List.of(new LibraryChain.Candidate(kind, () -> "disabled by -D" + property + "=false"));
        }
        List<LibraryChain.Candidate> list = new ArrayList<>();
        for (GpuLibraries.Binding<T> b : bindings) {
            list.add(new LibraryChain.Candidate(b.name(), () -> {
                try {
                    opened.add(b.open().apply(tf32));
                    return null;
                } catch (LibraryUnavailableException e) {
                    return e.getMessage();
                } catch (LinkageError | RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
        }
        return list;
    }

    /** The candidates followed by the engine's own kernels. */
    private static List<LibraryChain.Candidate> thenOwnKernels(List<LibraryChain.Candidate> candidates) {
        List<LibraryChain.Candidate> all = new ArrayList<>(candidates);
        all.add(new LibraryChain.Candidate(OWN_KERNELS, () -> null));
        return all;
    }

    static Accelerators choose(CudaBackend backend, GpuLibraries libs, GpuOptions options) {
        List<ColumnMajorBlas> blas = new ArrayList<>(1);
        LibraryChain.Choice gemmChoice = LibraryChain.choose("gemm", thenOwnKernels(candidates("cuBLAS",
                options.cublas(), "cryoetgan.cublas", libs.blas(), options.tf32(), blas)));
        DeviceGemm gemm = blas.isEmpty() ? new KernelGemm(backend) : new RowMajorGemm(blas.get(0));

        List<ConvLibrary<?>> dnnLib = new ArrayList<>(1);
        CudaConv3d own = new CudaConv3d(backend, backend.columnLimit(), gemm.label());
        LibraryChain.Choice convChoice = LibraryChain.choose("conv3d", thenOwnKernels(candidates("cuDNN",
                options.cudnn(), "cryoetgan.cudnn", libs.dnn(), options.tf32(), dnnLib)));
        CudnnConv3d<?> dnn = dnnLib.isEmpty() ? null : wrap(backend, dnnLib.get(0), own);
        DeviceConv conv = dnn == null ? own : dnn;
        return new Accelerators(gemm, conv, List.of(relabel(gemmChoice, gemm.label()), relabel(convChoice,
                conv.label())), blas.isEmpty() ? null : blas.get(0), dnn);
    }

    /** The choice with the candidate's name replaced by the implementation's full label (name and version). */
    static LibraryChain.Choice relabel(LibraryChain.Choice c, String label) {
        return new LibraryChain.Choice(label, c.message().replaceFirst(java.util.regex.Pattern.quote(c.chosen()),
                java.util.regex.Matcher.quoteReplacement(label)));
    }

    private static <D> CudnnConv3d<D> wrap(CudaBackend backend, ConvLibrary<D> lib, DeviceConv own) {
        return new CudnnConv3d<>(backend, lib, own, CudnnConv3d.workspaceLimitFromProperties());
    }

    /** The cuDNN convolutions, or null when the own kernels run them. */
    CudnnConv3d<?> cudnn() {
        return dnn;
    }

    void close() {
        if (dnn != null) {
            dnn.close();
        }
        if (blas != null) {
            blas.close();
        }
    }
}
