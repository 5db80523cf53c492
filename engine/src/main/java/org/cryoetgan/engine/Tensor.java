package org.cryoetgan.engine;

import java.util.Arrays;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.Backend;
import org.cryoetgan.engine.backend.Buffer;
import org.cryoetgan.engine.ops.Activations;
import org.cryoetgan.engine.ops.Elementwise;
import org.cryoetgan.engine.ops.LinearAlgebra;
import org.cryoetgan.engine.ops.Movement;
import org.cryoetgan.engine.ops.Reductions;

/**
 * A float32 tensor of rank 1 to 5 (volumes are N×C×D×H×W) on one {@link Backend}, with define-by-run autograd.
 *
 * <p>Storage is row-major; a tensor may be a view (reshape, narrow, transpose, permute) sharing its storage
 * with others. Tensors are {@link AutoCloseable}: those created while a {@link Scope} is open on the thread
 * belong to it and are closed with it; others belong to whoever created them.
 *
 * <p>The methods here are the everyday API; every op's math and gradient live in {@code org.cryoetgan.engine.ops}
 * (convolution, normalisation, padding, pooling, dropout and losses are only there).
 */
public final class Tensor implements AutoCloseable {
    private final Storage storage;
    private final int[] shape;
    private final long[] strides;
    private final long offset;
    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private Scope owner;
    private boolean closed;

    private Tensor(Storage storage, int[] shape, long[] strides, long offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.owner = Scope.current();
        if (owner != null) {
            owner.adopt(this);
        }
        MemoryStats.tensorOpened();
    }

    // ---- creation ------------------------------------------------------------------------------------------

    /** A new contiguous tensor with undefined contents on the given backend. */
    public static Tensor empty(Backend backend, int... shape) {
        int[] s = Shape.checked(shape);
        long n = Shape.numel(s);
        return new Tensor(new Storage(backend.allocate(Math.max(n, 1))), s, Shape.contiguousStrides(s), 0);
    }

    public static Tensor empty(int... shape) {
        return empty(Backends.getDefault(), shape);
    }

    public static Tensor full(Backend backend, float value, int... shape) {
        Tensor t = empty(backend, shape);
        backend.fill(t.buffer(), 0, t.numel(), value);
        return t;
    }

    public static Tensor full(float value, int... shape) {
        return full(Backends.getDefault(), value, shape);
    }

    public static Tensor zeros(int... shape) {
        return full(0f, shape);
    }

    public static Tensor zeros(Backend backend, int... shape) {
        return full(backend, 0f, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** A scalar-shaped tensor {1}. */
    public static Tensor scalar(float value) {
        return full(value, 1);
    }

    /** Copies {@code data} (row-major) into a new tensor of the given shape. */
    public static Tensor of(float[] data, int... shape) {
        return of(Backends.getDefault(), data, shape);
    }

    public static Tensor of(Backend backend, float[] data, int... shape) {
        int[] s = shape.length == 0 ? new int[] {data.length} : shape;
        if (Shape.numel(s) != data.length) {
            throw new IllegalArgumentException(data.length + " values do not fill shape " + Arrays.toString(s));
        }
        Tensor t = empty(backend, s);
        backend.copyFromHost(data, 0, t.buffer(), 0, data.length);
        return t;
    }

    /** Normal(mean, std) numbers from the generator's stream (independent of thread count and device). */
    public static Tensor normal(RandomGenerator rng, float mean, float std, int... shape) {
        Tensor t = empty(shape);
        t.backend().randomNormal(rng.seed(), rng.advance(t.numel()), mean, std, t.buffer(), t.numel());
        return t;
    }

    public static Tensor randn(RandomGenerator rng, int... shape) {
        return normal(rng, 0f, 1f, shape);
    }

    /** Uniform [lo, hi) numbers from the generator's stream. */
    public static Tensor uniform(RandomGenerator rng, float lo, float hi, int... shape) {
        Tensor t = empty(shape);
        t.backend().randomUniform(rng.seed(), rng.advance(t.numel()), lo, hi, t.buffer(), t.numel());
        return t;
    }

    /** A view sharing this tensor's storage (used by the movement ops). */
    public Tensor view(int[] newShape, long[] newStrides, long newOffset) {
        checkOpen();
        storage.retain();
        return new Tensor(storage, newShape.clone(), newStrides.clone(), newOffset);
    }

    // ---- metadata ------------------------------------------------------------------------------------------

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size along an axis (negative axes count from the end). */
    public int size(int axis) {
        return shape[Shape.axis(axis, shape.length)];
    }

    public long numel() {
        return Shape.numel(shape);
    }

    public long[] strides() {
        return strides.clone();
    }

    /** Element offset of this view into its storage. */
    public long offset() {
        return offset;
    }

    public Backend backend() {
        return storage.buffer.backend();
    }

    /** The underlying memory, for ops and backends; check {@link #isContiguous()} and {@link #offset()}. */
    public Buffer buffer() {
        checkOpen();
        return storage.buffer;
    }

    public boolean isContiguous() {
        return Arrays.equals(strides, Shape.contiguousStrides(shape));
    }

    public boolean isClosed() {
        return closed;
    }

    // ---- host access ---------------------------------------------------------------------------------------

    /** Copies the elements (row-major) to a new host array. */
    public float[] toArray() {
        checkOpen();
        long n = numel();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("tensor of " + n + " elements does not fit a Java array");
        }
        float[] out = new float[(int) n];
        if (isContiguous()) {
            backend().copyToHost(storage.buffer, offset, out, 0, out.length);
        } else {
            try (Tensor c = Scope.unscoped(this::contiguous)) {
                backend().copyToHost(c.buffer(), 0, out, 0, out.length);
            }
        }
        return out;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new IllegalStateException("item() needs one element, shape is " + Arrays.toString(shape));
        }
        float[] v = new float[1];
        backend().copyToHost(buffer(), offset, v, 0, 1);
        return v[0];
    }

