// Shared helpers of the cryoetgan CUDA kernels: index arithmetic, grid-stride loops, block reductions.
// Plain CUDA C: every kernel is extern "C", takes only scalars and float pointers, and uses no warp
// intrinsics, so the same sources run in the host emulator of the test suite (engine/src/test/cuda/).
#ifndef CRYOETGAN_COMMON_CUH
#define CRYOETGAN_COMMON_CUH

// Threads of every block-reduction kernel; LaunchConfig.REDUCE_THREADS on the Java side must match.
#define CG_REDUCE_THREADS 256

// Linear global thread id and the total number of threads of a 1-D launch, as 64-bit values.
#define CG_GLOBAL_ID() ((long long)blockIdx.x * blockDim.x + threadIdx.x)
#define CG_GLOBAL_THREADS() ((long long)gridDim.x * blockDim.x)

// Grid-stride loop over [0, n).
#define CG_FOR_EACH(i, n) for (long long i = CG_GLOBAL_ID(); i < (n); i += CG_GLOBAL_THREADS())

// Offset of element i of a (d0, d1, d2, d3, d4) tensor (d0 implied) read through strides s0..s4.
static __device__ __forceinline__ long long cg_offset5(long long i, int d1, int d2, int d3, int d4,
                                                      long long s0, long long s1, long long s2, long long s3,
                                                      long long s4) {
    long long off = (i % d4) * s4;
    i /= d4;
    off += (i % d3) * s3;
    i /= d3;
    off += (i % d2) * s2;
    i /= d2;
    off += (i % d1) * s1;
    i /= d1;
    return off + i * s0;
}

// Tree reduction of sh[0 .. blockDim.x) in shared memory; op 0 = sum, 1 = max, 2 = min (NaN wins).
// Every thread of the block must call it; the result is in sh[0] afterwards.
static __device__ __forceinline__ float cg_combine(int op, float a, float b) {
    if (op == 0) {
        return a + b;
    }
    if (a != a) {
        return a;
    }
    if (b != b) {
        return b;
    }
    return op == 1 ? (a > b ? a : b) : (a < b ? a : b);
}

static __device__ __forceinline__ void cg_block_reduce(int op, float* sh) {
    unsigned int n = blockDim.x;
    unsigned int t = threadIdx.x;
    __syncthreads();
    unsigned int half = 1;
    while (half < n) {
        half <<= 1;
    }
    for (half >>= 1; half > 0; half >>= 1) {
        if (t < half && t + half < n) {
            sh[t] = cg_combine(op, sh[t], sh[t + half]);
        }
        __syncthreads();
    }
}

#endif
