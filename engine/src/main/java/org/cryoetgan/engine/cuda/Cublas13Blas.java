package org.cryoetgan.engine.cuda;

import static org.bytedeco.cuda.global.cublas.CUBLAS_DEFAULT_MATH;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.CUBLAS_STATUS_SUCCESS;
import static org.bytedeco.cuda.global.cublas.CUBLAS_TF32_TENSOR_OP_MATH;
import static org.bytedeco.cuda.global.cublas.cublasCreate_v2;
import static org.bytedeco.cuda.global.cublas.cublasDestroy_v2;
import static org.bytedeco.cuda.global.cublas.cublasGetVersion_v2;
import static org.bytedeco.cuda.global.cublas.cublasSetMathMode;
import static org.bytedeco.cuda.global.cublas.cublasSgemm_v2;

import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.javacpp.FloatPointer;

/**
 * cuBLAS 13 through the bytedeco CUDA presets on a {@link GpuDevice}'s current context and the legacy default
 * stream (that of the engine's kernels). Operands are the engine's device addresses ({@link DevicePointers});
 * alpha and beta are host scalars (cuBLAS's default pointer mode), read before each call returns. Math: cuBLAS's
 * default (fp32) unless TF32 is asked for.
 */
final class Cublas13Blas implements ColumnMajorBlas {
    private final GpuDevice device;
    private final cublasContext handle = new cublasContext();
    private final FloatPointer alpha;
    private final FloatPointer beta;
    private final String label;
    private boolean closed;

    /** @throws LibraryUnavailableException when the binding does not load or no handle can be created */
    Cublas13Blas(GpuDevice device, boolean tf32) {
        String version = BytedecoNatives.cublasVersion();
        this.device = device;
        alpha = new FloatPointer(1);
        beta = new FloatPointer(1);
        device.makeCurrent();
        int r = cublasCreate_v2(handle);
        if (r != CUBLAS_STATUS_SUCCESS) {
            throw new LibraryUnavailableException("cublasCreate failed with status " + r + " (cuBLAS " + version
                    + ")");
        }
        check(cublasSetMathMode(handle, tf32 ? CUBLAS_TF32_TENSOR_OP_MATH : CUBLAS_DEFAULT_MATH), "cublasSetMathMode");
        int[] v = new int[1];
        check(cublasGetVersion_v2(handle, v), "cublasGetVersion");
        label = "cuBLAS " + v[0] / 10000 + "." + v[0] / 100 % 100 + "." + v[0] % 100 + (tf32 ? " (TF32)" : "");
    }

    private static void check(int status, String what) {
        if (status != CUBLAS_STATUS_SUCCESS) {
            throw new CudaException(what + " failed with cuBLAS status " + status, status);
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public synchronized void sgemm(boolean transA, boolean transB, int m, int n, int k, float a, long pa, int lda,
                                   long pb, int ldb, float b, long pc, int ldc) {
        device.makeCurrent();
        alpha.put(a);
        beta.put(b);
        check(cublasSgemm_v2(handle, transA ? CUBLAS_OP_T : CUBLAS_OP_N, transB ? CUBLAS_OP_T : CUBLAS_OP_N, m, n, k,
                alpha, DevicePointers.floats(pa), lda, DevicePointers.floats(pb), ldb, beta, DevicePointers.floats(pc),
                ldc), "cublasSgemm");
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            device.makeCurrent();
            cublasDestroy_v2(handle);
            alpha.close();
            beta.close();
        }
    }
}
