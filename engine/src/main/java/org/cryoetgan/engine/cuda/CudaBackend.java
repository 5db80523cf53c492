package org.cryoetgan.engine.cuda;

import org.cryoetgan.engine.Shape;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.backend.PoolGeometry;
import org.cryoetgan.engine.backend.ReduceOp;
import org.cryoetgan.engine.backend.UnaryOp;

/**
 * The GPU backend: the engine's own CUDA kernels (engine/src/main/cuda) launched on a {@link GpuDevice}, memory
 * from a {@link CachingAllocator}. All host-side decisions (axis coalescing, launch shapes, how convolutions are
 * split into vol2col + sgemm chunks) live here, so the kernel emulator of the tests exercises exactly the
 * launches a GPU would see.
 */
public final class CudaBackend implements Backend {
    /** Default bound on the vol2col column buffer, in floats (128 MiB). */
    public static final long DEFAULT_COLUMN_LIMIT = 32L << 20;

    private final String name;
    private final GpuDevice device;
    private final CachingAllocator allocator;
    private final long columnLimit;
    private final CudaReduce reducer;
    private final Accelerators accelerators;

    /**
     * A backend on {@code device}, using the device's cuBLAS/cuDNN as {@code options} allow and they load;
     * {@code columnLimit} bounds the floats of one vol2col chunk of the own convolution kernels.
     */
    public CudaBackend(String name, GpuDevice device, long columnLimit, GpuOptions options) {
        this.name = name;
        this.device = device;
        this.allocator = new CachingAllocator(device);
        this.columnLimit = columnLimit;
        this.reducer = new CudaReduce(this);
        this.accelerators = Accelerators.choose(this, device.libraries(), options);
    }

    /** A backend with the options of the system properties ({@link GpuOptions#fromSystemProperties()}). */
    public CudaBackend(String name, GpuDevice device, long columnLimit) {
        this(name, device, columnLimit, GpuOptions.fromSystemProperties());
    }

    public CudaBackend(String name, GpuDevice device) {
        this(name, device, DEFAULT_COLUMN_LIMIT);
    }

    long columnLimit() {
        return columnLimit;
    }

    /**
     * Which implementation runs each kind of work and why earlier candidates were passed over, e.g.
     * {@code gemm: cuBLAS 12.6.4} and {@code conv3d: own CUDA kernels (vol2col + cuBLAS 12.6.4) (cuDNN
     * unavailable: libcudnn.so.8 not found ...)}.
     */
    public java.util.List<LibraryChain.Choice> libraries() {
        return accelerators.choices;
    }

    /** The cuDNN convolutions in use, or null (for tests and statistics). */
    CudnnConv3d<?> cudnn() {
        return accelerators.cudnn();
    }

    public CachingAllocator allocator() {
        return allocator;
    }

    public GpuDevice device() {
        return device;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        StringBuilder sb = new StringBuilder(name).append(": ").append(device.describe());
        for (LibraryChain.Choice c : accelerators.choices) {
            sb.append("; ").append(c.message());
        }
        return sb.toString();
    }

    @Override
    public Buffer allocate(long numel) {
        return new CudaBuffer(this, allocator.allocate(Math.max(1, numel) * Float.BYTES), numel);
    }

    /** A scratch buffer for one backend call (released by the caller; reuse is stream-ordered). */
    CudaBuffer scratch(long numel) {
        return (CudaBuffer) allocate(numel);
    }

    @Override
    public void synchronize() {
        device.synchronize();
    }

    /** Device address of element {@code offset} of {@code b}, 0 for a null buffer. */
    static long addr(Buffer b, long offset) {
        if (b == null) {
            return 0;
        }
        if (!(b instanceof CudaBuffer)) {
            throw new IllegalArgumentException("buffer of backend " + b.backend().name() + " given to a CUDA backend");
        }
        return ((CudaBuffer) b).address(offset);
    }

    static long addr(Buffer b) {
        return addr(b, 0);
    }

    void launch(String kernel, LaunchConfig config, KernelArgs args) {
        device.launch(kernel, config, args);
    }

    // ---- data movement -------------------------------------------------------------------------------------

    @Override
    public void copyFromHost(float[] src, int srcOffset, Buffer dst, long dstOffset, int count) {
        if (count > 0) {
            device.copyToDevice(src, srcOffset, addr(dst, dstOffset), count);
        }
    }

    @Override
    public void copyToHost(Buffer src, long srcOffset, float[] dst, int dstOffset, int count) {
        if (count > 0) {
            device.copyToHost(addr(src, srcOffset), dst, dstOffset, count);
        }
    }

