// Counter-based random numbers, bit-compatible with org.cryoetgan.engine.CounterHash: SplitMix64 finaliser of
// (seed, counter); uniforms from the top 53 bits, normals by Box-Muller on the two 32-bit halves of one hash.
// The arithmetic is done in double like the Java reference, so results agree to the last float bit except
// where the device's double log/cos differ from the JVM's by an ulp that survives rounding to float.
#include "common.cuh"

static __device__ __forceinline__ unsigned long long rng_mix(unsigned long long seed, unsigned long long counter) {
    unsigned long long z = seed + (counter + 1ULL) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

extern "C" __global__ void cg_random_normal(unsigned long long seed, unsigned long long counter, float mean,
                                            float stddev, float* out, long long n) {
    const double twoPi = 6.283185307179586;
    CG_FOR_EACH(i, n) {
        unsigned long long h = rng_mix(seed, counter + (unsigned long long)i);
        double u1 = ((double)(h >> 32) + 0.5) * 2.3283064365386963e-10;
        double u2 = (double)(h & 0xFFFFFFFFULL) * 2.3283064365386963e-10;
        double z = sqrt(-2.0 * log(u1)) * cos(twoPi * u2);
        out[i] = (float)((double)mean + __dmul_rn((double)stddev, z));  // no FMA: match Java rounding
    }
}

extern "C" __global__ void cg_random_uniform(unsigned long long seed, unsigned long long counter, float lo,
                                             float hi, float* out, long long n) {
    double span = (double)hi - (double)lo;
    CG_FOR_EACH(i, n) {
        unsigned long long h = rng_mix(seed, counter + (unsigned long long)i);
        double u = (double)(h >> 11) * 1.1102230246251565e-16;
        float v = (float)((double)lo + __dmul_rn(span, u));
        out[i] = v < hi ? v : nextafterf(hi, -3.0e38f);
    }
}
