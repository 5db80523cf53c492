package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.junit.jupiter.api.Test;

/**
 * The parity suite with the library paths switched on: cuBLAS and cuDNN replaced by host fakes ({@link HostBlas},
 * {@link HostDnn}) that compute from the arguments cuBLAS/cuDNN would receive, on the emulator's memory. This checks
 * the row-major → column-major gemm mapping, the descriptors, operand order and alpha/beta of every convolution
 * pass, the algorithm cache, the workspace and the per-shape fallback (the fake has no dilated algorithms), all
 * through {@link CudaBackend} as a GPU would be driven; only the JCublas2/JCudnn calls themselves are not run.
 */
class CudaEmulationLibrariesTest extends CudaParitySuite {
    private HostBlas blas;
    private HostDnn dnn;
    private CudaBackend backend;

    @Override
    double normalTolerance() {
        return 0;
    }

    @Override
    CudaBackend openGpu() throws IOException {
        Path exe = CudaEmulator.executableOrSkip();
        EmulatedGpuDevice device = new EmulatedGpuDevice(exe);
        HostBlas.Memory memory = HostBlas.of(device);
        blas = new HostBlas(memory);
        dnn = new HostDnn(memory);
        device.withLibraries(GpuLibraries.of(tf32 -> blas, tf32 -> dnn));
        backend = new CudaBackend("cuda-emu-libs", device, COLUMN_LIMIT, GpuOptions.DEFAULT);
        return backend;
    }

    @Test
    void librariesAreChosenAndNamed() {
        assertEquals(List.of("gemm: cuBLAS (host fake)", "conv3d: cuDNN (host fake)"),
                backend.libraries().stream().map(LibraryChain.Choice::message).toList());
        assertTrue(backend.description().contains("; gemm: cuBLAS (host fake); conv3d: cuDNN (host fake)"),
                backend.description());
    }

    @Test
    void algorithmsAreChosenOncePerShapeAndTheWorkspaceOnlyGrows() {
        ConvGeometry g = new ConvGeometry(1, 2, new int[] {5, 4, 6}, 3, new int[] {3, 3, 3}, new int[] {1, 1, 1},
                new int[] {1, 1, 1}, new int[] {1, 1, 1});
        Buffer x = backend.allocate(2L * g.inVolume());
        Buffer w = backend.allocate(3L * g.patchSize());
        Buffer y = backend.allocate(3L * g.outVolume());
        Buffer dx = backend.allocate(x.numel());
        backend.fill(x, 0, x.numel(), 0.5f);
        backend.fill(w, 0, w.numel(), 0.25f);
        CudnnConv3d<?> conv = backend.cudnn();
        int queries = conv.algorithms().queries();
        int describedBefore = dnn.described.size();
        for (int i = 0; i < 3; i++) {
            backend.conv3d(g, x, w, null, y);
            backend.conv3dBackwardData(new ConvGeometry(1, 2, new int[] {5, 4, 6}, 3, new int[] {3, 3, 3},
                    new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 1, 1}), y, w, dx);
        }
        assertEquals(queries + 2, conv.algorithms().queries(), "one query per pass and shape");
        assertEquals(describedBefore + 1, dnn.described.size(), "descriptors once per shape");
        assertTrue(conv.workspace().capacity() >= 512, "grown to the backward-data workspace");
        int growths = conv.workspace().growths();
        backend.conv3d(g, x, w, null, y);
        assertEquals(growths, conv.workspace().growths(), "a smaller request reuses the workspace");
        HostDnn.Run last = dnn.runs.get(dnn.runs.size() - 1);
        assertEquals(ConvDirection.FORWARD, last.direction());
        assertEquals(1f, last.alpha());
        assertEquals(0f, last.beta(), "backend semantics overwrite");
        float[] out = new float[3 * g.outVolume()];
        backend.copyToHost(y, 0, out, 0, out.length);
        assertEquals(0.5f * 0.25f * 2 * 27, out[2 * 24 + 6 + 2], 1e-5f, "an interior output (d=2, h=1, w=2)");
        for (Buffer b : new Buffer[] {x, w, y, dx}) {
            b.release();
        }
    }

    @Test
    void dilatedShapesFallBackToTheOwnKernelsAndGemmGoesThroughCublas() {
        ConvGeometry g = new ConvGeometry(1, 1, new int[] {5, 5, 5}, 1, new int[] {2, 2, 2}, new int[] {1, 1, 1},
                new int[] {0, 0, 0}, new int[] {2, 2, 2});
        Buffer x = backend.allocate(g.inVolume());
        Buffer w = backend.allocate(g.patchSize());
        Buffer y = backend.allocate(g.outVolume());
        backend.fill(x, 0, x.numel(), 1f);
        backend.fill(w, 0, w.numel(), 1f);
        int fallbacks = backend.cudnn().fallbackCalls();
        int gemms = blas.calls.size();
        backend.conv3d(g, x, w, null, y);
        assertEquals(fallbacks + 1, backend.cudnn().fallbackCalls());
        assertTrue(blas.calls.size() > gemms, "the own convolution's matrix products ran on cuBLAS");
        HostBlas.Call c = blas.calls.get(blas.calls.size() - 1);
        assertFalse(c.transA() || c.transB());
        assertEquals(27, c.m(), "operands swapped: cuBLAS m is the row-major n (output positions) " + c);
        assertEquals(1, c.n(), "cuBLAS n is the row-major m (output channels) " + c);
        float[] out = new float[g.outVolume()];
        backend.copyToHost(y, 0, out, 0, out.length);
        assertEquals(8f, out[0], 0f);
        for (Buffer b : new Buffer[] {x, w, y}) {
            b.release();
        }
    }
}
