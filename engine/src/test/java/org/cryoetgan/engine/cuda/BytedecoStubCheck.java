package org.cryoetgan.engine.cuda;

import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * Run in a child JVM by {@link BytedecoStubLibrariesTest} with the CUDA library stubs on LD_LIBRARY_PATH: prints the
 * chains a device gets from {@link JCudaLibraries} and the {@link LibraryProbe} lines, and with {@code compute}
 * runs cuBLAS 13 and cuDNN 9 through the real bytedeco bindings on host memory, comparing with the host fakes
 * ({@link HostBlas}, {@link HostDnn}); exits non-zero on any difference.
 */
final class BytedecoStubCheck {
    private BytedecoStubCheck() {
    }

    /** Floats at native addresses: the "device" memory of the stubs. */
    static final HostBlas.Memory NATIVE = new HostBlas.Memory() {
        @Override
        public float[] read(long address, int count) {
            float[] f = new float[count];
            DevicePointers.floats(address).get(f);
            return f;
        }

        @Override
        public void write(long address, float[] data) {
            DevicePointers.floats(address).put(data);
        }
    };

    public static void main(String[] args) {
        GpuDevice device = new CudaProbeTest.NoopDevice() {
            @Override
            public GpuLibraries libraries() {
                return new JCudaLibraries(this);
            }
        };
        CudaBackend backend = new CudaBackend("cuda:0", device, CudaBackend.DEFAULT_COLUMN_LIMIT, GpuOptions.DEFAULT);
        backend.libraries().forEach(c -> System.out.println("device " + c.message()));
        backend.close();
        LibraryProbe.report().forEach(l -> System.out.println("probe " + l));
        if (args.length > 0 && args[0].equals("compute")) {
            gemm(device);
            conv(device);
        }
    }

    private static long alloc(int floats, Random rnd) {
        FloatPointer p = new FloatPointer(floats);
        for (int i = 0; i < floats; i++) {
            p.put(i, rnd.nextFloat() - 0.5f);
        }
        return p.address();
    }

    private static void same(float[] want, float[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            if (Math.abs(want[i] - got[i]) > 1e-5 * (1 + Math.abs(want[i]))) {
                throw new AssertionError(what + ": element " + i + " is " + got[i] + ", expected " + want[i]);
            }
        }
        System.out.println("ok " + what);
    }

    private static void gemm(GpuDevice device) {
        Random rnd = new Random(3);
        int m = 5;
        int n = 4;
        int k = 3;
        int lda = 7;
        int ldb = 6;
        int ldc = 9;
        long a = alloc(lda * 5, rnd);
        long b = alloc(ldb * 5, rnd);
        long c1 = alloc(ldc * n, rnd);
        long c2 = alloc(ldc * n, rnd);
        NATIVE.write(c2, NATIVE.read(c1, ldc * n));
        ColumnMajorBlas blas = new JCudaLibraries(device).blas().get(0).open().apply(false);
        blas.sgemm(true, false, m, n, k, 1.5f, a, lda, b, ldb, 0.5f, c1, ldc);
        new HostBlas(NATIVE).sgemm(true, false, m, n, k, 1.5f, a, lda, b, ldb, 0.5f, c2, ldc);
        same(NATIVE.read(c2, ldc * n), NATIVE.read(c1, ldc * n), "sgemm " + blas.label());
        blas.close();
    }

    private static void conv(GpuDevice device) {
        ConvGeometry g = new ConvGeometry(2, 3, new int[] {6, 5, 7}, 4, new int[] {3, 2, 3}, new int[] {2, 1, 2},
                new int[] {1, 0, 1}, new int[] {1, 1, 1});
        CudnnShapes s = CudnnShapes.of(g);
        int nx = 2 * 3 * g.inVolume();
        int nw = 4 * g.patchSize();
        int ny = 2 * 4 * g.outVolume();
        Random rnd = new Random(5);
        HostDnn reference = new HostDnn(NATIVE);
        for (boolean tf32 : new boolean[] {false, true}) {
            @SuppressWarnings("unchecked")
            ConvLibrary<Object> lib = (ConvLibrary<Object>) new JCudaLibraries(device).dnn().get(0).open().apply(tf32);
            Object d = lib.describe(s);
            for (ConvDirection dir : ConvDirection.values()) {
                ConvAlgorithm algo = lib.choose(dir, d, 1L << 20);
                int expected = tf32 ? 7 : 1;
                if (algo.algo() != expected || algo.workspaceBytes() != 1000L * (expected + 1)) {
                    throw new AssertionError(dir + (tf32 ? " tf32" : " fp32") + ": chose " + algo);
                }
                int[] sizes = dir == ConvDirection.FORWARD ? new int[] {nx, nw, ny}
                        : dir == ConvDirection.BACKWARD_DATA ? new int[] {nw, ny, nx} : new int[] {nx, ny, nw};
                long a = alloc(sizes[0], rnd);
                long b = alloc(sizes[1], rnd);
                long out = alloc(sizes[2], rnd);
                long want = alloc(sizes[2], rnd);
                NATIVE.write(want, NATIVE.read(out, sizes[2]));
                long ws = alloc((int) algo.workspaceBytes() / 4, rnd);
                float beta = dir == ConvDirection.FORWARD ? 0f : 0.5f;
                lib.run(dir, d, algo, ws, 1.25f, a, b, beta, out);
                reference.run(dir, s, algo, ws, 1.25f, a, b, beta, want);
                same(NATIVE.read(want, sizes[2]), NATIVE.read(out, sizes[2]), dir + " " + lib.label());
            }
            lib.release(d);
            lib.close();
        }
        System.out.println("ok shapes " + Arrays.toString(s.xDims()));
    }
}
