package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.backend.BinaryOp;
import org.cryoetgan.engine.backend.UnaryOp;

/** Elementwise kernels of the CPU backend: the op is chosen once per row, never per element. */
final class CpuElementwise {
    private static final int GRAIN = 1 << 15;

    private CpuElementwise() {
    }

    static void unary(Parallel par, UnaryOp op, float a, float b, float[] x, float[] out, int n) {
        par.forRange(n, GRAIN, (from, to) -> unaryRange(op, a, b, x, out, from, to));
    }

    private static void unaryRange(UnaryOp op, float a, float b, float[] x, float[] o, int from, int to) {
        switch (op) {
            case NEG: for (int i = from; i < to; i++) { o[i] = -x[i]; } break;
            case EXP: for (int i = from; i < to; i++) { o[i] = (float) Math.exp(x[i]); } break;
            case LOG: for (int i = from; i < to; i++) { o[i] = (float) Math.log(x[i]); } break;
            case SQRT: for (int i = from; i < to; i++) { o[i] = (float) Math.sqrt(x[i]); } break;
            case ABS: for (int i = from; i < to; i++) { o[i] = Math.abs(x[i]); } break;
            case SIGN: for (int i = from; i < to; i++) { o[i] = Math.signum(x[i]); } break;
            case RELU: for (int i = from; i < to; i++) { o[i] = x[i] > 0 ? x[i] : 0f; } break;
            case LEAKY_RELU: for (int i = from; i < to; i++) { float v = x[i]; o[i] = v > 0 ? v : a * v; } break;
            case TANH: for (int i = from; i < to; i++) { o[i] = (float) Math.tanh(x[i]); } break;
            case SIGMOID: for (int i = from; i < to; i++) { o[i] = sigmoid(x[i]); } break;
            case POW: for (int i = from; i < to; i++) { o[i] = pow(x[i], a); } break;
            case AFFINE: for (int i = from; i < to; i++) { o[i] = a * x[i] + b; } break;
            case CLAMP: for (int i = from; i < to; i++) { o[i] = Math.min(Math.max(x[i], a), b); } break;
            case RECIPROCAL: for (int i = from; i < to; i++) { o[i] = 1f / x[i]; } break;
            case SQUARE: for (int i = from; i < to; i++) { o[i] = x[i] * x[i]; } break;
            case STEP: for (int i = from; i < to; i++) { o[i] = x[i] > a ? 1f : 0f; } break;
            case SOFTPLUS: for (int i = from; i < to; i++) { o[i] = softplus(x[i]); } break;
            default: throw new UnsupportedOperationException(op.name());
        }
    }

    static float sigmoid(float v) {
        return v >= 0 ? (float) (1.0 / (1.0 + Math.exp(-v))) : (float) (Math.exp(v) / (1.0 + Math.exp(v)));
    }

    static float softplus(float v) {
        return (float) (Math.max(v, 0.0) + Math.log1p(Math.exp(-Math.abs(v))));
    }

    static float pow(float v, float p) {
        if (p == 2f) {
            return v * v;
        }
        if (p == 1f) {
            return v;
        }
        if (p == 0f) {
            return 1f;
        }
        return (float) Math.pow(v, p);
    }

    static void binary(Parallel par, BinaryOp op, float a, float b, float[] x, long xOff, long[] xs, float[] y,
                       long yOff, long[] ys, float[] out, int[] shape) {
        long[] os = org.cryoetgan.engine.Shape.contiguousStrides(shape);
        StridedLoop loop = StridedLoop.of(shape, xs, ys, os);
        long n = loop.numel();
        long[] offsets = {xOff, yOff, 0};
        int rank = loop.shape.length;
        int sx = (int) loop.strides[0][rank - 1];
        int sy = (int) loop.strides[1][rank - 1];
        par.forRange((int) n, GRAIN, (from, to) -> loop.walk(from, to, offsets, (base, len) ->
                row(op, a, b, x, (int) base[0], sx, y, (int) base[1], sy, out, (int) base[2], len)));
    }

    private static void row(BinaryOp op, float a, float b, float[] x, int xi, int sx, float[] y, int yi, int sy,
                            float[] o, int oi, int len) {
        if (sx == 1 && sy == 1) {
            rowDense(op, a, b, x, xi, y, yi, o, oi, len);
            return;
        }
        switch (op) {
            case ADD: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k * sx] + y[yi + k * sy]; } break;
            case SUB: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k * sx] - y[yi + k * sy]; } break;
            case MUL: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k * sx] * y[yi + k * sy]; } break;
            case DIV: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k * sx] / y[yi + k * sy]; } break;
            default:
                for (int k = 0; k < len; k++) {
                    o[oi + k] = scalar(op, a, b, x[xi + k * sx], y[yi + k * sy]);
                }
        }
    }

    private static void rowDense(BinaryOp op, float a, float b, float[] x, int xi, float[] y, int yi, float[] o,
                                 int oi, int len) {
        switch (op) {
            case ADD: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k] + y[yi + k]; } break;
            case SUB: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k] - y[yi + k]; } break;
            case MUL: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k] * y[yi + k]; } break;
            case DIV: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k] / y[yi + k]; } break;
            case RELU_GRAD: for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k] > 0 ? y[yi + k] : 0f; } break;
            case LEAKY_RELU_GRAD:
                for (int k = 0; k < len; k++) { o[oi + k] = x[xi + k] > 0 ? y[yi + k] : a * y[yi + k]; }
                break;
            case TANH_GRAD:
                for (int k = 0; k < len; k++) { float t = x[xi + k]; o[oi + k] = y[yi + k] * (1f - t * t); }
                break;
            default:
                for (int k = 0; k < len; k++) {
                    o[oi + k] = scalar(op, a, b, x[xi + k], y[yi + k]);
                }
        }
    }

    /** One element of a binary op (the slow path for rarely used ops). */
    static float scalar(BinaryOp op, float a, float b, float x, float y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case MAX: return Math.max(x, y);
            case MIN: return Math.min(x, y);
            case POW: return (float) Math.pow(x, y);
            case RELU_GRAD: return x > 0 ? y : 0f;
            case LEAKY_RELU_GRAD: return x > 0 ? y : a * y;
            case TANH_GRAD: return y * (1f - x * x);
            case SIGMOID_GRAD: return y * x * (1f - x);
            case CLAMP_GRAD: return x >= a && x <= b ? y : 0f;
            case GT: return x > y ? 1f : 0f;
            case EQ: return x == y ? 1f : 0f;
            default: throw new UnsupportedOperationException(op.name());
        }
    }

    static void copyStrided(Parallel par, float[] src, long srcOff, long[] ss, float[] dst, long dstOff, long[] ds,
                            int[] shape) {
        StridedLoop loop = StridedLoop.of(shape, ss, ds);
        int rank = loop.shape.length;
        int s0 = (int) loop.strides[0][rank - 1];
        int d0 = (int) loop.strides[1][rank - 1];
        long[] offsets = {srcOff, dstOff};
        par.forRange((int) loop.numel(), GRAIN, (from, to) -> loop.walk(from, to, offsets, (base, len) -> {
            int si = (int) base[0];
            int di = (int) base[1];
            if (s0 == 1 && d0 == 1) {
                System.arraycopy(src, si, dst, di, len);
            } else {
                for (int k = 0; k < len; k++) {
                    dst[di + k * d0] = src[si + k * s0];
                }
            }
        }));
    }

    static void axpy(Parallel par, float alpha, float[] x, float[] y, float[] out, int n) {
        par.forRange(n, GRAIN, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = alpha * x[i] + y[i];
            }
        });
    }
}
