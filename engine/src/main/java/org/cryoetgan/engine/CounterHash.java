package org.cryoetgan.engine;

/**
 * The counter-based hash behind all random numbers (SplitMix64 finaliser of seed and counter), shared by every
 * backend so that CPU and GPU draw the same streams. Uniforms use 53 bits; normals use Box-Muller on the two
 * 32-bit halves of one hash.
 */
public final class CounterHash {
    private CounterHash() {
    }

    /** 64 well-mixed bits for (seed, counter). */
    public static long mix(long seed, long counter) {
        long z = seed + (counter + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public static double uniform(long seed, long counter) {
        return (mix(seed, counter) >>> 11) * 0x1.0p-53;
    }

    /** Standard normal. */
    public static double normal(long seed, long counter) {
        long h = mix(seed, counter);
        double u1 = ((h >>> 32) + 0.5) * 0x1.0p-32;
        double u2 = (h & 0xFFFFFFFFL) * 0x1.0p-32;
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
