// Fused instance normalisation: one block per plane of `size` contiguous elements (grid-stride over planes).
#include "common.cuh"

// Sums v over the block into sh[0] and returns it to every thread (sh must not be in use).
static __device__ __forceinline__ float in_block_sum(float* sh, float v) {
    sh[threadIdx.x] = v;
    cg_block_reduce(0, sh);
    float total = sh[0];
    __syncthreads();
    return total;
}

// y = (x − mean)·invstd·gamma[c] + beta[c] (gamma/beta may be null); two passes for the variance.
extern "C" __global__ void cg_instnorm_forward(const float* x, int planes, int channels, int size, float eps,
                                               const float* gamma, const float* beta, float* y, float* mean,
                                               float* invstd) {
    __shared__ float sh[CG_REDUCE_THREADS];
    for (int p = blockIdx.x; p < planes; p += gridDim.x) {
        const float* xp = x + (long long)p * size;
        float* yp = y + (long long)p * size;
        double s = 0.0;
        for (int i = threadIdx.x; i < size; i += blockDim.x) {
            s += xp[i];
        }
        float m = in_block_sum(sh, (float)s) / size;
        double v = 0.0;
        for (int i = threadIdx.x; i < size; i += blockDim.x) {
            float d = xp[i] - m;
            v += (double)d * d;
        }
        float var = in_block_sum(sh, (float)v) / size;
        float is = 1.0f / sqrtf(var + eps);
        int c = p % channels;
        float scale = gamma == 0 ? is : is * gamma[c];
        float shift = beta == 0 ? -m * scale : beta[c] - m * scale;
        for (int i = threadIdx.x; i < size; i += blockDim.x) {
            yp[i] = xp[i] * scale + shift;
        }
        if (threadIdx.x == 0) {
            mean[p] = m;
            invstd[p] = is;
        }
    }
}

// dx = gamma·invstd·(dy − mean(dy) − xhat·mean(dy·xhat)); sums[2p] = Σdy, sums[2p+1] = Σdy·xhat per plane
// (the per-channel parameter gradients are folded from them by cg_instnorm_param_grad).
extern "C" __global__ void cg_instnorm_backward(const float* x, const float* dy, const float* mean,
                                                const float* invstd, int planes, int channels, int size,
                                                const float* gamma, float* dx, float* sums) {
    __shared__ float sh[CG_REDUCE_THREADS];
    for (int p = blockIdx.x; p < planes; p += gridDim.x) {
        const float* xp = x + (long long)p * size;
        const float* gp = dy + (long long)p * size;
        float* dxp = dx + (long long)p * size;
        float m = mean[p];
        float is = invstd[p];
        double a = 0.0;
        double b = 0.0;
        for (int i = threadIdx.x; i < size; i += blockDim.x) {
            float g = gp[i];
            a += g;
            b += g * ((xp[i] - m) * is);
        }
        float sumDy = in_block_sum(sh, (float)a);
        float sumDyXhat = in_block_sum(sh, (float)b);
        float k = (gamma == 0 ? 1.0f : gamma[p % channels]) * is;
        float meanDy = sumDy / size;
        float meanDyXhat = sumDyXhat / size;
        for (int i = threadIdx.x; i < size; i += blockDim.x) {
            float xhat = (xp[i] - m) * is;
            dxp[i] = k * (gp[i] - meanDy - xhat * meanDyXhat);
        }
        if (threadIdx.x == 0) {
            sums[2 * p] = sumDy;
            sums[2 * p + 1] = sumDyXhat;
        }
    }
}

// dgamma[c] = Σ_{p ≡ c} sums[2p+1], dbeta[c] = Σ_{p ≡ c} sums[2p]; one thread per channel.
extern "C" __global__ void cg_instnorm_param_grad(const float* sums, int planes, int channels, float* dgamma,
                                                  float* dbeta) {
    CG_FOR_EACH(c, channels) {
        double g = 0.0;
        double b = 0.0;
        for (long long p = c; p < planes; p += channels) {
            b += sums[2 * p];
            g += sums[2 * p + 1];
        }
        dgamma[c] = (float)g;
        dbeta[c] = (float)b;
    }
}
