package org.cryoetgan.engine.cuda;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * 3-D convolutions through cuDNN's legacy N-d API: descriptors created once per shape, the algorithm chosen once
 * per (pass, shape) ({@link AlgorithmCache}), one grow-only {@link Workspace}. Backend semantics overwrite, so
 * every pass runs with {@code beta = 0}. A shape cuDNN has no algorithm for runs on the fallback (the engine's own
 * kernels). Bias and bias gradient use the engine's own kernels.
 *
 * @param <D> the library's descriptors
 */
final class CudnnConv3d<D> implements DeviceConv {
    /** Default bound on one algorithm's workspace (1 GiB; {@code -Dcryoetgan.cudnn.workspaceMiB}). */
    static final long DEFAULT_WORKSPACE_LIMIT = 1L << 30;

    private final CudaBackend backend;
    private final ConvLibrary<D> library;
    private final DeviceConv fallback;
    private final long workspaceLimit;
    private final AlgorithmCache algorithms = new AlgorithmCache();
    private final Map<java.util.List<Integer>, D> descriptors = new HashMap<>();
    private final Workspace workspace;
    private int fallbackCalls;

    CudnnConv3d(CudaBackend backend, ConvLibrary<D> library, DeviceConv fallback, long workspaceLimit) {
        this.backend = backend;
        this.library = library;
        this.fallback = fallback;
        this.workspaceLimit = workspaceLimit;
        this.workspace = new Workspace(backend.allocator());
    }

    static long workspaceLimitFromProperties() {
        String v = System.getProperty("cryoetgan.cudnn.workspaceMiB");
        return v == null || v.isBlank() ? DEFAULT_WORKSPACE_LIMIT : Long.parseLong(v.trim()) << 20;
    }

    @Override
    public String label() {
        return library.label();
    }

    AlgorithmCache algorithms() {
        return algorithms;
    }

    Workspace workspace() {
        return workspace;
    }

    /** Calls that ran on the fallback because cuDNN had no algorithm for their shape. */
    synchronized int fallbackCalls() {
        return fallbackCalls;
    }

    private D descriptors(ConvGeometry g) {
        return descriptors.computeIfAbsent(AlgorithmCache.shape(g), k -> library.describe(CudnnShapes.of(g)));
    }

    /** Runs one pass on cuDNN; false when cuDNN has no algorithm for it (the caller falls back). */
    private boolean run(ConvDirection dir, ConvGeometry g, long a, long b, long out) {
        D d = descriptors(g);
        Optional<ConvAlgorithm> algo = algorithms.get(AlgorithmCache.key(dir, g),
                () -> library.choose(dir, d, workspaceLimit));
        if (algo.isEmpty()) {
            fallbackCalls++;
            return false;
        }
        long ws = workspace.ensure(algo.get().workspaceBytes());
        library.run(dir, d, algo.get(), ws, 1f, a, b, 0f, out);
        return true;
    }

    @Override
    public synchronized void forward(ConvGeometry g, long x, long w, long bias, long y) {
        if (!run(ConvDirection.FORWARD, g, x, w, y)) {
            fallback.forward(g, x, w, bias, y);
            return;
        }
        CudaConv3d.addBias(backend, g, y, bias);
    }

    @Override
    public synchronized void backwardData(ConvGeometry g, long dy, long w, long dx) {
        if (!run(ConvDirection.BACKWARD_DATA, g, w, dy, dx)) {
            fallback.backwardData(g, dy, w, dx);
        }
    }

    @Override
    public synchronized void backwardWeight(ConvGeometry g, long x, long dy, long dw, long dbias) {
        if (!run(ConvDirection.BACKWARD_FILTER, g, x, dy, dw)) {
            fallback.backwardWeight(g, x, dy, dw, dbias);
            return;
        }
        CudaConv3d.biasGradient(backend, g, dy, dbias);
    }

    /** Releases descriptors, workspace and the library handle. */
    synchronized void close() {
        for (D d : descriptors.values()) {
            library.release(d);
        }
        descriptors.clear();
        workspace.release();
        library.close();
    }
}
