package org.cryoetgan.gan.data;

import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.RandomGenerator;

/**
 * Which sample a training step uses: each epoch visits every index once in an order that depends only on
 * (seed, epoch). Being a pure function of the step, it needs no state to resume a run exactly.
 */
public final class EpochSampler {
    private final int size;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] order;

    public EpochSampler(int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("nothing to sample from");
        }
        this.size = size;
        this.seed = seed;
    }

    /** The sample index for the {@code k}-th draw (k = 0, 1, ...). */
    public int index(long k) {
        long epoch = k / size;
        if (epoch != cachedEpoch) {
            order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            new RandomGenerator(CounterHash.mix(seed, epoch)).shuffle(order);
            cachedEpoch = epoch;
        }
        return order[(int) (k % size)];
    }
}
