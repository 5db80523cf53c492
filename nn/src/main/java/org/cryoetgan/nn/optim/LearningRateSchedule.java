package org.cryoetgan.nn.optim;

/** The learning rate as a function of the optimizer's step count (0 for the first update). */
@FunctionalInterface
public interface LearningRateSchedule {

    double rate(long step);

    /** The same rate at every step. */
    static LearningRateSchedule constant(double lr) {
        if (!(lr >= 0)) {
            throw new IllegalArgumentException("learning rate must be >= 0, got " + lr);
        }
        return step -> lr;
    }
}
