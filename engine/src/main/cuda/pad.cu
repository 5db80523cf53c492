// Zero / reflect / replicate padding of `planes` volumes (mode 0, 1, 2 = PadMode ordinals), and its backward
// pass as a gather (deterministic, no atomics): each input element sums the padded positions that copy it.
#include "common.cuh"

#define PAD_ZERO 0
#define PAD_REFLECT 1
#define PAD_REPLICATE 2

// Source coordinate of padded coordinate o along an axis of n elements with `before` padding, or -1.
static __device__ __forceinline__ int pad_source(int mode, int o, int n, int before) {
    int i = o - before;
    if (i >= 0 && i < n) {
        return i;
    }
    if (mode == PAD_ZERO) {
        return -1;
    }
    if (mode == PAD_REPLICATE) {
        return i < 0 ? 0 : n - 1;
    }
    return i < 0 ? -i : 2 * (n - 1) - i;
}

// The k-th padded coordinate that may copy input coordinate i: the direct one first, then every border one.
static __device__ __forceinline__ int pad_candidate(int k, int i, int n, int before) {
    if (k == 0) {
        return i + before;
    }
    return k <= before ? k - 1 : n + before + (k - 1 - before);
}

extern "C" __global__ void cg_pad3d_forward(int mode, const float* x, int planes, int d, int h, int w, int pd0,
                                            int pd1, int ph0, int ph1, int pw0, int pw1, float* y) {
    int od = d + pd0 + pd1;
    int oh = h + ph0 + ph1;
    int ow = w + pw0 + pw1;
    long long total = (long long)planes * od * oh * ow;
    CG_FOR_EACH(i, total) {
        int ww = (int)(i % ow);
        long long r = i / ow;
        int hh = (int)(r % oh);
        r /= oh;
        int dd = (int)(r % od);
        long long p = r / od;
        int sd = pad_source(mode, dd, d, pd0);
        int sh = pad_source(mode, hh, h, ph0);
        int sw = pad_source(mode, ww, w, pw0);
        y[i] = (sd < 0 || sh < 0 || sw < 0) ? 0.0f : x[((p * d + sd) * h + sh) * w + sw];
    }
}

extern "C" __global__ void cg_pad3d_backward(int mode, const float* dy, int planes, int d, int h, int w, int pd0,
                                             int pd1, int ph0, int ph1, int pw0, int pw1, float* dx) {
    int od = d + pd0 + pd1;
    int oh = h + ph0 + ph1;
    int ow = w + pw0 + pw1;
    long long total = (long long)planes * d * h * w;
    CG_FOR_EACH(i, total) {
        int iw = (int)(i % w);
        long long r = i / w;
        int ih = (int)(r % h);
        r /= h;
        int id = (int)(r % d);
        long long p = r / d;
        const float* g = dy + p * od * oh * ow;
        float acc = 0.0f;
        for (int kd = 0; kd <= pd0 + pd1; kd++) {
            int cd = pad_candidate(kd, id, d, pd0);
            if (kd > 0 && pad_source(mode, cd, d, pd0) != id) {
                continue;
            }
            for (int kh = 0; kh <= ph0 + ph1; kh++) {
                int ch = pad_candidate(kh, ih, h, ph0);
                if (kh > 0 && pad_source(mode, ch, h, ph0) != ih) {
                    continue;
                }
                for (int kw = 0; kw <= pw0 + pw1; kw++) {
                    int cw = pad_candidate(kw, iw, w, pw0);
                    if (kw > 0 && pad_source(mode, cw, w, pw0) != iw) {
                        continue;
                    }
                    acc += g[((long long)cd * oh + ch) * ow + cw];
                }
            }
        }
        dx[i] = acc;
    }
}
