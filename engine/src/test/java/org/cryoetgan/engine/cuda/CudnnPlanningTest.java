package org.cryoetgan.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.cryoetgan.engine.backend.ConvGeometry;
import org.junit.jupiter.api.Test;

/** The host-side logic of the cuDNN path: descriptor arrays, algorithm cache keys, workspace growth, versions. */
class CudnnPlanningTest {

    private static ConvGeometry geometry(int batch, int stride, int dilation) {
        return new ConvGeometry(batch, 3, new int[] {9, 8, 7}, 5, new int[] {3, 2, 1}, new int[] {stride, 1, stride},
                new int[] {1, 0, 2}, new int[] {dilation, 1, 1});
    }

    @Test
    void descriptorArraysFollowNcdhwAndKcdhw() {
        ConvGeometry g = geometry(2, 2, 1);
        CudnnShapes s = CudnnShapes.of(g);
        assertArrayEquals(new int[] {2, 3, 9, 8, 7}, s.xDims());
        assertArrayEquals(new int[] {3 * 9 * 8 * 7, 9 * 8 * 7, 8 * 7, 7, 1}, s.xStrides());
        assertArrayEquals(new int[] {5, 3, 3, 2, 1}, s.wDims());
        assertArrayEquals(new int[] {2, 5, g.out[0], g.out[1], g.out[2]}, s.yDims());
        assertArrayEquals(new int[] {5, 7, 6}, g.out, "(9+2-3)/2+1, (8-2)/1+1, (7+4-1)/2+1");
        assertArrayEquals(new int[] {5 * 5 * 7 * 6, 5 * 7 * 6, 7 * 6, 6, 1}, s.yStrides());
        assertArrayEquals(new int[] {1, 0, 2}, s.pads());
        assertArrayEquals(new int[] {2, 1, 2}, s.strides());
        assertArrayEquals(new int[] {1, 1, 1}, s.dilations());
        g.padding[0] = 7;
        assertEquals(1, s.pads()[0], "arrays are copies");
    }

    @Test
    void algorithmCacheKeysOnPassAndEveryShapeNumber() {
        assertEquals(AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 1)),
                AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 1)), "equal shapes, distinct objects");
        assertNotEquals(AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 1)),
                AlgorithmCache.key(ConvDirection.BACKWARD_DATA, geometry(2, 2, 1)));
        assertNotEquals(AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 1)),
                AlgorithmCache.key(ConvDirection.FORWARD, geometry(3, 2, 1)), "batch");
        assertNotEquals(AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 1)),
                AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 1, 1)), "stride");
        assertNotEquals(AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 1)),
                AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 2)), "dilation");

        AlgorithmCache cache = new AlgorithmCache();
        ConvAlgorithm a = new ConvAlgorithm(1, 3, 100);
        int[] asked = new int[1];
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of(a), cache.get(AlgorithmCache.key(ConvDirection.FORWARD, geometry(2, 2, 1)), () -> {
                asked[0]++;
                return a;
            }));
        }
        assertEquals(1, asked[0]);
        for (int i = 0; i < 2; i++) {
            assertEquals(Optional.empty(), cache.get(AlgorithmCache.key(ConvDirection.BACKWARD_FILTER,
                    geometry(2, 2, 1)), () -> {
                        asked[0]++;
                        throw new UnsupportedOperationException("none");
                    }));
        }
        assertEquals(2, asked[0], "an unsupported shape is remembered too");
        assertEquals(2, cache.queries());
        assertEquals(2, cache.size());
    }

    @Test
    void workspaceGrowsOnlyWhenTooSmall() {
        CachingAllocator alloc = new CachingAllocator(new CudaProbeTest.NoopDevice());
        Workspace ws = new Workspace(alloc);
        assertEquals(0, ws.ensure(0), "nothing needed, nothing held");
        assertEquals(0, ws.growths());
        long first = ws.ensure(1000);
        assertTrue(first != 0 && ws.capacity() >= 1000);
        assertEquals(first, ws.ensure(10));
        assertEquals(first, ws.ensure(ws.capacity()));
        assertEquals(first, ws.ensure(0), "a call without workspace keeps it");
        ws.ensure(1 << 20);
        assertTrue(ws.capacity() >= 1 << 20);
        assertEquals(2, ws.growths());
        assertEquals(ws.capacity(), alloc.liveBytes(), "the old block went back to the allocator");
        ws.release();
        assertEquals(0, alloc.liveBytes());
    }

    @Test
    void cudnnVersions() {
        assertEquals("8.9.7", CudnnNatives.versionString(8907));
        assertEquals("9.1.0", CudnnNatives.versionString(90100));
        assertNull(CudnnNatives.versionProblem(8907));
        assertEquals("cuDNN 7.6.5 was loaded but JCudnn 11.7 needs cuDNN 8 (install cuDNN 8.9 for CUDA 12, e.g. the "
                + "libcudnn8 package)", CudnnNatives.versionProblem(7605));
        assertTrue(CudnnNatives.versionProblem(90100).startsWith("cuDNN 9.1.0 was loaded"));
    }

    @Test
    void theRenamedJcudnnBindingIsInTheJar() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").equals("amd64"), "packaged for linux-x86_64 only");
        assertEquals("/lib/libJCudnn-12.6.0-linux-x86_64.so", CudnnNatives.nativeResource());
        assertTrue(CudnnNatives.class.getResource(CudnnNatives.nativeResource()) != null,
                "engine/pom.xml copies JCudnn's native library under the name JCuda 12.6 asks for");
    }

    @Test
    void withoutTheLibrariesTheRealLoadersSayWhatToInstallEveryTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            String cudnn;
            try {
                cudnn = "loaded cuDNN " + CudnnNatives.load();
            } catch (LibraryUnavailableException e) {
                cudnn = e.getMessage();
            }
            org.junit.jupiter.api.Assumptions.assumeFalse(cudnn.startsWith("loaded"), "cuDNN is installed here");
            assertEquals("libcudnn.so.8 not found (install cuDNN 8.9 for CUDA 12, e.g. the libcudnn8 package)", cudnn,
                    "attempt " + attempt + ": the renamed JCudnn binding loads and then misses libcudnn.so.8");
            String cublas;
            try {
                new JCudaLibraries(new CudaProbeTest.NoopDevice()).blas().get(1).open().apply(false).close();
                cublas = "loaded";
            } catch (LibraryUnavailableException e) {
                cublas = e.getMessage();
            }
            org.junit.jupiter.api.Assumptions.assumeFalse(cublas.equals("loaded"), "cuBLAS is installed here");
            assertEquals("libcublas.so.12 not found (install the CUDA 12 cuBLAS library, e.g. the libcublas-12-x "
                    + "package)", cublas, "attempt " + attempt);
        }
    }
}
