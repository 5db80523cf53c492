package org.cryoetgan.gan.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/** EJML matrix products, on EJML's worker threads when the matrices are large enough to pay for it. */
final class Linalg {

    /** From this many multiply-adds on, products use EJML's concurrent implementation. */
    private static final long CONCURRENT_WORK = 1L << 24;

    private Linalg() {
    }

    /** {@code c = a b}. */
    static void mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (work(a.numRows, a.numCols, b.numCols)) {
            CommonOps_MT_DDRM.mult(a, b, c);
        } else {
            CommonOps_DDRM.mult(a, b, c);
        }
    }

    /** {@code c = a^T b}. */
    static void multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (work(a.numCols, a.numRows, b.numCols)) {
            CommonOps_MT_DDRM.multTransA(a, b, c);
        } else {
            CommonOps_DDRM.multTransA(a, b, c);
        }
    }

    /** {@code c = a b^T}. */
    static void multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        if (work(a.numRows, a.numCols, b.numRows)) {
            CommonOps_MT_DDRM.multTransB(a, b, c);
        } else {
            CommonOps_DDRM.multTransB(a, b, c);
        }
    }

    private static boolean work(long m, long k, long n) {
        return m * k * n >= CONCURRENT_WORK;
    }
}