    @Override
    public void fill(Buffer dst, long offset, long count, float value) {
        if (count > 0) {
            launch("cg_fill", LaunchConfig.elementwise(count), new KernelArgs().p(addr(dst, offset)).l(count)
                    .f(value));
        }
    }

    @Override
    public void copyStrided(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset,
                            long[] dstStrides, int[] shape) {
        StridedPlan plan = new StridedPlan(shape, srcStrides, dstStrides);
        if (plan.numel == 0) {
            return;
        }
        KernelArgs a = new KernelArgs().p(addr(src, srcOffset)).p(addr(dst, dstOffset));
        plan.shapeArgs(a);
        plan.strideArgs(a, 0);
        plan.strideArgs(a, 1);
        launch("cg_copy_strided", LaunchConfig.elementwise(plan.numel), a);
    }

    // ---- elementwise ---------------------------------------------------------------------------------------

    @Override
    public void unary(UnaryOp op, float a, float b, Buffer x, Buffer out, long n) {
        if (n > 0) {
            launch("cg_unary", LaunchConfig.elementwise(n), new KernelArgs().i(op.ordinal()).f(a).f(b).p(addr(x))
                    .p(addr(out)).l(n));
        }
    }

    @Override
    public void binary(BinaryOp op, float a, float b, Buffer x, long xOffset, long[] xStrides, Buffer y, long yOffset,
                       long[] yStrides, Buffer out, int[] shape) {
        StridedPlan plan = new StridedPlan(shape, xStrides, yStrides, Shape.contiguousStrides(shape));
        if (plan.numel == 0) {
            return;
        }
        KernelArgs args = new KernelArgs().i(op.ordinal()).f(a).f(b).p(addr(x, xOffset)).p(addr(y, yOffset))
                .p(addr(out));
        plan.shapeArgs(args);
        plan.strideArgs(args, 0);
        plan.strideArgs(args, 1);
        launch("cg_binary", LaunchConfig.elementwise(plan.numel), args);
    }

    @Override
    public void axpy(float alpha, Buffer x, Buffer y, Buffer out, long n) {
        if (n > 0) {
            launch("cg_axpy", LaunchConfig.elementwise(n), new KernelArgs().f(alpha).p(addr(x)).p(addr(y))
                    .p(addr(out)).l(n));
        }
    }

    @Override
    public void reduce(ReduceOp op, Buffer x, int[] shape, boolean[] reduce, Buffer out) {
        reducer.reduce(op.ordinal(), addr(x), shape, reduce, addr(out));
    }

    // ---- random numbers ------------------------------------------------------------------------------------

    @Override
    public void randomNormal(long seed, long counter, float mean, float std, Buffer out, long n) {
        if (n > 0) {
            launch("cg_random_normal", LaunchConfig.elementwise(n), new KernelArgs().l(seed).l(counter).f(mean)
                    .f(std).p(addr(out)).l(n));
        }
    }

    @Override
    public void randomUniform(long seed, long counter, float lo, float hi, Buffer out, long n) {
        if (n > 0) {
            launch("cg_random_uniform", LaunchConfig.elementwise(n), new KernelArgs().l(seed).l(counter).f(lo)
                    .f(hi).p(addr(out)).l(n));
        }
    }

