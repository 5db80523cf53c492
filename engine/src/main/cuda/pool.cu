// 3-D max and average pooling over `planes` volumes; backward passes gather over the windows that cover each
// input element (deterministic, no atomics). Window arithmetic matches org.cryoetgan.engine.backend.PoolGeometry.
#include "common.cuh"

#define POOL_PARAMS int planes, int d, int h, int w, int od, int oh, int ow, int kd, int kh, int kw, int sd, \
    int sh, int sw, int pd, int ph, int pw

// Index within the plane of the arg-max of window (zd, zh, zw) (first on ties, NaN wins), or -1 if empty.
static __device__ __forceinline__ int pool_argmax(const float* xp, int d, int h, int w, int kd, int kh, int kw,
                                                  int sd, int sh, int sw, int pd, int ph, int pw, int zd, int zh,
                                                  int zw) {
    int best = -1;
    float bv = 0.0f;
    for (int a = 0; a < kd; a++) {
        int id = zd * sd - pd + a;
        if (id < 0 || id >= d) {
            continue;
        }
        for (int b = 0; b < kh; b++) {
            int ih = zh * sh - ph + b;
            if (ih < 0 || ih >= h) {
                continue;
            }
            for (int c = 0; c < kw; c++) {
                int iw = zw * sw - pw + c;
                if (iw < 0 || iw >= w) {
                    continue;
                }
                int i = (id * h + ih) * w + iw;
                float v = xp[i];
                if (best < 0 || v > bv || v != v) {
                    best = i;
                    bv = v;
                }
            }
        }
    }
    return best;
}

// First and last window index along an axis whose window (stride s, padding p, size k) covers coordinate i.
static __device__ __forceinline__ int pool_first(int i, int k, int s, int p) {
    int num = i + p - k + 1;
    return num <= 0 ? 0 : (num + s - 1) / s;
}

static __device__ __forceinline__ int pool_last(int i, int s, int p, int out) {
    int last = (i + p) / s;
    return last < out - 1 ? last : out - 1;
}

extern "C" __global__ void cg_maxpool3d_forward(const float* x, float* y, POOL_PARAMS) {
    long long total = (long long)planes * od * oh * ow;
    long long inVol = (long long)d * h * w;
    CG_FOR_EACH(i, total) {
        int zw = (int)(i % ow);
        long long r = i / ow;
        int zh = (int)(r % oh);
        r /= oh;
        int zd = (int)(r % od);
        const float* xp = x + (r / od) * inVol;
        int a = pool_argmax(xp, d, h, w, kd, kh, kw, sd, sh, sw, pd, ph, pw, zd, zh, zw);
        y[i] = a < 0 ? -__int_as_float(0x7f800000) : xp[a];
    }
}

extern "C" __global__ void cg_maxpool3d_backward(const float* x, const float* dy, float* dx, POOL_PARAMS) {
    long long total = (long long)planes * d * h * w;
    CG_FOR_EACH(i, total) {
        int iw = (int)(i % w);
        long long r = i / w;
        int ih = (int)(r % h);
        r /= h;
        int id = (int)(r % d);
        long long p = r / d;
        const float* xp = x + p * d * h * w;
        const float* gp = dy + p * od * oh * ow;
        int self = (id * h + ih) * w + iw;
        float acc = 0.0f;
        for (int zd = pool_first(id, kd, sd, pd); zd <= pool_last(id, sd, pd, od); zd++) {
            for (int zh = pool_first(ih, kh, sh, ph); zh <= pool_last(ih, sh, ph, oh); zh++) {
                for (int zw = pool_first(iw, kw, sw, pw); zw <= pool_last(iw, sw, pw, ow); zw++) {
                    if (pool_argmax(xp, d, h, w, kd, kh, kw, sd, sh, sw, pd, ph, pw, zd, zh, zw) == self) {
                        acc += gp[((long long)zd * oh + zh) * ow + zw];
                    }
                }
            }
        }
        dx[i] = acc;
    }
}

// Average with padding counted in the divisor (count_include_pad).
extern "C" __global__ void cg_avgpool3d_forward(const float* x, float* y, POOL_PARAMS) {
    long long total = (long long)planes * od * oh * ow;
    float inv = 1.0f / (float)(kd * kh * kw);
    CG_FOR_EACH(i, total) {
        int zw = (int)(i % ow);
        long long r = i / ow;
        int zh = (int)(r % oh);
        r /= oh;
        int zd = (int)(r % od);
        const float* xp = x + (r / od) * d * h * w;
        float acc = 0.0f;
        for (int a = 0; a < kd; a++) {
            int id = zd * sd - pd + a;
            if (id < 0 || id >= d) {
                continue;
            }
            for (int b = 0; b < kh; b++) {
                int ih = zh * sh - ph + b;
                if (ih < 0 || ih >= h) {
                    continue;
                }
                for (int c = 0; c < kw; c++) {
                    int iw = zw * sw - pw + c;
                    if (iw >= 0 && iw < w) {
                        acc += xp[(id * h + ih) * w + iw];
                    }
                }
            }
        }
        y[i] = acc * inv;
    }
}

extern "C" __global__ void cg_avgpool3d_backward(const float* dy, float* dx, POOL_PARAMS) {
    long long total = (long long)planes * d * h * w;
    float inv = 1.0f / (float)(kd * kh * kw);
    CG_FOR_EACH(i, total) {
        int iw = (int)(i % w);
        long long r = i / w;
        int ih = (int)(r % h);
        r /= h;
        int id = (int)(r % d);
        const float* gp = dy + (r / d) * od * oh * ow;
        float acc = 0.0f;
        for (int zd = pool_first(id, kd, sd, pd); zd <= pool_last(id, sd, pd, od); zd++) {
            for (int zh = pool_first(ih, kh, sh, ph); zh <= pool_last(ih, sh, ph, oh); zh++) {
                for (int zw = pool_first(iw, kw, sw, pw); zw <= pool_last(iw, sw, pw, ow); zw++) {
                    acc += gp[((long long)zd * oh + zh) * ow + zw] * inv;
                }
            }
        }
        dx[i] = acc;
    }
}
