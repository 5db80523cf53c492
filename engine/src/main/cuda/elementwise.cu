// Elementwise kernels: fill, unary, binary with broadcasting strides, strided copy, axpy.
// Op numbers equal the ordinals of org.cryoetgan.engine.backend.UnaryOp / BinaryOp (checked by a unit test).
#include "common.cuh"

#define UOP_NEG 0
#define UOP_EXP 1
#define UOP_LOG 2
#define UOP_SQRT 3
#define UOP_ABS 4
#define UOP_SIGN 5
#define UOP_RELU 6
#define UOP_LEAKY_RELU 7
#define UOP_TANH 8
#define UOP_SIGMOID 9
#define UOP_POW 10
#define UOP_AFFINE 11
#define UOP_CLAMP 12
#define UOP_RECIPROCAL 13
#define UOP_SQUARE 14
#define UOP_STEP 15
#define UOP_SOFTPLUS 16

#define BOP_ADD 0
#define BOP_SUB 1
#define BOP_MUL 2
#define BOP_DIV 3
#define BOP_MAX 4
#define BOP_MIN 5
#define BOP_POW 6
#define BOP_RELU_GRAD 7
#define BOP_LEAKY_RELU_GRAD 8
#define BOP_TANH_GRAD 9
#define BOP_SIGMOID_GRAD 10
#define BOP_CLAMP_GRAD 11
#define BOP_GT 12
#define BOP_EQ 13

static __device__ __forceinline__ float ew_unary(int op, float a, float b, float v) {
    switch (op) {
        case UOP_NEG: return -v;
        case UOP_EXP: return expf(v);
        case UOP_LOG: return logf(v);
        case UOP_SQRT: return sqrtf(v);
        case UOP_ABS: return fabsf(v);
        case UOP_SIGN: return v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : v);
        case UOP_RELU: return v > 0.0f ? v : 0.0f;
        case UOP_LEAKY_RELU: return v > 0.0f ? v : a * v;
        case UOP_TANH: return tanhf(v);
        case UOP_SIGMOID:
            if (v >= 0.0f) {
                return 1.0f / (1.0f + expf(-v));
            } else {
                float e = expf(v);
                return e / (1.0f + e);
            }
        case UOP_POW:
            if (a == 2.0f) {
                return v * v;
            }
            if (a == 1.0f) {
                return v;
            }
            if (a == 0.0f) {
                return 1.0f;
            }
            return powf(v, a);
        case UOP_AFFINE: return a * v + b;
        case UOP_CLAMP: return fminf(fmaxf(v, a), b);
        case UOP_RECIPROCAL: return 1.0f / v;
        case UOP_SQUARE: return v * v;
        case UOP_STEP: return v > a ? 1.0f : 0.0f;
        case UOP_SOFTPLUS: return fmaxf(v, 0.0f) + log1pf(expf(-fabsf(v)));
        default: return __int_as_float(0x7fc00000);
    }
}

static __device__ __forceinline__ float ew_binary(int op, float a, float b, float x, float y) {
    switch (op) {
        case BOP_ADD: return x + y;
        case BOP_SUB: return x - y;
        case BOP_MUL: return x * y;
        case BOP_DIV: return x / y;
        case BOP_MAX: return (x != x || y != y) ? x + y : fmaxf(x, y);
        case BOP_MIN: return (x != x || y != y) ? x + y : fminf(x, y);
        case BOP_POW: return powf(x, y);
        case BOP_RELU_GRAD: return x > 0.0f ? y : 0.0f;
        case BOP_LEAKY_RELU_GRAD: return x > 0.0f ? y : a * y;
        case BOP_TANH_GRAD: return y * (1.0f - x * x);
        case BOP_SIGMOID_GRAD: return y * x * (1.0f - x);
        case BOP_CLAMP_GRAD: return (x >= a && x <= b) ? y : 0.0f;
        case BOP_GT: return x > y ? 1.0f : 0.0f;
        case BOP_EQ: return x == y ? 1.0f : 0.0f;
        default: return __int_as_float(0x7fc00000);
    }
}

extern "C" __global__ void cg_fill(float* dst, long long n, float value) {
    CG_FOR_EACH(i, n) {
        dst[i] = value;
    }
}

extern "C" __global__ void cg_unary(int op, float a, float b, const float* x, float* out, long long n) {
    CG_FOR_EACH(i, n) {
        out[i] = ew_unary(op, a, b, x[i]);
    }
}

// out (contiguous, shape d0..d4 with n elements) = op(x, y) read through strides xs*, ys*.
extern "C" __global__ void cg_binary(int op, float a, float b, const float* x, const float* y, float* out,
                                     long long n, int d1, int d2, int d3, int d4,
                                     long long xs0, long long xs1, long long xs2, long long xs3, long long xs4,
                                     long long ys0, long long ys1, long long ys2, long long ys3, long long ys4) {
    CG_FOR_EACH(i, n) {
        float xv = x[cg_offset5(i, d1, d2, d3, d4, xs0, xs1, xs2, xs3, xs4)];
        float yv = y[cg_offset5(i, d1, d2, d3, d4, ys0, ys1, ys2, ys3, ys4)];
        out[i] = ew_binary(op, a, b, xv, yv);
    }
}

extern "C" __global__ void cg_copy_strided(const float* src, float* dst, long long n, int d1, int d2, int d3,
                                           int d4, long long ss0, long long ss1, long long ss2, long long ss3,
                                           long long ss4, long long ds0, long long ds1, long long ds2,
                                           long long ds3, long long ds4) {
    CG_FOR_EACH(i, n) {
        dst[cg_offset5(i, d1, d2, d3, d4, ds0, ds1, ds2, ds3, ds4)] =
            src[cg_offset5(i, d1, d2, d3, d4, ss0, ss1, ss2, ss3, ss4)];
    }
}

extern "C" __global__ void cg_axpy(float alpha, const float* x, const float* y, float* out, long long n) {
    CG_FOR_EACH(i, n) {
        out[i] = alpha * x[i] + y[i];
    }
}

// y[(n, c, i)] += bias[c] for a tensor of `channels` channels of `volume` elements each, `total` elements in all.
extern "C" __global__ void cg_add_channel_bias(float* y, const float* bias, int channels, long long volume,
                                               long long total) {
    CG_FOR_EACH(i, total) {
        y[i] += bias[(i / volume) % channels];
    }
}
