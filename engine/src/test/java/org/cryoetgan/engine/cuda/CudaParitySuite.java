package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.cryoetgan.engine.Shape;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.backend.PoolGeometry;
import org.cryoetgan.engine.backend.ReduceOp;
import org.cryoetgan.engine.backend.UnaryOp;
import org.cryoetgan.engine.cpu.CpuBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs every {@link CudaBackend} operation and compares with the CPU backend (1e-4 relative for accumulating
 * kernels, tighter for elementwise ones). Subclasses supply the device: the kernel emulator
 * ({@link CudaEmulationTest}) or a real GPU ({@link CudaGpuTest}). Sizes are chosen not to be multiples of the
 * block sizes; the column limit is tiny so convolutions run in several chunks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CudaParitySuite {
    /** Floats per vol2col chunk in these tests: small enough to split every convolution below. */
    static final long COLUMN_LIMIT = CudaTestBackends.COLUMN_LIMIT;
    private static final CpuBackend CPU = new CpuBackend(2);
    private CudaBackend gpu;
    private final Random rnd = new Random(42);

    /**
     * Relative tolerance of normal random numbers against {@link org.cryoetgan.engine.CounterHash}: the GPU's double
     * log/cos may differ from the JVM's by an ulp that survives rounding to float.
     */
    double normalTolerance() {
        return 1e-6;
    }

    /** The backend under test, or a skipped assumption saying why there is none. */
    abstract CudaBackend openGpu() throws IOException;

    @BeforeAll
    void start() throws IOException {
        gpu = openGpu();
    }

    @AfterAll
    void stop() {
        if (gpu != null) {
            gpu.close();
        }
    }

    /** The same data on both backends. */
    private final class Pair {
        final Buffer cpu;
        final Buffer gpu;
        final int n;

        Pair(float[] data) {
            n = data.length;
            cpu = CPU.allocate(n);
            CPU.copyFromHost(data, 0, cpu, 0, n);
            gpu = CudaParitySuite.this.gpu.allocate(n);
            CudaParitySuite.this.gpu.copyFromHost(data, 0, gpu, 0, n);
        }

        Pair(int n) {
            this(nanFilled(n));
        }

        /**
     * Asserts both sides agree to {@code rel} relative to |expected| + 1% of the largest magnitude (sums with
     * cancellation carry rounding errors of the size of their terms); NaN and infinities must match exactly.
     */
        void check(String what, double rel) {
            float[] a = new float[n];
            float[] b = new float[n];
            CPU.copyToHost(cpu, 0, a, 0, n);
            CudaParitySuite.this.gpu.copyToHost(gpu, 0, b, 0, n);
            assertClose(what, a, b, rel);
        }
    }

    private static float[] nanFilled(int n) {
        float[] f = new float[n];
        java.util.Arrays.fill(f, Float.NaN);
        return f;
    }

    static void assertClose(String what, float[] expected, float[] actual, double rel) {
        double scale = 0;
        for (float v : expected) {
            if (Float.isFinite(v)) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int i = 0; i < expected.length; i++) {
            float e = expected[i];
            float a = actual[i];
            if (Float.isNaN(e) || Float.isInfinite(e)) {
                assertEquals(e, a, what + ": element " + i);
                continue;
            }
            double tol = rel * (Math.abs(e) + 1e-2 * scale) + 1e-30;
            assertTrue(Math.abs(e - a) <= tol, what + ": element " + i + " expected " + e + " got " + a);
        }
    }

    private float[] random(int n, float lo, float hi) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = lo + (hi - lo) * rnd.nextFloat();
        }
        return f;
    }

    private Pair randomPair(int n) {
        return new Pair(random(n, -2f, 2f));
    }

    /** Runs the same call on both backends. */
    private interface Call {
        void on(Backend b, boolean isGpu);
    }

    private void both(Call c) {
        c.on(CPU, false);
        c.on(gpu, true);
    }

    private static Buffer pick(Pair p, boolean isGpu) {
        return p == null ? null : isGpu ? p.gpu : p.cpu;
    }

    @Test
    void fillAndCopies() {
        Pair x = randomPair(1000);
        both((b, g) -> b.fill(pick(x, g), 17, 700, 3.25f));
        x.check("fill", 0);
        float[] part = random(123, -1, 1);
        both((b, g) -> b.copyFromHost(part, 3, pick(x, g), 500, 100));
        x.check("copyFromHost with offsets", 0);
        float[] back = new float[50];
        gpu.copyToHost(x.gpu, 510, back, 0, 50);
        assertEquals(part[13], back[0]);
    }

    @Test
    void unaryOps() {
        for (UnaryOp op : UnaryOp.values()) {
            boolean positive = op == UnaryOp.LOG || op == UnaryOp.SQRT || op == UnaryOp.POW;
            Pair x = new Pair(random(1037, positive ? 0.1f : -3f, 3f));
            Pair out = new Pair(1037);
            both((b, g) -> b.unary(op, op == UnaryOp.POW ? 1.7f : 0.3f, 1.5f, pick(x, g), pick(out, g), 1037));
            out.check("unary " + op, 2e-6);
        }
    }

    @Test
    void binaryOpsWithBroadcasting() {
        int[] shape = {3, 4, 5, 7};
        for (BinaryOp op : BinaryOp.values()) {
            Pair x = new Pair(random(3 * 5 * 7, op == BinaryOp.POW ? 0.2f : -2f, 2f));  // [3,1,5,7]
            float[] yv = random(4 * 5, -2f, 2f);  // [1,4,5,1]
            if (op == BinaryOp.EQ) {
                yv[3] = 1f;
            }
            Pair y = new Pair(yv);
            Pair out = new Pair(3 * 4 * 5 * 7);
            long[] xs = {35, 0, 7, 1};
            long[] ys = {0, 5, 1, 0};
            both((b, g) -> b.binary(op, 0.2f, 0.7f, pick(x, g), 0, xs, pick(y, g), 0, ys, pick(out, g), shape));
            out.check("binary " + op, 2e-6);
        }
        // a transposed (non-contiguous) operand with an offset, in place into x
        Pair x = randomPair(6 * 9);
        Pair y = randomPair(9 * 6 + 5);
        both((b, g) -> b.binary(BinaryOp.MUL, 0, 0, pick(x, g), 0, new long[] {9, 1}, pick(y, g), 5,
                new long[] {1, 6}, pick(x, g), new int[] {6, 9}));
        x.check("binary in place with a transposed operand", 0);
    }

    @Test
    void stridedCopyAndAxpy() {
        int[] shape = {2, 3, 4, 5, 6};
        int n = 720;
        Pair src = randomPair(n + 7);
        Pair dst = new Pair(n + 3);
        long[] srcStrides = {360, 1, 90, 18, 3};  // a permuted view of [2,5,6,4,3]... read with offset 7
        long[] dstStrides = Shape.contiguousStrides(shape);
        both((b, g) -> b.copyStrided(pick(src, g), 7, srcStrides, pick(dst, g), 3, dstStrides, shape));
        dst.check("copyStrided", 0);
        Pair y = randomPair(n + 3);
        both((b, g) -> b.axpy(-0.75f, pick(dst, g), pick(y, g), pick(y, g), n + 3));
        y.check("axpy", 1e-6);
    }

    private void checkReduce(int[] shape, boolean[] flags) {
        int n = 1;
        int m = 1;
        for (int i = 0; i < shape.length; i++) {
            n *= shape[i];
            m *= flags[i] ? 1 : shape[i];
        }
        Pair x = randomPair(n);
        for (ReduceOp op : ReduceOp.values()) {
            Pair out = new Pair(m);
            both((b, g) -> b.reduce(op, pick(x, g), shape, flags, pick(out, g)));
            out.check("reduce " + op + " " + java.util.Arrays.toString(shape) + java.util.Arrays.toString(flags),
                    op == ReduceOp.SUM ? 1e-4 : 0);
        }
    }

    @Test
    void reductions() {
        int[] s = {2, 3, 4, 5, 6};
        checkReduce(s, new boolean[] {true, true, true, true, true});
        checkReduce(s, new boolean[] {false, false, false, false, false});
        checkReduce(s, new boolean[] {true, false, true, false, true});
        checkReduce(s, new boolean[] {false, true, false, true, false});
        checkReduce(s, new boolean[] {true, false, false, true, true});
        checkReduce(new int[] {3, 40000}, new boolean[] {false, true});  // split into partial sums
        checkReduce(new int[] {7, 3000}, new boolean[] {true, false});  // one thread per output
        checkReduce(new int[] {2, 3, 2, 3, 2, 3, 2, 3}, new boolean[] {true, false, true, false, true, false, true,
            false});  // four reduced groups: staged
        checkReduce(new int[] {1, 1}, new boolean[] {true, false});
    }

    @Test
    void randomNumbersMatchTheCounterHash() {
        Pair normal = new Pair(3001);
        Pair uniform = new Pair(3001);
        both((b, g) -> b.randomNormal(1234567890123L, 99, 0.5f, 2f, pick(normal, g), 3001));
        both((b, g) -> b.randomUniform(-77L, 5_000_000_000L, -1f, 3f, pick(uniform, g), 3001));
        normal.check("randomNormal", normalTolerance());
        uniform.check("randomUniform", 0);
    }

    @Test
    void gemmAllTranspositions() {
        int m = 70;
        int n = 45;
        int k = 33;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0;
            boolean tb = (t & 2) != 0;
            int lda = (ta ? m : k) + 3;
            int ldb = (tb ? k : n) + 2;
            int ldc = n + 1;
            Pair a = randomPair(5 + lda * (ta ? k : m));
            Pair b = randomPair(1 + ldb * (tb ? n : k));
            for (float beta : new float[] {0f, 0.5f}) {
                Pair c = new Pair(4 + ldc * m);
                if (beta != 0) {
                    c = randomPair(4 + ldc * m);
                }
                Pair cc = c;
                both((be, g) -> be.gemm(ta, tb, m, n, k, 1.5f, pick(a, g), 5, lda, pick(b, g), 1, ldb, beta,
                        pick(cc, g), 4, ldc));
                float[] e = new float[m * ldc];
                float[] got = new float[m * ldc];
                CPU.copyToHost(c.cpu, 4, e, 0, e.length);
                gpu.copyToHost(c.gpu, 4, got, 0, got.length);
                for (int i = 0; i < m; i++) {  // the padding columns hold NaN/garbage on both: compare the matrix
                    float[] er = java.util.Arrays.copyOfRange(e, i * ldc, i * ldc + n);
                    float[] gr = java.util.Arrays.copyOfRange(got, i * ldc, i * ldc + n);
                    assertClose("gemm ta=" + ta + " tb=" + tb + " beta=" + beta + " row " + i, er, gr, 1e-4);
                }
            }
        }
    }

    private void checkConv(ConvGeometry g, boolean bias) {
        int xn = g.batch * g.inChannels * g.inVolume();
        int yn = g.batch * g.outChannels * g.outVolume();
        int wn = g.outChannels * g.patchSize();
        Pair x = randomPair(xn);
        Pair w = randomPair(wn);
        Pair bv = bias ? randomPair(g.outChannels) : null;
        Pair y = new Pair(yn);
        both((b, gp) -> b.conv3d(g, pick(x, gp), pick(w, gp), pick(bv, gp), pick(y, gp)));
        y.check("conv3d " + g, 1e-4);
        Pair dy = randomPair(yn);
        Pair dx = new Pair(xn);
        both((b, gp) -> b.conv3dBackwardData(g, pick(dy, gp), pick(w, gp), pick(dx, gp)));
        dx.check("conv3dBackwardData " + g, 1e-4);
        Pair dw = new Pair(wn);
        Pair db = bias ? new Pair(g.outChannels) : null;
        both((b, gp) -> b.conv3dBackwardWeight(g, pick(x, gp), pick(dy, gp), pick(dw, gp), pick(db, gp)));
        dw.check("conv3dBackwardWeight " + g, 1e-4);
        if (bias) {
            db.check("conv3d bias gradient " + g, 1e-4);
        }
    }

    @Test
    void convolutions() {
        int[] one = {1, 1, 1};
        checkConv(new ConvGeometry(2, 3, new int[] {6, 7, 5}, 4, new int[] {3, 3, 3}, one, one, one), true);
        checkConv(new ConvGeometry(1, 2, new int[] {7, 6, 8}, 3, new int[] {3, 3, 3}, new int[] {2, 2, 2}, one, one),
                false);
        checkConv(new ConvGeometry(1, 2, new int[] {8, 8, 8}, 3, new int[] {4, 4, 4}, new int[] {2, 2, 2}, one, one),
                true);
        checkConv(new ConvGeometry(2, 2, new int[] {7, 5, 6}, 2, new int[] {2, 3, 1}, new int[] {1, 2, 1},
                new int[] {0, 1, 0}, new int[] {2, 1, 1}), true);
        checkConv(new ConvGeometry(2, 5, new int[] {4, 3, 5}, 3, one, one, new int[] {0, 0, 0}, one), true);
    }

    @Test
    void instanceNorm() {
        int planes = 6;
        int channels = 3;
        int size = 300;
        for (boolean affine : new boolean[] {false, true}) {
            Pair x = new Pair(random(planes * size, -1f, 3f));
            Pair gamma = affine ? randomPair(channels) : null;
            Pair beta = affine ? randomPair(channels) : null;
            Pair y = new Pair(planes * size);
            Pair mean = new Pair(planes);
            Pair invstd = new Pair(planes);
            both((b, g) -> b.instanceNormForward(pick(x, g), planes, channels, size, 1e-5f, pick(gamma, g),
                    pick(beta, g), pick(y, g), pick(mean, g), pick(invstd, g)));
            y.check("instanceNormForward", 1e-4);
            mean.check("instance norm mean", 1e-4);
            invstd.check("instance norm invstd", 1e-4);
            Pair dy = randomPair(planes * size);
            Pair dx = new Pair(planes * size);
            Pair dgamma = affine ? new Pair(channels) : null;
            Pair dbeta = affine ? new Pair(channels) : null;
            both((b, g) -> b.instanceNormBackward(pick(x, g), pick(dy, g), pick(mean, g), pick(invstd, g), planes,
                    channels, size, pick(gamma, g), pick(dx, g), pick(dgamma, g), pick(dbeta, g)));
            dx.check("instanceNormBackward", 1e-4);
            if (affine) {
                dgamma.check("dgamma", 1e-4);
                dbeta.check("dbeta", 1e-4);
            }
        }
    }

    @Test
    void padding() {
        int[] in = {4, 5, 6};
        int[] pad = {1, 2, 0, 3, 2, 1};
        int planes = 3;
        int outN = planes * 7 * 8 * 9;
        int inN = planes * 120;
        for (PadMode mode : PadMode.values()) {
            Pair x = randomPair(inN);
            Pair y = new Pair(outN);
            both((b, g) -> b.pad3d(mode, pick(x, g), planes, in, pad, pick(y, g)));
            y.check("pad3d " + mode, 0);
            Pair dy = randomPair(outN);
            Pair dx = new Pair(inN);
            both((b, g) -> b.pad3dBackward(mode, pick(dy, g), planes, in, pad, pick(dx, g)));
            dx.check("pad3dBackward " + mode, 1e-6);
        }
    }

    @Test
    void pooling() {
        int planes = 3;
        int[] in = {7, 6, 5};
        PoolGeometry[] geometries = {
            new PoolGeometry(planes, in, new int[] {2, 2, 2}, new int[] {2, 2, 2}, new int[] {0, 0, 0}),
            new PoolGeometry(planes, in, new int[] {3, 3, 2}, new int[] {2, 1, 2}, new int[] {1, 1, 1}),
        };
        for (PoolGeometry pg : geometries) {
            float[] xv = random(planes * pg.inVolume(), -3f, 3f);
            for (int i = 0; i < xv.length; i++) {
                xv[i] = Math.round(xv[i]);  // many ties: the first arg-max must win on both
            }
            Pair x = new Pair(xv);
            int outN = planes * pg.outVolume();
            Pair y = new Pair(outN);
            both((b, g) -> b.maxPool3d(pg, pick(x, g), pick(y, g)));
            y.check("maxPool3d", 0);
            Pair dy = randomPair(outN);
            Pair dx = new Pair(xv.length);
            both((b, g) -> b.maxPool3dBackward(pg, pick(x, g), pick(dy, g), pick(dx, g)));
            dx.check("maxPool3dBackward", 1e-6);
            both((b, g) -> b.avgPool3d(pg, pick(x, g), pick(y, g)));
            y.check("avgPool3d", 1e-6);
            both((b, g) -> b.avgPool3dBackward(pg, pick(dy, g), pick(dx, g)));
            dx.check("avgPool3dBackward", 1e-6);
        }
    }

    @Test
    void allocatorCountersReturnToBaseline() {
        long live = gpu.allocator().liveBytes();
        Buffer b = gpu.allocate(100);
        assertEquals(live + 512, gpu.allocator().liveBytes());
        b.release();
        b.release();
        assertEquals(live, gpu.allocator().liveBytes());
    }
}
