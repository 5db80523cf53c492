package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Shape;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.ReduceOp;

/**
 * Sum and mean over all or given axes, max and min over axes (ties share the gradient equally, like PyTorch's
 * amax/amin), and the broadcasting pair sumTo/expand; all with gradients that are ops of the graph again.
 */
public final class Reductions {
    private Reductions() {
    }

    /** Sum of all elements, shape {1}. */
    public static Tensor sum(Tensor x) {
        int[] all = new int[x.rank()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return sum(x, false, all);
    }

    public static Tensor sum(Tensor x, boolean keepDims, int... axes) {
        boolean[] flags = flags(x.rank(), axes);
        int[] kept = keptShape(x.shape(), flags);
        Tensor out = reduceRaw(ReduceOp.SUM, x, flags);
        Tensor result = keepDims ? out : Movement.reshape(out, dropped(x.shape(), flags));
        int[] xShape = x.shape();
        return Node.record(result, "sum", g -> new Tensor[] {expand(g.reshape(kept), xShape)}, x);
    }

    public static Tensor mean(Tensor x) {
        return Elementwise.affine(sum(x), 1f / x.numel(), 0f);
    }

    public static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        boolean[] flags = flags(x.rank(), axes);
        long count = 1;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                count *= x.size(i);
            }
        }
        return Elementwise.affine(sum(x, keepDims, axes), 1f / count, 0f);
    }

    /** Maximum over axes (kept with size 1); the gradient goes to the maxima, shared equally among ties. */
    public static Tensor max(Tensor x, int... axes) {
        return extremum(ReduceOp.MAX, "max", x, axes);
    }

    /** Minimum over axes (kept with size 1); the gradient goes to the minima, shared equally among ties. */
    public static Tensor min(Tensor x, int... axes) {
        return extremum(ReduceOp.MIN, "min", x, axes);
    }

    private static Tensor extremum(ReduceOp op, String name, Tensor x, int[] axes) {
        boolean[] flags = flags(x.rank(), axes);
        Tensor out = reduceRaw(op, x, flags);
        return Node.record(out, name, g -> {
            Tensor hits = Kernels.binary(org.cryoetgan.engine.backend.BinaryOp.EQ, 0, 0, x, out);
            Tensor share = Kernels.binary(org.cryoetgan.engine.backend.BinaryOp.DIV, 0, 0, hits,
                    reduceRaw(ReduceOp.SUM, hits, flags));
            return new Tensor[] {Elementwise.mul(share, g)};
        }, x);
    }

    /** Sums a broadcast gradient back to {@code shape} (the inverse of broadcasting). */
    public static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        boolean[] flags = new boolean[gs.length];
        for (int i = 0; i < gs.length; i++) {
            flags[i] = i < lead || (shape[i - lead] == 1 && gs[i] != 1);
        }
        Tensor r = reduceRaw(ReduceOp.SUM, g, flags);
        int[] from = gs.clone();
        Node.record(r, "sumTo", gg -> new Tensor[] {expand(gg, from)}, g);
        return Movement.reshape(r, shape);
    }

    /** Copies {@code g} broadcast to {@code shape} into a new contiguous tensor. */
    public static Tensor expand(Tensor g, int[] shape) {
        Tensor out = Tensor.empty(g.backend(), shape);
        g.backend().copyStrided(g.buffer(), g.offset(), Shape.broadcastStrides(g.shape(), g.strides(), shape),
                out.buffer(), 0, out.strides(), shape);
        int[] from = g.shape();
        return Node.record(out, "expand", gg -> new Tensor[] {sumTo(gg, from)}, g);
    }

    static Tensor reduceRaw(ReduceOp op, Tensor x, boolean[] flags) {
        Tensor xc = Kernels.dense(x);
        Tensor out = Tensor.empty(x.backend(), keptShape(x.shape(), flags));
        x.backend().reduce(op, xc.buffer(), x.shape(), flags, out.buffer());
        return out;
    }

    static boolean[] flags(int rank, int[] axes) {
        boolean[] f = new boolean[rank];
        for (int a : axes) {
            int ax = Shape.axis(a, rank);
            if (f[ax]) {
                throw new IllegalArgumentException("axis " + a + " given twice");
            }
            f[ax] = true;
        }
        return f;
    }

    static int[] keptShape(int[] shape, boolean[] flags) {
        int[] k = shape.clone();
        for (int i = 0; i < k.length; i++) {
            if (flags[i]) {
                k[i] = 1;
            }
        }
        return k;
    }

    static int[] dropped(int[] shape, boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            if (!f) {
                n++;
            }
        }
        if (n == 0) {
            return new int[] {1};
        }
        int[] d = new int[n];
        int j = 0;
        for (int i = 0; i < shape.length; i++) {
            if (!flags[i]) {
                d[j++] = shape[i];
            }
        }
        return d;
    }
}
