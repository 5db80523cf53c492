package org.cryoetgan.engine.cuda;

import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * 3-D convolution as vol2col + sgemm per batch element, over chunks of output positions so that the column
 * buffer stays below a bound. Pointwise convolutions (1×1×1, stride 1, no padding) use the input as the column
 * matrix directly. Shapes: W is C_out × K (K = C_in·kD·kH·kW), a column chunk is K × cols, Y_n is C_out × V_out.
 */
final class CudaConv3d implements DeviceConv {
    private final CudaBackend backend;
    private final long columnLimit;
    private final String gemmLabel;

    /** Convolutions on {@code backend}'s gemm, whose implementation {@code gemmLabel} names. */
    CudaConv3d(CudaBackend backend, long columnLimit, String gemmLabel) {
        this.backend = backend;
        this.columnLimit = columnLimit;
        this.gemmLabel = gemmLabel;
    }

    private static boolean pointwise(ConvGeometry g) {
        for (int i = 0; i < 3; i++) {
            if (g.kernel[i] != 1 || g.stride[i] != 1 || g.padding[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String label() {
        return "own CUDA kernels (vol2col + " + (gemmLabel.startsWith("own") ? "own sgemm" : gemmLabel) + ")";
    }

    /** Adds {@code bias[c]} to every output position of channel c of y (no-op for a zero address). */
    static void addBias(CudaBackend backend, ConvGeometry g, long y, long bias) {
        if (bias != 0) {
            long total = (long) g.batch * g.outChannels * g.outVolume();
            backend.launch("cg_add_channel_bias", LaunchConfig.elementwise(total), new KernelArgs().p(y).p(bias)
                    .i(g.outChannels).l(g.outVolume()).l(total));
        }
    }

    /** dbias[c] = sum of dy over batch and positions of channel c (no-op for a zero address). */
    static void biasGradient(CudaBackend backend, ConvGeometry g, long dy, long dbias) {
        if (dbias != 0) {
            new CudaReduce(backend).reduce(0, dy, new int[] {g.batch, g.outChannels, g.outVolume()},
                    new boolean[] {true, false, true}, dbias);
        }
    }

    /** Output positions per chunk: as many as fit the column limit, at least one. */
    int chunk(ConvGeometry g) {
        return (int) Math.max(1, Math.min(g.outVolume(), columnLimit / g.patchSize()));
    }

    private static KernelArgs geometry(KernelArgs a, ConvGeometry g) {
        return a.i(g.inChannels).ints(g.in).ints(g.out).ints(g.kernel).ints(g.stride).ints(g.padding)
                .ints(g.dilation);
    }

    private void vol2col(ConvGeometry g, long x, long col, int start, int count) {
        long total = (long) g.patchSize() * count;
        backend.launch("cg_vol2col", LaunchConfig.elementwise(total),
                geometry(new KernelArgs().p(x).p(col).l(start).i(count), g));
    }

    private void col2vol(ConvGeometry g, long col, long dx, int start, int count, boolean accumulate) {
        long total = (long) g.inChannels * g.inVolume();
        backend.launch("cg_col2vol", LaunchConfig.elementwise(total),
                geometry(new KernelArgs().p(col).p(dx).l(start).i(count).i(accumulate ? 1 : 0), g));
    }

    /** Visits the chunks of output positions: (batch element, first position, count). */
    private interface ChunkVisitor {
        void visit(int n, int start, int count);
    }

    private void forEachChunk(ConvGeometry g, ChunkVisitor v) {
        int step = chunk(g);
        for (int n = 0; n < g.batch; n++) {
            for (int start = 0; start < g.outVolume(); start += step) {
                v.visit(n, start, Math.min(step, g.outVolume() - start));
            }
        }
    }

    /** A matrix operand on the device: its address and leading dimension (floats). */
    private record Operand(long address, int ld) {
    }

    /**
     * The columns of output positions {@code [start, start+count)} of one sample: the input itself for a 1×1×1
     * stride-1 convolution ({@code col == null}), else its vol2col into {@code col}.
     */
    private Operand chunkColumns(ConvGeometry g, CudaBuffer col, long xn, int start, int count) {
        if (col == null) {
            return new Operand(xn + 4L * start, g.outVolume());
        }
        vol2col(g, xn, CudaBackend.addr(col), start, count);
        return new Operand(CudaBackend.addr(col), count);
    }

    private CudaBuffer columns(ConvGeometry g) {
        return pointwise(g) ? null : backend.scratch((long) g.patchSize() * chunk(g));
    }

    @Override
    public void forward(ConvGeometry g, long x, long w, long bias, long y) {
        int k = g.patchSize();
        int vol = g.outVolume();
        long xStride = 4L * g.inChannels * g.inVolume();
        long yStride = 4L * g.outChannels * vol;
        CudaBuffer col = columns(g);
        try {
            forEachChunk(g, (n, start, count) -> {
                Operand b = chunkColumns(g, col, x + n * xStride, start, count);
                backend.gemm(false, false, g.outChannels, count, k, 1f, w, k, b.address(), b.ld(), 0f, y + n * yStride + 4L * start,
                        vol);
            });
        } finally {
            if (col != null) {
                col.release();
            }
        }
        addBias(backend, g, y, bias);
    }

    @Override
    public void backwardData(ConvGeometry g, long dy, long w, long dx) {
        int k = g.patchSize();
        int vol = g.outVolume();
        long xStride = 4L * g.inChannels * g.inVolume();
        long yStride = 4L * g.outChannels * vol;
        CudaBuffer col = columns(g);
        try {
            forEachChunk(g, (n, start, count) -> {
                long dyn = dy + n * yStride + 4L * start;
                if (col == null) {
                    backend.gemm(true, false, k, count, g.outChannels, 1f, w, k, dyn, vol, 0f,
                            dx + n * xStride + 4L * start, vol);
                } else {
                    backend.gemm(true, false, k, count, g.outChannels, 1f, w, k, dyn, vol, 0f, CudaBackend.addr(col),
                            count);
                    col2vol(g, CudaBackend.addr(col), dx + n * xStride, start, count, start > 0);
                }
            });
        } finally {
            if (col != null) {
                col.release();
            }
        }
    }

    @Override
    public void backwardWeight(ConvGeometry g, long x, long dy, long dw, long dbias) {
        int k = g.patchSize();
        int vol = g.outVolume();
        long xStride = 4L * g.inChannels * g.inVolume();
        long yStride = 4L * g.outChannels * vol;
        CudaBuffer col = columns(g);
        try {
            forEachChunk(g, (n, start, count) -> {
                Operand b = chunkColumns(g, col, x + n * xStride, start, count);
                float beta = n == 0 && start == 0 ? 0f : 1f;
                backend.gemm(false, true, g.outChannels, k, count, 1f, dy + n * yStride + 4L * start, vol, b.address(), b.ld(),
                        beta, dw, k);
            });
        } finally {
            if (col != null) {
                col.release();
            }
        }
        biasGradient(backend, g, dy, dbias);
    }
}