    // ---- linear algebra ------------------------------------------------------------------------------------

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Buffer a, long aOffset, int lda,
                     Buffer b, long bOffset, int ldb, float beta, Buffer c, long cOffset, int ldc) {
        gemm(transA, transB, m, n, k, alpha, addr(a, aOffset), lda, addr(b, bOffset), ldb, beta, addr(c, cOffset),
                ldc);
    }

    /** sgemm on raw device addresses (row-major, as {@link Backend#gemm}): cuBLAS or the own kernel. */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, long a, int lda, long b, int ldb,
              float beta, long c, int ldc) {
        accelerators.gemm.sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    // ---- convolution ---------------------------------------------------------------------------------------

    @Override
    public void conv3d(ConvGeometry g, Buffer x, Buffer w, Buffer bias, Buffer y) {
        accelerators.conv.forward(g, addr(x), addr(w), addr(bias), addr(y));
    }

    @Override
    public void conv3dBackwardData(ConvGeometry g, Buffer dy, Buffer w, Buffer dx) {
        accelerators.conv.backwardData(g, addr(dy), addr(w), addr(dx));
    }

    @Override
    public void conv3dBackwardWeight(ConvGeometry g, Buffer x, Buffer dy, Buffer dw, Buffer dbias) {
        accelerators.conv.backwardWeight(g, addr(x), addr(dy), addr(dw), dbias == null ? 0 : addr(dbias));
    }

    // ---- normalisation, padding, pooling -------------------------------------------------------------------

    @Override
    public void instanceNormForward(Buffer x, int planes, int channels, int size, float eps, Buffer gamma, Buffer beta,
                                    Buffer y, Buffer mean, Buffer invstd) {
        launch("cg_instnorm_forward", LaunchConfig.perBlock(planes), new KernelArgs().p(addr(x)).ints(planes, channels,
                size).f(eps).p(addr(gamma)).p(addr(beta)).p(addr(y)).p(addr(mean)).p(addr(invstd)));
    }

    @Override
    public void instanceNormBackward(Buffer x, Buffer dy, Buffer mean, Buffer invstd, int planes, int channels,
                                     int size, Buffer gamma, Buffer dx, Buffer dgamma, Buffer dbeta) {
        CudaBuffer sums = scratch(2L * planes);
        try {
            launch("cg_instnorm_backward", LaunchConfig.perBlock(planes), new KernelArgs().p(addr(x)).p(addr(dy))
                    .p(addr(mean)).p(addr(invstd)).ints(planes, channels, size).p(addr(gamma)).p(addr(dx))
                    .p(addr(sums)));
            if (dgamma != null || dbeta != null) {
                CudaBuffer unused = dgamma == null || dbeta == null ? scratch(channels) : null;
                try {
                    launch("cg_instnorm_param_grad", LaunchConfig.elementwise(channels), new KernelArgs()
                            .p(addr(sums)).ints(planes, channels).p(addr(dgamma != null ? dgamma : unused))
                            .p(addr(dbeta != null ? dbeta : unused)));
                } finally {
                    if (unused != null) {
                        unused.release();
                    }
                }
            }
        } finally {
            sums.release();
        }
    }

    private static KernelArgs padArgs(PadMode mode, long src, int planes, int[] in, int[] pad) {
        return new KernelArgs().i(mode.ordinal()).p(src).ints(planes, in[0], in[1], in[2]).ints(pad);
    }

    @Override
    public void pad3d(PadMode mode, Buffer x, int planes, int[] in, int[] pad, Buffer y) {
        long n = (long) planes * (in[0] + pad[0] + pad[1]) * (in[1] + pad[2] + pad[3]) * (in[2] + pad[4] + pad[5]);
        launch("cg_pad3d_forward", LaunchConfig.elementwise(n), padArgs(mode, addr(x), planes, in, pad).p(addr(y)));
    }

    @Override
    public void pad3dBackward(PadMode mode, Buffer dy, int planes, int[] in, int[] pad, Buffer dx) {
        long n = (long) planes * in[0] * in[1] * in[2];
        launch("cg_pad3d_backward", LaunchConfig.elementwise(n), padArgs(mode, addr(dy), planes, in, pad)
                .p(addr(dx)));
    }

    private static KernelArgs poolArgs(KernelArgs a, PoolGeometry g) {
        return a.i(g.planes).ints(g.in).ints(g.out).ints(g.kernel).ints(g.stride).ints(g.padding);
    }

    @Override
    public void maxPool3d(PoolGeometry g, Buffer x, Buffer y) {
        launch("cg_maxpool3d_forward", LaunchConfig.elementwise((long) g.planes * g.outVolume()),
                poolArgs(new KernelArgs().p(addr(x)).p(addr(y)), g));
    }

    @Override
    public void maxPool3dBackward(PoolGeometry g, Buffer x, Buffer dy, Buffer dx) {
        launch("cg_maxpool3d_backward", LaunchConfig.elementwise((long) g.planes * g.inVolume()),
                poolArgs(new KernelArgs().p(addr(x)).p(addr(dy)).p(addr(dx)), g));
    }

    @Override
    public void avgPool3d(PoolGeometry g, Buffer x, Buffer y) {
        launch("cg_avgpool3d_forward", LaunchConfig.elementwise((long) g.planes * g.outVolume()),
                poolArgs(new KernelArgs().p(addr(x)).p(addr(y)), g));
    }

    @Override
    public void avgPool3dBackward(PoolGeometry g, Buffer dy, Buffer dx) {
        launch("cg_avgpool3d_backward", LaunchConfig.elementwise((long) g.planes * g.inVolume()),
                poolArgs(new KernelArgs().p(addr(dy)).p(addr(dx)), g));
    }

    /** Returns cached memory to the device and closes it. */
    public void close() {
        device.synchronize();
        accelerators.close();
        allocator.emptyCache();
        device.close();
    }
}
