package org.cryoetgan.nn.optim;

/**
 * Constant {@code base} until step {@code decayStart}, then linearly down to zero at {@code decayEnd} (and zero
 * after): {@code base·(decayEnd − t)/(decayEnd − decayStart)}.
 */
public record LinearDecay(double base, long decayStart, long decayEnd) implements LearningRateSchedule {

    public LinearDecay {
        if (decayEnd <= decayStart || decayStart < 0 || !(base >= 0)) {
            throw new IllegalArgumentException("need base >= 0 and 0 <= decayStart < decayEnd");
        }
    }

    /**
     * CycleGAN's {@code linear} policy with steps counted in epochs: {@code nConstant} epochs at {@code base},
     * then {@code nDecay} epochs with factor {@code 1 − (e + 1 − nConstant)/(nDecay + 1)} (epoch e from 0), which
     * is this schedule with decayStart = nConstant − 1 and decayEnd = nConstant + nDecay.
     */
    public static LinearDecay cycleGan(double base, int nConstant, int nDecay) {
        return new LinearDecay(base, nConstant - 1L, (long) nConstant + nDecay);
    }

    @Override
    public double rate(long step) {
        if (step <= decayStart) {
            return base;
        }
        if (step >= decayEnd) {
            return 0;
        }
        return base * (double) (decayEnd - step) / (decayEnd - decayStart);
    }
}
