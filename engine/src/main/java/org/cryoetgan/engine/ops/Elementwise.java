package org.cryoetgan.engine.ops;

import java.util.Arrays;
import org.cryoetgan.engine.Shape;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.Node;
import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.UnaryOp;

/** Arithmetic with broadcasting (add, sub, mul, div) and elementwise math (neg, exp, log, sqrt, pow, abs, clamp). */
public final class Elementwise {
    private Elementwise() {
    }

    public static Tensor add(Tensor a, Tensor b) {
        Tensor out = Kernels.binary(BinaryOp.ADD, 0, 0, a, b);
        return Node.record(out, "add", g -> new Tensor[] {Reductions.sumTo(g, a.shape()), Reductions.sumTo(g, b.shape())},
                a, b);
    }

    public static Tensor sub(Tensor a, Tensor b) {
        Tensor out = Kernels.binary(BinaryOp.SUB, 0, 0, a, b);
        return Node.record(out, "sub", g -> new Tensor[] {Reductions.sumTo(g, a.shape()),
                Autograd.needsGrad(b) ? Reductions.sumTo(neg(g), b.shape()) : null}, a, b);
    }

    public static Tensor mul(Tensor a, Tensor b) {
        Tensor out = Kernels.binary(BinaryOp.MUL, 0, 0, a, b);
        return Node.record(out, "mul", g -> new Tensor[] {
                Autograd.needsGrad(a) ? Reductions.sumTo(mul(g, b), a.shape()) : null,
                Autograd.needsGrad(b) ? Reductions.sumTo(mul(g, a), b.shape()) : null}, a, b);
    }

    public static Tensor div(Tensor a, Tensor b) {
        Tensor out = Kernels.binary(BinaryOp.DIV, 0, 0, a, b);
        return Node.record(out, "div", g -> {
            Tensor ga = Autograd.needsGrad(a) ? Reductions.sumTo(div(g, b), a.shape()) : null;
            Tensor gb = null;
            if (Autograd.needsGrad(b)) {
                // d(a/b)/db = -out / b
                gb = Reductions.sumTo(neg(div(mul(g, out), b)), b.shape());
            }
            return new Tensor[] {ga, gb};
        }, a, b);
    }

    /** {@code scale·x + shift}. */
    public static Tensor affine(Tensor x, float scale, float shift) {
        Tensor out = Kernels.unary(UnaryOp.AFFINE, scale, shift, x);
        return Node.record(out, "affine", g -> new Tensor[] {affine(g, scale, 0)}, x);
    }