    /** A copy on another backend (no gradient tracking across devices). */
    public Tensor to(Backend target) {
        if (target == backend()) {
            return this;
        }
        return of(target, toArray(), shape);
    }

    // ---- autograd ------------------------------------------------------------------------------------------

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor as needing a gradient; returns this. */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("cannot clear requiresGrad on a non-leaf tensor; use detach()");
        }
        this.requiresGrad = value;
        return this;
    }

    /** The accumulated gradient of a leaf, or null. It belongs to this tensor. */
    public Tensor grad() {
        return grad;
    }

    /** The node that produced this tensor, or null for leaves. */
    public Node gradFn() {
        return gradFn;
    }

    /** Used by {@link Node#record}: makes this tensor a non-leaf output of a recorded op. */
    public void attachGradFn(Node node) {
        this.gradFn = node;
        this.requiresGrad = true;
    }

    /** Adds {@code g} into this leaf's gradient (allocating it, owned by this tensor, on first use). */
    public void accumulateGrad(Tensor g) {
        if (grad == null) {
            grad = Scope.unscoped(() -> Movement.contiguousCopy(g));
        } else {
            Elementwise.addInPlace(grad, g);
        }
    }

    /**
     * Adds {@code g}, a gradient recorded in the graph, to this leaf's gradient without leaving the graph (for
     * {@code backward(createGraph)}): the new gradient is owned by this tensor and can be differentiated again
     * while the tensors it was computed from are open.
     */
    public void accumulateGradInGraph(Tensor g) {
        Tensor previous = grad;
        if (previous != null && previous.gradFn() != null) {
            throw new IllegalStateException("this gradient is already in the graph of an earlier backward(createGraph);"
                    + " call zeroGrad() before the next one");
        }
        grad = Scope.unscoped(() -> previous == null ? Movement.contiguousCopy(g) : Elementwise.add(previous, g));
        if (previous != null) {
            previous.close();
        }
    }

    /** Frees this leaf's gradient. */
    public void zeroGrad() {
        if (grad != null) {
            grad.close();
            grad = null;
        }
    }

    /** Back-propagates from a one-element tensor (the loss), seeding with 1. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward() without a gradient needs a one-element tensor, shape is "
                    + Arrays.toString(shape));
        }
        try (Scope s = Scope.open()) {
            Autograd.backward(this, full(backend(), 1f, shape), false);
        }
    }

    /** Back-propagates with a given gradient of the same shape. */
    public void backward(Tensor gradient) {
        Autograd.backward(this, gradient, false);
    }

    /** Back-propagates and keeps the graph for another backward pass. */
    public void backward(Tensor gradient, boolean retainGraph) {
        Autograd.backward(this, gradient, retainGraph);
    }

    /**
     * Back-propagates from a one-element tensor with the backward pass recorded ({@code createGraph}), so that
     * the leaves' gradients are in the graph and can be differentiated again; the graph is retained.
     */
    public void backward(boolean createGraph) {
        if (!createGraph) {
            backward();
            return;
        }
        if (numel() != 1) {
            throw new IllegalStateException("backward() without a gradient needs a one-element tensor, shape is "
                    + Arrays.toString(shape));
        }
        Autograd.backward(this, full(backend(), 1f, shape), true, true);
    }

    /** A view of the same data that is not part of the graph. */
    public Tensor detach() {
        return view(shape, strides, offset);
    }

    // ---- lifetime ------------------------------------------------------------------------------------------

    /** The scope that owns this tensor, or null. */
    Scope owner() {
        return owner;
    }

    /** Removes this tensor from its scope: the caller now owns it and must close it. Returns this. */
    public Tensor escape() {
        owner = null;
        return this;
    }

    /**
     * Hands an {@link #escape() escaped} tensor to the innermost open scope of this thread (it stays unowned
     * when none is open). Returns this.
     */
    public Tensor rescope() {
        if (owner == null) {
            owner = Scope.current();
            if (owner != null) {
                owner.adopt(this);
            }
        }
        return this;
    }

    /** Releases this tensor's reference to its storage (and its gradient). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gradFn = null;
        if (grad != null) {
            grad.close();
            grad = null;
        }
        storage.release();
        MemoryStats.tensorClosed();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("tensor of shape " + Arrays.toString(shape) + " was closed");
        }
    }

    // ---- everyday ops (math and gradients live in engine.ops) ----------------------------------------------

    public Tensor add(Tensor o) {
        return Elementwise.add(this, o);
    }

    public Tensor sub(Tensor o) {
        return Elementwise.sub(this, o);
    }

    public Tensor mul(Tensor o) {
        return Elementwise.mul(this, o);
    }

    public Tensor div(Tensor o) {
        return Elementwise.div(this, o);
    }

    public Tensor add(float s) {
        return Elementwise.affine(this, 1f, s);
    }

    public Tensor sub(float s) {
        return Elementwise.affine(this, 1f, -s);
    }

    public Tensor mul(float s) {
        return Elementwise.affine(this, s, 0f);
    }

    public Tensor div(float s) {
        return Elementwise.affine(this, 1f / s, 0f);
    }

    public Tensor neg() {
        return Elementwise.neg(this);
    }

    public Tensor exp() {
        return Elementwise.exp(this);
    }

    public Tensor log() {
        return Elementwise.log(this);
    }

    public Tensor sqrt() {
        return Elementwise.sqrt(this);
    }

    public Tensor pow(float exponent) {
        return Elementwise.pow(this, exponent);
    }

    public Tensor abs() {
        return Elementwise.abs(this);
    }

    public Tensor clamp(float min, float max) {
        return Elementwise.clamp(this, min, max);
    }

    public Tensor relu() {
        return Activations.relu(this);
    }

    public Tensor leakyRelu(float slope) {
        return Activations.leakyRelu(this, slope);
    }

    public Tensor tanh() {
        return Activations.tanh(this);
    }

    public Tensor sigmoid() {
        return Activations.sigmoid(this);
    }

    /** Sum of all elements, shape {1}. */
    public Tensor sum() {
        return Reductions.sum(this);
    }

    /** Sum over the given axes; {@code keepDims} keeps them with size 1. */
    public Tensor sum(boolean keepDims, int... axes) {
        return Reductions.sum(this, keepDims, axes);
    }

    public Tensor mean() {
        return Reductions.mean(this);
    }

    public Tensor mean(boolean keepDims, int... axes) {
        return Reductions.mean(this, keepDims, axes);
    }

    public Tensor matmul(Tensor o) {
        return LinearAlgebra.matmul(this, o);
    }

    public Tensor reshape(int... newShape) {
        return Movement.reshape(this, newShape);
    }

    public Tensor narrow(int axis, int start, int length) {
        return Movement.narrow(this, axis, start, length);
    }

    public Tensor transpose(int axis0, int axis1) {
        return Movement.transpose(this, axis0, axis1);
    }

    public Tensor permute(int... order) {
        return Movement.permute(this, order);
    }

    /** This tensor if contiguous, else a contiguous copy (in the graph). */
    public Tensor contiguous() {
        return isContiguous() ? this : Movement.contiguousCopy(this);
    }

    /** Runs a block without recording the graph; a convenience over {@link GradMode#disable()}. */
    public static <T> T noGrad(java.util.function.Supplier<T> body) {
        try (GradMode g = GradMode.disable()) {
            return body.get();
        }
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + (requiresGrad ? "[grad]" : "") + "@" + backend().name()
                + (closed ? " (closed)" : "");
    }
}
