package org.cryoetgan.engine;

/**
 * A seeded, counter-based random stream. Each draw of n numbers consumes counters {@code [c, c+n)} and every
 * number is a pure function of (seed, counter), so results do not depend on the thread count or the device,
 * and the state (seed, counter) can be saved and restored exactly for bit-for-bit resumption.
 */
public final class RandomGenerator {
    private final long seed;
    private long counter;

    public RandomGenerator(long seed) {
        this(seed, 0);
    }

    public RandomGenerator(long seed, long counter) {
        this.seed = seed;
        this.counter = counter;
    }

    public long seed() {
        return seed;
    }

    /** Counters consumed so far. */
    public long counter() {
        return counter;
    }

    /** Reserves {@code n} counters and returns the first. */
    public synchronized long advance(long n) {
        long c = counter;
        counter += n;
        return c;
    }

    /** A new independent generator whose seed is derived from this one (consumes one counter). */
    public RandomGenerator fork() {
        return new RandomGenerator(CounterHash.mix(seed, advance(1)) ^ 0x5DEECE66DL);
    }

    /** One uniform double in [0, 1) from the stream (consumes one counter). */
    public double nextDouble() {
        return CounterHash.uniform(seed, advance(1));
    }

    /** One standard-normal double from the stream (consumes one counter). */
    public double nextGaussian() {
        return CounterHash.normal(seed, advance(1));
    }

    /** A uniform int in [0, bound) (consumes one counter). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        return (int) Math.floor(nextDouble() * bound);
    }

    /** Fisher-Yates shuffle of the array with this stream. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
