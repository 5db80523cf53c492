// Axis reductions (op 0 = sum, 1 = max, 2 = min; NaN propagates) of a tensor seen as up to three kept axes
// (k0 implied by nOut, k1, k2; strides ks*) times up to three reduced axes (r0 implied by nRed, r1, r2; strides
// rs*). The host coalesces axes so that most reductions need one or two of each.
#include "common.cuh"

static __device__ __forceinline__ long long rd_offset3(long long i, int d1, int d2, long long s0, long long s1,
                                                      long long s2) {
    long long off = (i % d2) * s2;
    i /= d2;
    off += (i % d1) * s1;
    return off + (i / d1) * s0;
}

static __device__ __forceinline__ float rd_identity(int op) {
    return op == 0 ? 0.0f : (op == 1 ? -__int_as_float(0x7f800000) : __int_as_float(0x7f800000));
}

// One block per (output, split): block b reduces part b % splits of output b / splits into out[b]. With
// splits > 1 the host reduces the nOut × splits partial results in a second launch of this kernel.
extern "C" __global__ void cg_reduce_blocks(int op, const float* x, float* out, long long nOut, long long nRed,
                                            int splits, int k1, int k2, long long ks0, long long ks1,
                                            long long ks2, int r1, int r2, long long rs0, long long rs1,
                                            long long rs2) {
    __shared__ float sh[CG_REDUCE_THREADS];
    long long chunk = (nRed + splits - 1) / splits;
    for (long long b = blockIdx.x; b < nOut * splits; b += gridDim.x) {
        long long o = b / splits;
        long long from = (b % splits) * chunk;
        long long to = from + chunk < nRed ? from + chunk : nRed;
        long long base = rd_offset3(o, k1, k2, ks0, ks1, ks2);
        double sum = 0.0;
        float best = rd_identity(op);
        for (long long r = from + threadIdx.x; r < to; r += blockDim.x) {
            float v = x[base + rd_offset3(r, r1, r2, rs0, rs1, rs2)];
            if (op == 0) {
                sum += v;
            } else {
                best = cg_combine(op, best, v);
            }
        }
        sh[threadIdx.x] = op == 0 ? (float)sum : best;
        cg_block_reduce(op, sh);
        if (threadIdx.x == 0) {
            out[b] = sh[0];
        }
        __syncthreads();
    }
}

// One thread per output: coalesced when the innermost kept axis is contiguous and there are many outputs.
extern "C" __global__ void cg_reduce_columns(int op, const float* x, float* out, long long nOut, long long nRed,
                                             int k1, int k2, long long ks0, long long ks1, long long ks2, int r1,
                                             int r2, long long rs0, long long rs1, long long rs2) {
    CG_FOR_EACH(o, nOut) {
        long long base = rd_offset3(o, k1, k2, ks0, ks1, ks2);
        double sum = 0.0;
        float best = rd_identity(op);
        for (long long r = 0; r < nRed; r++) {
            float v = x[base + rd_offset3(r, r1, r2, rs0, rs1, rs2)];
            if (op == 0) {
                sum += v;
            } else {
                best = cg_combine(op, best, v);
            }
        }
        out[o] = op == 0 ? (float)sum : best;
    }
}
