package org.cryoetgan.engine.backend;

/**
 * The kernels a compute device offers the engine. All tensor semantics (shapes, broadcasting, autograd, views)
 * live above this interface; a backend only moves and transforms float32 buffers.
 *
 * <p>Contract: buffers passed in belong to this backend; element offsets and strides are in floats; kernels may
 * run asynchronously with respect to the host, in submission order, so results are only visible on the host
 * after {@link #copyToHost} (which synchronises) or {@link #synchronize()}. Output buffers never alias inputs
 * unless a method says so. Unless noted, outputs are overwritten, not accumulated.
 */
public interface Backend {

    /** Short name, e.g. {@code cpu} or {@code cuda:0}. */
    String name();

    /** A one-line description of the device and the libraries in use. */
    String description();

    /** Allocates {@code numel} floats; contents are undefined. */
    Buffer allocate(long numel);

    /** Waits until all submitted work is complete. */
    void synchronize();

    // ---- data movement -------------------------------------------------------------------------------------

    void copyFromHost(float[] src, int srcOffset, Buffer dst, long dstOffset, int count);

    void copyToHost(Buffer src, long srcOffset, float[] dst, int dstOffset, int count);

    /** Sets {@code count} elements starting at {@code offset} to {@code value}. */
    void fill(Buffer dst, long offset, long count, float value);

    /**
     * Copies a strided view into another strided view of the same shape:
     * {@code dst[dstOffset + Σ i_k·dstStrides_k] = src[srcOffset + Σ i_k·srcStrides_k]}.
     */
    void copyStrided(Buffer src, long srcOffset, long[] srcStrides, Buffer dst, long dstOffset, long[] dstStrides,
                     int[] shape);

    // ---- elementwise ---------------------------------------------------------------------------------------

    /** {@code out[i] = op(x[i]; a, b)} over {@code n} contiguous elements; {@code out} may equal {@code x}. */
    void unary(UnaryOp op, float a, float b, Buffer x, Buffer out, long n);

    /**
     * {@code out = op(x, y; a, b)} with broadcasting: {@code out} is contiguous of {@code shape}; {@code x} and
     * {@code y} are read through the given strides (0 along broadcast axes). {@code out} may equal {@code x} when
     * x is contiguous with the same shape (in-place update).
     */
    void binary(BinaryOp op, float a, float b, Buffer x, long xOffset, long[] xStrides, Buffer y, long yOffset,
                long[] yStrides, Buffer out, int[] shape);

    /** {@code out[i] = alpha·x[i] + y[i]}: fused multiply-add, {@code out} may equal {@code y}. */
    void axpy(float alpha, Buffer x, Buffer y, Buffer out, long n);

    /**
     * Reduces a contiguous tensor of {@code shape} over the axes flagged in {@code reduce}; the output is the
     * contiguous tensor of the kept axes (reduced axes have size 1).
     */
    void reduce(ReduceOp op, Buffer x, int[] shape, boolean[] reduce, Buffer out);

    // ---- random numbers (counter-based: the stream depends on seed and offset only) ------------------------

    /** Standard-normal (then {@code ·std + mean}) numbers number {@code counter .. counter+n-1} of stream {@code seed}. */
    void randomNormal(long seed, long counter, float mean, float std, Buffer out, long n);

    /** Uniform numbers in [lo, hi) number {@code counter ..} of stream {@code seed}. */
    void randomUniform(long seed, long counter, float lo, float hi, Buffer out, long n);

    // ---- linear algebra ------------------------------------------------------------------------------------

    /**
     * Row-major {@code C = alpha·op(A)·op(B) + beta·C} with {@code op(A)} M×K and {@code op(B)} K×N, leading
     * dimensions in floats ({@code beta = 0} ignores C's old contents, NaN included).
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Buffer a, long aOffset, int lda,
              Buffer b, long bOffset, int ldb, float beta, Buffer c, long cOffset, int ldc);

    // ---- convolution ---------------------------------------------------------------------------------------

    /** y = conv3d(x, w) (+ bias per output channel when bias is non-null). */
    void conv3d(ConvGeometry g, Buffer x, Buffer w, Buffer bias, Buffer y);

    /** dx = gradient of conv3d with respect to its input (overwrites dx; positions no window covers get 0). */
    void conv3dBackwardData(ConvGeometry g, Buffer dy, Buffer w, Buffer dx);

    /** dw = gradient with respect to the weight; dbias (if non-null) = sum of dy per channel. Overwrites. */
    void conv3dBackwardWeight(ConvGeometry g, Buffer x, Buffer dy, Buffer dw, Buffer dbias);

    // ---- normalisation, padding, pooling -------------------------------------------------------------------

    /**
     * Instance norm over {@code planes} contiguous planes of {@code size} elements: y = (x − mean)·invstd, then
     * ·gamma[c] + beta[c] per channel when gamma/beta are non-null (plane p has channel p % channels). Writes the
     * per-plane mean and invstd (biased variance) for the backward pass.
     */
    void instanceNormForward(Buffer x, int planes, int channels, int size, float eps, Buffer gamma, Buffer beta,
                             Buffer y, Buffer mean, Buffer invstd);

    /** The backward pass of {@link #instanceNormForward}; dgamma/dbeta (if non-null) are overwritten. */
    void instanceNormBackward(Buffer x, Buffer dy, Buffer mean, Buffer invstd, int planes, int channels, int size,
                              Buffer gamma, Buffer dx, Buffer dgamma, Buffer dbeta);

    /**
     * Pads each of {@code planes} volumes of size {@code in} (D,H,W) by {@code pad} = (front, back, top, bottom,
     * left, right) along D, H, W.
     */
    void pad3d(PadMode mode, Buffer x, int planes, int[] in, int[] pad, Buffer y);

    /** Backward of {@link #pad3d}: folds the padded gradient back onto the input (overwrites dx). */
    void pad3dBackward(PadMode mode, Buffer dy, int planes, int[] in, int[] pad, Buffer dx);

    void maxPool3d(PoolGeometry g, Buffer x, Buffer y);

    /** Routes dy to the arg-max of each window of x (first one on ties); overwrites dx. */
    void maxPool3dBackward(PoolGeometry g, Buffer x, Buffer dy, Buffer dx);

    /** Average over each window, padding counted as zeros in the divisor ({@code count_include_pad}). */
    void avgPool3d(PoolGeometry g, Buffer x, Buffer y);

    void avgPool3dBackward(PoolGeometry g, Buffer dy, Buffer dx);
}
