package org.cryoetgan.engine.cuda;

import jcuda.Pointer;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasMath;
import jcuda.jcublas.cublasOperation;
import jcuda.jcublas.cublasStatus;

/**
 * cuBLAS through JCublas2 on a {@link GpuDevice}'s current context and the legacy default stream (the stream the
 * engine's kernels use, so the two stay ordered). Math mode: cuBLAS's default (fp32) unless TF32 is asked for.
 */
final class JCublasBlas implements ColumnMajorBlas {
    private final GpuDevice device;
    private final cublasHandle handle = new cublasHandle();
    private final String label;
    private boolean closed;

    /** @throws LibraryUnavailableException when the handle cannot be created */
    JCublasBlas(GpuDevice device, boolean tf32) {
        this.device = device;
        device.makeCurrent();
        int r = JCublas2.cublasCreate(handle);
        if (r != cublasStatus.CUBLAS_STATUS_SUCCESS) {
            throw new LibraryUnavailableException("cublasCreate failed: " + cublasStatus.stringFor(r));
        }
        check(JCublas2.cublasSetMathMode(handle, tf32 ? cublasMath.CUBLAS_TF32_TENSOR_OP_MATH
                : cublasMath.CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
        int[] v = new int[1];
        check(JCublas2.cublasGetVersion(handle, v), "cublasGetVersion");
        label = "cuBLAS " + v[0] / 10000 + "." + v[0] / 100 % 100 + "." + v[0] % 100 + (tf32 ? " (TF32)" : "");
    }

    private static void check(int status, String what) {
        if (status != cublasStatus.CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(what + " failed: " + cublasStatus.stringFor(status), status);
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b,
                      int ldb, float beta, long c, int ldc) {
        device.makeCurrent();
        check(JCublas2.cublasSgemm(handle, transA ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N,
                transB ? cublasOperation.CUBLAS_OP_T : cublasOperation.CUBLAS_OP_N, m, n, k,
                Pointer.to(new float[] {alpha}), JCudaDevice.at(a), lda, JCudaDevice.at(b), ldb,
                Pointer.to(new float[] {beta}), JCudaDevice.at(c), ldc), "cublasSgemm");
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            device.makeCurrent();
            JCublas2.cublasDestroy(handle);
        }
    }
}
