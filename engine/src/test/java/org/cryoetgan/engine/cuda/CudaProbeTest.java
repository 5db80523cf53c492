package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jcuda.driver.CUresult;
import org.junit.jupiter.api.Test;

/** Failure paths of opening a GPU and the fallback chains, with fake devices and probes. */
class CudaProbeTest {

    @Test
    void explainsEveryWayOpeningFails() {
        CudaProbe noLib = new CudaProbe(i -> {
            throw new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver-12.6.0-linux-x86_64\"\n"
                    + "Operating system name: Linux\njava.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.6.0-linux-"
                    + "x86_64.so: libcuda.so.1: cannot open shared object file: No such file or directory\n\tat x");
        });
        CudaProbe.Result r = noLib.open(0);
        assertFalse(r.ok());
        assertEquals("the JCuda native library could not be loaded (libcuda.so.1: cannot open shared object file: "
                + "No such file or directory); is the NVIDIA driver (libcuda.so.1) installed?", r.reason());

        r = new CudaProbe(i -> {
            throw new CudaException("cuInit failed", CUresult.CUDA_ERROR_NO_DEVICE);
        }).open(0);
        assertEquals("no CUDA-capable GPU was found", r.reason());

        r = new CudaProbe(i -> {
            throw new CudaException("cuInit failed", CudaProbe.INSUFFICIENT_DRIVER);
        }).open(0);
        assertTrue(r.reason().contains("driver is older"), r.reason());

        r = new CudaProbe(i -> {
            throw new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver");
        }).open(0);
        assertTrue(r.reason().contains("libcuda.so.1: cannot open"), "the first failure is remembered: " + r.reason());
    }

    @Test
    void opensAWorkingDevice() {
        CudaProbe.Result r = new CudaProbe(i -> new NoopDevice()).open(1);
        assertTrue(r.ok());
        assertEquals("cuda:1", r.backend().name());
        assertTrue(r.backend().description().contains("noop"), r.backend().description());
    }

    @Test
    void chainPicksTheFirstUsableCandidateAndSaysWhy() {
        LibraryChain.Choice c = LibraryChain.choose("conv3d", List.of(
                new LibraryChain.Candidate("cuDNN", () -> "libcudnn.so.8 not found"),
                new LibraryChain.Candidate("broken", () -> {
                    throw new UnsatisfiedLinkError("no JCudnn-12.6.0");
                }),
                new LibraryChain.Candidate("own CUDA kernels", () -> null),
                new LibraryChain.Candidate("CPU", () -> null)));
        assertEquals("own CUDA kernels", c.chosen());
        assertEquals("conv3d: own CUDA kernels (cuDNN unavailable: libcudnn.so.8 not found; broken unavailable: "
                + "UnsatisfiedLinkError: no JCudnn-12.6.0)", c.message());
        LibraryChain.Choice none = LibraryChain.choose("gemm", List.of(
                new LibraryChain.Candidate("cuBLAS", () -> "absent")));
        assertNull(none.chosen());
        assertEquals("gemm: nothing usable (cuBLAS unavailable: absent)", none.message());
    }

    /** A device that accepts everything and does nothing. */
    static class NoopDevice implements GpuDevice {
        private long next = 4096;

        @Override
        public long malloc(long bytes) {
            long a = next;
            next += bytes;
            return a;
        }

        @Override
        public void free(long address) {
        }

        @Override
        public String describe() {
            return "noop";
        }

        @Override
        public void copyToDevice(float[] src, int srcOffset, long dstAddress, int count) {
        }

        @Override
        public void copyToHost(long srcAddress, float[] dst, int dstOffset, int count) {
        }

        @Override
        public void launch(String name, LaunchConfig config, KernelArgs args) {
        }

        @Override
        public void synchronize() {
        }

        @Override
        public void close() {
        }
    }
}
