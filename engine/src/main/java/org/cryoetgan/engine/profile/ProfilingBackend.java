package org.cryoetgan.engine.profile;

import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.backend.PoolGeometry;
import org.cryoetgan.engine.backend.ReduceOp;
import org.cryoetgan.engine.backend.UnaryOp;

/**
 * A backend that runs every kernel on another backend and counts its calls and floating-point operations in a
 * {@link KernelProfile} by {@link KernelKind}, and, when {@code timed}, its wall time. Its buffers wrap the inner
 * backend's, so tensors made on it stay on it. Untimed, it costs a few counter updates per kernel; timed, two clock
 * reads more. On an asynchronous device the time of a kernel is only its launch unless {@code synchronizeEach} is
 * set, which waits for every kernel (and so slows the run down).
 */
public final class ProfilingBackend implements Backend {
    private final Backend inner;
    private final KernelProfile profile = new KernelProfile();
    private final boolean timed;
    private final boolean synchronizeEach;

    /**
     * @param timed           whether to read the clock around every kernel
     * @param synchronizeEach whether to wait for every kernel before reading the clock (asynchronous devices)
     */
    public ProfilingBackend(Backend inner, boolean timed, boolean synchronizeEach) {
        this.inner = inner;
        this.timed = timed;
        this.synchronizeEach = synchronizeEach && timed;
    }

    /** The counters (live: they keep growing while the backend is used). */
    public KernelProfile profile() {
        return profile;
    }

    /** The backend that runs the kernels. */
    public Backend inner() {
        return inner;
    }

    private static Buffer u(Buffer b) {
        return b == null ? null : ((ProfiledBuffer) b).inner();
    }

    private long start() {
        return timed ? System.nanoTime() : 0;
    }

    private void stop(KernelKind kind, long t0, double flops) {
        if (synchronizeEach) {
            inner.synchronize();
        }
        profile.add(kind, timed ? System.nanoTime() - t0 : 0, flops);
    }

    private void stopConvolution(KernelKind kind, long t0, ConvGeometry g) {
        if (synchronizeEach) {
            inner.synchronize();
        }
        long elapsed = timed ? System.nanoTime() - t0 : 0;
        profile.add(kind, elapsed, g.flops());
        if (timed) {
            profile.addConvolution(kind, g.toString(), elapsed);
        }
    }

