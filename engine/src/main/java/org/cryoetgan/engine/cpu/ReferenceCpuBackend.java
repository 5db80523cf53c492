package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * The CPU backend, single-threaded, with its fast matrix and convolution kernels replaced by the plain reference
 * ones ({@link PlainGemm}, {@link DirectConv3d}): what {@code selftest} compares the CPU backend against on a
 * machine without a GPU.
 */
public final class ReferenceCpuBackend extends CpuBackend {

    public ReferenceCpuBackend() {
        super(1);
    }

    @Override
    public String name() {
        return "cpu-reference";
    }

    @Override
    public String description() {
        return "cpu-reference: 1 thread, direct convolution and plain gemm";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Buffer a, long aOffset, int lda,
                     Buffer b, long bOffset, int ldb, float beta, Buffer c, long cOffset, int ldc) {
        PlainGemm.gemm(parallel(), transA, transB, m, n, k, alpha, CpuBuffer.of(a), (int) aOffset, lda,
                CpuBuffer.of(b), (int) bOffset, ldb, beta, CpuBuffer.of(c), (int) cOffset, ldc);
    }

    private static float[] data(Buffer b) {
        return b == null ? null : CpuBuffer.of(b);
    }

    @Override
    public void conv3d(ConvGeometry g, Buffer x, Buffer w, Buffer bias, Buffer y) {
        DirectConv3d.forward(g, data(x), data(w), data(bias), data(y));
    }

    @Override
    public void conv3dBackwardData(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        DirectConv3d.backwardData(g, data(dy), data(w), data(dx));
    }

    @Override
    public void conv3dBackwardWeight(ConvGeometry g, Buffer x, Buffer dy, Buffer dw, Buffer dbias) {
        DirectConv3d.backwardWeight(g, data(x), data(dy), data(dw), data(dbias));
    }
}
