package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Shape;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.Node;

/** Views and copies that move data without arithmetic: reshape, narrow, transpose, permute, concat, copies. */
public final class Movement {
    private Movement() {
    }

    /** A contiguous copy in the graph (gradient passes through unchanged). */
    public static Tensor contiguousCopy(Tensor x) {
        Tensor out = Tensor.empty(x.backend(), x.shape());
        x.backend().copyStrided(x.buffer(), x.offset(), x.strides(), out.buffer(), 0, out.strides(), x.shape());
        return Node.record(out, "contiguous", g -> new Tensor[] {g}, x);
    }

    /** Same elements in a new shape; one dimension may be -1. A view when x is contiguous, else a copy. */
    public static Tensor reshape(Tensor x, int... newShape) {
        int[] target = inferShape(newShape, x.numel(), x.shape());
        Tensor src = x.isContiguous() ? x : contiguousCopy(x);
        Tensor out = src.view(target, Shape.contiguousStrides(target), src.offset());
        int[] inShape = x.shape();
        return Node.record(out, "reshape", g -> new Tensor[] {reshape(g, inShape)}, src);
    }

    /** The slice {@code [start, start+length)} along an axis, as a view. */
    public static Tensor narrow(Tensor x, int axis, int start, int length) {
        int ax = Shape.axis(axis, x.rank());
        int[] shape = x.shape();
        if (start < 0 || length < 0 || start + length > shape[ax]) {
            throw new IllegalArgumentException("narrow [" + start + ", " + (start + length) + ") outside axis " + ax
                    + " of size " + shape[ax]);
        }
        long[] strides = x.strides();
        int[] inShape = shape.clone();
        shape[ax] = length;
        Tensor out = x.view(shape, strides, x.offset() + start * strides[ax]);
        return Node.record(out, "narrow", g -> new Tensor[] {embed(g, inShape, ax, start)}, x);
    }

    /**
     * The adjoint of {@link #narrow}: a zero tensor of {@code shape} with {@code g} written at
     * {@code [start, start + g.size(axis))} along the axis. Its gradient is the narrow again.
     */
    static Tensor embed(Tensor g, int[] shape, int axis, int start) {
        Tensor full = Tensor.zeros(g.backend(), shape);
        Tensor slot = full.view(g.shape(), full.strides(), start * full.strides()[axis]);
        Elementwise.copyInto(slot, g);
        slot.close();
        int length = g.size(axis);
        return Node.record(full, "embed", gg -> new Tensor[] {narrow(gg, axis, start, length)}, g);
    }

    /** Swaps two axes (a view). */
    public static Tensor transpose(Tensor x, int axis0, int axis1) {
        int[] order = new int[x.rank()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = Shape.axis(axis0, x.rank());
        int b = Shape.axis(axis1, x.rank());
        order[a] = b;
        order[b] = a;
        return permute(x, order);
    }

    /** Reorders the axes (a view): output axis i is input axis {@code order[i]}. */
    public static Tensor permute(Tensor x, int... order) {
        if (order.length != x.rank()) {
            throw new IllegalArgumentException("permute order " + Arrays.toString(order) + " for rank " + x.rank());
        }
        int[] shape = x.shape();
        long[] strides = x.strides();
        int[] ns = new int[order.length];
        long[] nst = new long[order.length];
        int[] inverse = new int[order.length];
        boolean[] seen = new boolean[order.length];
        for (int i = 0; i < order.length; i++) {
            int ax = Shape.axis(order[i], order.length);
            if (seen[ax]) {
                throw new IllegalArgumentException("permute order repeats axis " + ax);
            }
            seen[ax] = true;
            ns[i] = shape[ax];
            nst[i] = strides[ax];
            inverse[ax] = i;
        }
        Tensor out = x.view(ns, nst, x.offset());
        return Node.record(out, "permute", g -> new Tensor[] {permute(g, inverse)}, x);
    }

    /** Joins tensors along an axis; all other dimensions must match. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat of nothing");
        }
        int ax = Shape.axis(axis, parts[0].rank());
        int[] shape = parts[0].shape();
        int total = 0;
        for (Tensor p : parts) {
            int[] ps = p.shape();
            if (ps.length != shape.length) {
                throw new IllegalArgumentException("concat: ranks differ");
            }
            for (int i = 0; i < ps.length; i++) {
                if (i != ax && ps[i] != shape[i]) {
                    throw new IllegalArgumentException("concat along " + ax + ": shapes " + Arrays.toString(shape)
                            + " and " + Arrays.toString(ps) + " differ");
                }
            }
            Kernels.checkSameBackend(parts[0], p);
            total += ps[ax];
        }
        shape[ax] = total;
        Tensor out = Tensor.empty(parts[0].backend(), shape);
        long[] os = out.strides();
        int at = 0;
        int[] starts = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Tensor p = parts[i];
            starts[i] = at;
            p.backend().copyStrided(p.buffer(), p.offset(), p.strides(), out.buffer(), at * os[ax], os, p.shape());
            at += p.size(ax);
        }
        return Node.record(out, "concat", g -> {
            Tensor[] gs = new Tensor[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (Autograd.needsGrad(parts[i])) {
                    gs[i] = narrow(g, ax, starts[i], parts[i].size(ax));
                }
            }
            return gs;
        }, parts);
    }

    static int[] inferShape(int[] requested, long numel, int[] from) {
        int[] s = requested.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("only one dimension may be -1");
                }
                infer = i;
            } else {
                known *= s[i];
            }
        }
        if (infer >= 0 && known > 0) {
            s[infer] = (int) (numel / known);
        }
        if (Shape.numel(Shape.checked(s)) != numel) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(from) + " to "
                    + Arrays.toString(requested));
        }
        return s;
    }
}
