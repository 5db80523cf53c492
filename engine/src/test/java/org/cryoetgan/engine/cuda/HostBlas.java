package org.cryoetgan.engine.cuda;

import java.util.ArrayList;
import java.util.List;

/**
 * A fake cuBLAS: records every call and computes the column-major sgemm with a plain triple loop on the host,
 * reading and writing the operands through a {@link GpuDevice} (the kernel emulator) or a {@link HostMemory}.
 */
final class HostBlas implements ColumnMajorBlas {
    /** One recorded call, with cuBLAS's argument order. */
    record Call(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb,
                float beta, long c, int ldc) {
    }

    /** Floats in and out of device memory. */
    interface Memory {
        float[] read(long address, int count);

        void write(long address, float[] data);
    }

    final List<Call> calls = new ArrayList<>();
    private final Memory memory;
    boolean closed;

    HostBlas(Memory memory) {
        this.memory = memory;
    }

    static Memory of(GpuDevice device) {
        return new Memory() {
            @Override
            public float[] read(long address, int count) {
                float[] f = new float[count];
                device.copyToHost(address, f, 0, count);
                return f;
            }

            @Override
            public void write(long address, float[] data) {
                device.copyToDevice(data, 0, address, data.length);
            }
        };
    }

    @Override
    public String label() {
        return "cuBLAS (host fake)";
    }

    /** Elements spanned by a column-major matrix of {@code rows × cols} stored with leading dimension ld. */
    private static int span(int rows, int cols, int ld) {
        return rows == 0 || cols == 0 ? 0 : (cols - 1) * ld + rows;
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b,
                      int ldb, float beta, long c, int ldc) {
        calls.add(new Call(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc));
        int aRows = transA ? k : m;
        int bRows = transB ? n : k;
        if (lda < Math.max(1, aRows) || ldb < Math.max(1, bRows) || ldc < Math.max(1, m)) {
            throw new IllegalArgumentException("CUBLAS_STATUS_INVALID_VALUE: leading dimension too small " + calls);
        }
        float[] av = memory.read(a, span(aRows, transA ? m : k, lda));
        float[] bv = memory.read(b, span(bRows, transB ? k : n, ldb));
        float[] cv = memory.read(c, span(m, n, ldc));
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    float x = transA ? av[p + i * lda] : av[i + p * lda];
                    float y = transB ? bv[j + p * ldb] : bv[p + j * ldb];
                    s += (double) x * y;
                }
                int ci = i + j * ldc;
                cv[ci] = (float) (alpha * s + (beta == 0 ? 0 : beta * cv[ci]));
            }
        }
        memory.write(c, cv);
    }

    @Override
    public void close() {
        closed = true;
    }
}
