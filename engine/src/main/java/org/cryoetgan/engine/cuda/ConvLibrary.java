package org.cryoetgan.engine.cuda;

/**
 * What {@link CudnnConv3d} needs from cuDNN: descriptors for a shape, an algorithm choice per pass, and running a
 * pass. Implemented on JCudnn by {@link JCudnnLibrary} and, in tests, by fakes that compute on the host.
 *
 * @param <D> the library's descriptors of one shape
 */
public interface ConvLibrary<D> extends AutoCloseable {

    /** Library name and version for messages, e.g. {@code cuDNN 8.9.7}. */
    String label();

    /** Creates the descriptors of {@code shapes} (the caller caches and eventually {@link #release}s them). */
    D describe(CudnnShapes shapes);

    void release(D descriptors);

    /**
     * The fastest algorithm for {@code direction} whose workspace is at most {@code workspaceLimit} bytes.
     *
     * @throws UnsupportedOperationException when the library has none for this shape
     */
    ConvAlgorithm choose(ConvDirection direction, D descriptors, long workspaceLimit);

    /**
     * {@code out = alpha·pass(a, b) + beta·out} with operands in {@link ConvDirection}'s order, on device addresses,
     * with a workspace of at least {@code algorithm.workspaceBytes()} bytes at {@code workspace}.
     */
    void run(ConvDirection direction, D descriptors, ConvAlgorithm algorithm, long workspace, float alpha, long a,
             long b, float beta, long out);

    @Override
    void close();
}