    private void stop(KernelKind kind, long t0) {
        stop(kind, t0, 0);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String description() {
        return inner.description() + " (profiled)";
    }

    @Override
    public Buffer allocate(long numel) {
        long t0 = start();
        Buffer b = new ProfiledBuffer(inner.allocate(numel), this);
        stop(KernelKind.ALLOCATE, t0);
        return b;
    }

    @Override
    public void synchronize() {
        inner.synchronize();
    }

    @Override
    public void copyFromHost(float[] src, int srcOffset, Buffer dst, long dstOffset, int count) {
        long t0 = start();
        inner.copyFromHost(src, srcOffset, u(dst), dstOffset, count);
        stop(KernelKind.COPY, t0);
    }

    @Override
    public void copyToHost(Buffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        long t0 = start();
        inner.copyToHost(u(src), srcOffset, dst, dstOffset, count);
        stop(KernelKind.COPY, t0);
    }

    @Override
    public void fill(Buffer dst, long offset, long count, float value) {
        long t0 = start();
        inner.fill(u(dst), offset, count, value);
        stop(KernelKind.COPY, t0);
    }

    @Override
    public void copyStrided(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset,
                            long[] dstStrides, int[] shape) {
        long t0 = start();
        inner.copyStrided(u(src), srcOffset, srcStrides, u(dst), dstOffset, dstStrides, shape);
        stop(KernelKind.COPY, t0);
    }

    @Override
    public void unary(UnaryOp op, float a, float b, Buffer x, Buffer out, long n) {
        long t0 = start();
        inner.unary(op, a, b, u(x), u(out), n);
        stop(KernelKind.ELEMENTWISE, t0);
    }

    @Override
    public void binary(BinaryOp op, float a, float b, Buffer x, long xOffset, long[] xStrides, Buffer y,
                       long yOffset, long[] yStrides, Buffer out, int[] shape) {
        long t0 = start();
        inner.binary(op, a, b, u(x), xOffset, xStrides, u(y), yOffset, yStrides, u(out), shape);
        stop(KernelKind.ELEMENTWISE, t0);
    }

    @Override
    public void axpy(float alpha, Buffer x, Buffer y, Buffer out, long n) {
        long t0 = start();
        inner.axpy(alpha, u(x), u(y), u(out), n);
        stop(KernelKind.ELEMENTWISE, t0);
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int[] shape, boolean[] reduce, Buffer out) {
        long t0 = start();
        inner.reduce(op, u(x), shape, reduce, u(out));
        stop(KernelKind.REDUCE, t0);
    }

    @Override
    public void randomNormal(long seed, long counter, float mean, float std, Buffer out, long n) {
        long t0 = start();
        inner.randomNormal(seed, counter, mean, std, u(out), n);
        stop(KernelKind.RANDOM, t0);
    }

    @Override
    public void randomUniform(long seed, long counter, float lo, float hi, Buffer out, long n) {
        long t0 = start();
        inner.randomUniform(seed, counter, lo, hi, u(out), n);
        stop(KernelKind.RANDOM, t0);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Buffer a, long aOffset,
                     int lda, Buffer b, long bOffset, int ldb, float beta, Buffer c, long cOffset, int ldc) {
        long t0 = start();
        inner.gemm(transA, transB, m, n, k, alpha, u(a), aOffset, lda, u(b), bOffset, ldb, beta, u(c), cOffset, ldc);
        stop(KernelKind.GEMM, t0, 2.0 * m * n * k);
    }

    @Override
    public void conv3d(ConvGeometry g, Buffer x, Buffer w, Buffer bias, Buffer y) {
        long t0 = start();
        inner.conv3d(g, u(x), u(w), u(bias), u(y));
        stopConvolution(KernelKind.CONV_FORWARD, t0, g);
    }

    @Override
    public void conv3dBackwardData(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        long t0 = start();
        inner.conv3dBackwardData(g, u(dy), u(w), u(dx));
        stopConvolution(KernelKind.CONV_BACKWARD_DATA, t0, g);
    }

    @Override
    public void conv3dBackwardWeight(ConvGeometry g, Buffer x, Buffer dy, Buffer dw, Buffer dbias) {
        long t0 = start();
        inner.conv3dBackwardWeight(g, u(x), u(dy), u(dw), u(dbias));
        stopConvolution(KernelKind.CONV_BACKWARD_WEIGHT, t0, g);
    }

    @Override
    public void instanceNormForward(Buffer x, int planes, int channels, int size, float eps, Buffer gamma,
                                    Buffer beta, Buffer y, Buffer mean, Buffer invstd) {
        long t0 = start();
        inner.instanceNormForward(u(x), planes, channels, size, eps, u(gamma), u(beta), u(y), u(mean), u(invstd));
        stop(KernelKind.INSTANCE_NORM, t0);
    }

    @Override
    public void instanceNormBackward(Buffer x, Buffer dy, Buffer mean, Buffer invstd, int planes, int channels,
                                     int size, Buffer gamma, Buffer dx, Buffer dgamma, Buffer dbeta) {
        long t0 = start();
        inner.instanceNormBackward(u(x), u(dy), u(mean), u(invstd), planes, channels, size, u(gamma), u(dx),
                u(dgamma), u(dbeta));
        stop(KernelKind.INSTANCE_NORM, t0);
    }

    @Override
    public void pad3d(PadMode mode, Buffer x, int planes, int[] in, int[] pad, Buffer y) {
        long t0 = start();
        inner.pad3d(mode, u(x), planes, in, pad, u(y));
        stop(KernelKind.PAD, t0);
    }

    @Override
    public void pad3dBackward(PadMode mode, Buffer dy, int planes, int[] in, int[] pad, Buffer dx) {
        long t0 = start();
        inner.pad3dBackward(mode, u(dy), planes, in, pad, u(dx));
        stop(KernelKind.PAD, t0);
    }

    @Override
    public void maxPool3d(PoolGeometry g, Buffer x, Buffer y) {
        long t0 = start();
        inner.maxPool3d(g, u(x), u(y));
        stop(KernelKind.POOL, t0);
    }

    @Override
    public void maxPool3dBackward(PoolGeometry g, Buffer x, Buffer dy, Buffer dx) {
        long t0 = start();
        inner.maxPool3dBackward(g, u(x), u(dy), u(dx));
        stop(KernelKind.POOL, t0);
    }

    @Override
    public void avgPool3d(PoolGeometry g, Buffer x, Buffer y) {
        long t0 = start();
        inner.avgPool3d(g, u(x), u(y));
        stop(KernelKind.POOL, t0);
    }

    @Override
    public void avgPool3dBackward(PoolGeometry g, Buffer dy, Buffer dx) {
        long t0 = start();
        inner.avgPool3dBackward(g, u(dy), u(dx));
        stop(KernelKind.POOL, t0);
    }
}
