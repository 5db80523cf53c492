package org.cryoetgan.engine.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which vendor library bindings load in this process, probed without opening a device, in the order a device
 * tries them: for {@code gemm} cuBLAS 13 then cuBLAS 12, for {@code conv3d} cuDNN 9 then cuDNN 8, then the
 * engine's own kernels. {@code info} prints these lines when no GPU can be opened, so that the reasons (a missing
 * driver, a missing {@code libcudnn_graph.so.9}, ...) are visible before a GPU is at hand; on an opened GPU the
 * device's own choices say the same with the versions in use.
 */
public final class LibraryProbe {
    /** A binding and its loader, returning a version or throwing {@link LibraryUnavailableException}. */
    private record Probe(String name, Supplier<String> load) {
    }

    private LibraryProbe() {
    }

    /** One line per kind of work, e.g. {@code conv3d: own CUDA kernels (cuDNN 9 unavailable: ...; ...)}. */
    public static List<String> report() {
        return List.of(
                line("gemm", List.of(new Probe("cuBLAS 13", () -> "cuBLAS " + BytedecoNatives.cublasVersion()),
                        new Probe("cuBLAS 12", JCudaLibraries::jcublasLoads))),
                line("conv3d", List.of(new Probe("cuDNN 9", () -> "cuDNN " + BytedecoNatives.cudnnVersion()),
                        new Probe("cuDNN 8", () -> "cuDNN " + CudnnNatives.load()))));
    }

    static String line(String work, List<Probe> probes) {
        String[] loaded = new String[1];
        List<LibraryChain.Candidate> candidates = new ArrayList<>();
        for (Probe p : probes) {
            candidates.add(new LibraryChain.Candidate(p.name(), () -> {
                try {
                    loaded[0] = p.load().get();
                    return null;
                } catch (LibraryUnavailableException e) {
                    return e.getMessage();
                } catch (LinkageError | RuntimeException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
        }
        candidates.add(new LibraryChain.Candidate(Accelerators.OWN_KERNELS, () -> null));
        LibraryChain.Choice c = LibraryChain.choose(work, candidates);
        return loaded[0] == null ? c.message() : Accelerators.relabel(c, loaded[0] + " loads").message();
    }
}