    public static Tensor neg(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.NEG, 0, 0, x);
        return Node.record(out, "neg", g -> new Tensor[] {neg(g)}, x);
    }

    public static Tensor exp(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.EXP, 0, 0, x);
        return Node.record(out, "exp", g -> new Tensor[] {mul(g, out)}, x);
    }

    public static Tensor log(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.LOG, 0, 0, x);
        return Node.record(out, "log", g -> new Tensor[] {div(g, x)}, x);
    }

    public static Tensor sqrt(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.SQRT, 0, 0, x);
        return Node.record(out, "sqrt", g -> new Tensor[] {
                affine(div(g, out), 0.5f, 0)}, x);
    }

    /** {@code x^p} for a constant exponent; like PyTorch, {@code x^0} has a zero gradient everywhere (also at 0). */
    public static Tensor pow(Tensor x, float p) {
        Tensor out = Kernels.unary(UnaryOp.POW, p, 0, x);
        if (p == 0f) {
            return Node.record(out, "pow", g -> new Tensor[] {Tensor.zeros(g.backend(), x.shape())}, x);
        }
        return Node.record(out, "pow", g -> new Tensor[] {
                mul(g, affine(pow(x, p - 1), p, 0))}, x);
    }

    public static Tensor abs(Tensor x) {
        Tensor out = Kernels.unary(UnaryOp.ABS, 0, 0, x);
        return Node.record(out, "abs", g -> new Tensor[] {
                mul(g, Kernels.unary(UnaryOp.SIGN, 0, 0, x))}, x);
    }

    /** Limits values to [min, max]; the gradient passes where min ≤ x ≤ max. */
    public static Tensor clamp(Tensor x, float min, float max) {
        if (min > max) {
            throw new IllegalArgumentException("clamp: min " + min + " > max " + max);
        }
        Tensor out = Kernels.unary(UnaryOp.CLAMP, min, max, x);
        return Node.record(out, "clamp", g -> new Tensor[] {GradientOps.masked(BinaryOp.CLAMP_GRAD, min, max, x, g)}, x);
    }

    /** Elementwise maximum; the gradient goes to the larger operand, shared equally where they are equal. */
    public static Tensor maximum(Tensor a, Tensor b) {
        Tensor out = Kernels.binary(BinaryOp.MAX, 0, 0, a, b);
        return Node.record(out, "maximum", g -> new Tensor[] {
                Autograd.needsGrad(a) ? Reductions.sumTo(mul(g, winnerShare(a, b)), a.shape()) : null,
                Autograd.needsGrad(b) ? Reductions.sumTo(mul(g, winnerShare(b, a)), b.shape()) : null}, a, b);
    }

    /** {@code 1} where x > y, {@code ½} where x = y, else 0 (a constant of the graph). */
    private static Tensor winnerShare(Tensor x, Tensor y) {
        Tensor greater = Kernels.binary(BinaryOp.GT, 0, 0, x, y);
        Tensor half = Kernels.unary(UnaryOp.AFFINE, 0.5f, 0, Kernels.binary(BinaryOp.EQ, 0, 0, x, y));
        return Kernels.binary(BinaryOp.ADD, 0, 0, greater, half);
    }

    // ---- in-place updates (no autograd; for optimizers and gradient accumulation) -------------------------

    /** {@code target += source} (source broadcast to target's shape). */
    public static void addInPlace(Tensor target, Tensor source) {
        binaryInPlace(BinaryOp.ADD, target, source);
    }

    /** {@code target = op(target, source)} with source broadcast to target's shape. */
    public static void binaryInPlace(BinaryOp op, Tensor target, Tensor source) {
        checkInPlace(target);
        int[] shape = target.shape();
        if (!Arrays.equals(Shape.broadcast(shape, source.shape()), shape)) {
            throw new IllegalArgumentException("cannot broadcast " + Arrays.toString(source.shape()) + " into "
                    + Arrays.toString(shape));
        }
        Kernels.checkSameBackend(target, source);
        target.backend().binary(op, 0, 0, target.buffer(), 0, target.strides(), source.buffer(), source.offset(),
                Shape.broadcastStrides(source.shape(), source.strides(), shape), target.buffer(), shape);
    }

    /** {@code target = op(target; a, b)}. */
    public static void unaryInPlace(UnaryOp op, float a, float b, Tensor target) {
        checkInPlace(target);
        target.backend().unary(op, a, b, target.buffer(), target.buffer(), target.numel());
    }

    /** {@code target += alpha·source} for same-shaped tensors. */
    public static void axpyInPlace(float alpha, Tensor source, Tensor target) {
        checkInPlace(target);
        if (!Arrays.equals(source.shape(), target.shape())) {
            throw new IllegalArgumentException("axpy shapes differ: " + Arrays.toString(source.shape()) + " vs "
                    + Arrays.toString(target.shape()));
        }
        Tensor s = Kernels.dense(source);
        target.backend().axpy(alpha, s.buffer(), target.buffer(), target.buffer(), target.numel());
    }

    /** Copies {@code source} (broadcast) into {@code target}. */
    public static void copyInto(Tensor target, Tensor source) {
        int[] shape = target.shape();
        Kernels.checkSameBackend(target, source);
        target.backend().copyStrided(source.buffer(), source.offset(),
                Shape.broadcastStrides(source.shape(), source.strides(), shape), target.buffer(), target.offset(),
                target.strides(), shape);
    }

    private static void checkInPlace(Tensor target) {
        if (!target.isContiguous() || target.offset() != 0) {
            throw new IllegalArgumentException("in-place updates need a contiguous tensor at offset 0");
        }
    }
}
