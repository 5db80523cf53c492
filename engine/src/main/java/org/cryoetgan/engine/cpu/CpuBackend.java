package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.backend.PoolGeometry;
import org.cryoetgan.engine.backend.ReduceOp;
import org.cryoetgan.engine.backend.UnaryOp;

/**
 * The pure-Java CPU backend: float arrays, a fork-join pool of a configurable number of threads, and kernels that
 * run synchronously (so {@link #synchronize()} has nothing to wait for). Subclassed only by
 * {@link ReferenceCpuBackend}, which swaps in the reference matrix and convolution kernels.
 */
public class CpuBackend implements Backend {
    private final Parallel par;
    private final ArrayPool pool = new ArrayPool(ArrayPool.defaultCapacity());

    public CpuBackend(int threads) {
        this.par = new Parallel(threads);
    }

    /** Threads from {@code -Dcryoetgan.threads} or {@code CRYOETGAN_THREADS}, else all available processors. */
    public static int configuredThreads() {
        String v = System.getProperty("cryoetgan.threads");
        if (v == null || v.isBlank()) {
            v = System.getenv("CRYOETGAN_THREADS");
        }
        if (v != null && !v.isBlank()) {
            try {
                int t = Integer.parseInt(v.trim());
                if (t >= 1) {
                    return t;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
            throw new IllegalArgumentException("cryoetgan.threads / CRYOETGAN_THREADS must be a positive integer, got '"
                    + v + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public int threads() {
        return par.threads();
    }

    /** The thread pool, for CPU kernels outside this package. */
    public Parallel parallel() {
        return par;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "cpu: " + par.threads() + " threads, " + VectorSupport.describe();
    }

    @Override
    public Buffer allocate(long numel) {
        if (numel > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the CPU backend holds at most 2^31 floats per tensor, asked for "
                    + numel);
        }
        return new CpuBuffer(this, pool.take((int) numel));
    }

    void recycle(float[] array) {
        pool.give(array);
    }

    /** Bytes held by the pool of recycled arrays (for tests and diagnostics). */
    public long pooledBytes() {
        return pool.heldBytes();
    }

    /** Allocations served by recycled arrays so far. */
    public long pooledAllocations() {
        return pool.hits();
    }

    @Override
    public void synchronize() {
        // kernels are synchronous
    }

    private static float[] f(Buffer b) {
        return b == null ? null : CpuBuffer.of(b);
    }

    @Override
    public void copyFromHost(float[] src, int srcOffset, Buffer dst, long dstOffset, int count) {
        System.arraycopy(src, srcOffset, f(dst), (int) dstOffset, count);
    }

    @Override
    public void copyToHost(Buffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        System.arraycopy(f(src), (int) srcOffset, dst, dstOffset, count);
    }

    @Override
    public void fill(Buffer dst, long offset, long count, float value) {
        java.util.Arrays.fill(f(dst), (int) offset, (int) (offset + count), value);
    }

    @Override
    public void copyStrided(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset,
                            long[] dstStrides, int[] shape) {
        CpuElementwise.copyStrided(par, f(src), srcOffset, srcStrides, f(dst), dstOffset, dstStrides, shape);
    }

    @Override
    public void unary(UnaryOp op, float a, float b, Buffer x, Buffer out, long n) {
        CpuElementwise.unary(par, op, a, b, f(x), f(out), (int) n);
    }

    @Override
    public void binary(BinaryOp op, float a, float b, Buffer x, long xOffset, long[] xStrides, Buffer y, long yOffset,
                       long[] yStrides, Buffer out, int[] shape) {
        CpuElementwise.binary(par, op, a, b, f(x), xOffset, xStrides, f(y), yOffset, yStrides, f(out), shape);
    }

    @Override
    public void axpy(float alpha, Buffer x, Buffer y, Buffer out, long n) {
        CpuElementwise.axpy(par, alpha, f(x), f(y), f(out), (int) n);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int[] shape, boolean[] reduce, Buffer out) {
        CpuReduce.reduce(par, op, f(x), shape, reduce, f(out));
    }

    @Override
    public void randomNormal(long seed, long counter, float mean, float std, Buffer out, long n) {
        CpuRandom.normal(par, seed, counter, mean, std, f(out), (int) n);
    }

    @Override
    public void randomUniform(long seed, long counter, float lo, float hi, Buffer out, long n) {
        CpuRandom.uniform(par, seed, counter, lo, hi, f(out), (int) n);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Buffer a, long aOffset, int lda,
                     Buffer b, long bOffset, int ldb, float beta, Buffer c, long cOffset, int ldc) {
        Sgemm.gemm(par, transA, transB, m, n, k, alpha, f(a), (int) aOffset, lda, f(b), (int) bOffset, ldb, beta, f(c),
                (int) cOffset, ldc);
    }

    @Override
    public void conv3d(ConvGeometry g, Buffer x, Buffer w, Buffer bias, Buffer y) {
        CpuConv3d.forward(par, g, f(x), f(w), f(bias), f(y));
    }

    @Override
    public void conv3dBackwardData(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        CpuConv3d.backwardData(par, g, f(dy), f(w), f(dx));
    }

    @Override
    public void conv3dBackwardWeight(ConvGeometry g, Buffer x, Buffer dy, Buffer dw, Buffer dbias) {
        CpuConv3d.backwardWeight(par, g, f(x), f(dy), f(dw), f(dbias));
    }

    @Override
    public void instanceNormForward(Buffer x, int planes, int channels, int size, float eps, Buffer gamma, Buffer beta,
                                    Buffer y, Buffer mean, Buffer invstd) {
        CpuInstanceNorm.forward(par, f(x), planes, channels, size, eps, f(gamma), f(beta), f(y), f(mean), f(invstd));
    }

    @Override
    public void instanceNormBackward(Buffer x, Buffer dy, Buffer mean, Buffer invstd, int planes, int channels,
                                     int size, Buffer gamma, Buffer dx, Buffer dgamma, Buffer dbeta) {
        CpuInstanceNorm.backward(par, f(x), f(dy), f(mean), f(invstd), planes, channels, size, f(gamma), f(dx),
                f(dgamma), f(dbeta));
    }

    @Override
    public void pad3d(PadMode mode, Buffer x, int planes, int[] in, int[] pad, Buffer y) {
        CpuPad.forward(par, mode, f(x), planes, in, pad, f(y));
    }

    @Override
    public void pad3dBackward(PadMode mode, Buffer dy, int planes, int[] in, int[] pad, Buffer dx) {
        CpuPad.backward(par, mode, f(dy), planes, in, pad, f(dx));
    }

    @Override
    public void maxPool3d(PoolGeometry g, Buffer x, Buffer y) {
        CpuPool.maxForward(par, g, f(x), f(y));
    }

    @Override
    public void maxPool3dBackward(PoolGeometry g, Buffer x, Buffer dy, Buffer dx) {
        CpuPool.maxBackward(par, g, f(x), f(dy), f(dx));
    }

    @Override
    public void avgPool3d(PoolGeometry g, Buffer x, Buffer y) {
        CpuPool.avgForward(par, g, f(x), f(y));
    }

    @Override
    public void avgPool3dBackward(PoolGeometry g, Buffer dy, Buffer dx) {
        CpuPool.avgBackward(par, g, f(dy), f(dx));
    }
}
