package org.cryoetgan.engine.cpu;

import org.cryoetgan.engine.CounterHash;

/** Counter-based random fills: element i of a draw is a pure function of (seed, counter + i). */
final class CpuRandom {
    private CpuRandom() {
    }

    static void normal(Parallel par, long seed, long counter, float mean, float std, float[] out, int n) {
        par.forRange(n, 1 << 14, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = (float) (mean + std * CounterHash.normal(seed, counter + i));
            }
        });
    }

    static void uniform(Parallel par, long seed, long counter, float lo, float hi, float[] out, int n) {
        double span = (double) hi - lo;
        par.forRange(n, 1 << 14, (from, to) -> {
            for (int i = from; i < to; i++) {
                float v = (float) (lo + span * CounterHash.uniform(seed, counter + i));
                out[i] = v < hi ? v : Math.nextDown(hi);
            }
        });
    }
}
